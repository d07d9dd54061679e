// The one result type of newsroom forms and actions. Messages are Chinese and safe to show;
// it never echoes secrets (passwords) back to the browser.
import "server-only";
import { ForbiddenError, NotFoundError, StaleVersionError, ValidationError } from "./errors";
import { formatShanghai } from "./text/time";

export type Conflict = { savedBy: string; savedAt: string; currentVersion: number };
export type FormResult<T = undefined> =
  | { ok: true; message: string; data: T }
  | { ok: false; message: string; fieldErrors?: Record<string, string>; conflict?: Conflict };

export function success<T>(message: string, data: T): FormResult<T> {
  return { ok: true, message, data };
}

export function failure(message: string, fieldErrors?: Record<string, string>): FormResult<never> {
  return { ok: false, message, fieldErrors };
}

export const SIGNED_OUT = "登录已失效，请在新标签页重新登录后再保存（表单内容不会丢失）";

/** Maps a domain error to a message; anything unexpected is logged and answered generically. */
export function toFailure(error: unknown): FormResult<never> {
  if (error instanceof ValidationError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
  if (error instanceof StaleVersionError) {
    const { savedBy, savedAt, currentVersion } = error.info;
    return {
      ok: false,
      message: `保存未成功：${savedBy} 于 ${formatShanghai(savedAt)} 保存了更新的版本（第 ${currentVersion} 版）。您的修改仍在表单中。`,
      conflict: { savedBy, savedAt: formatShanghai(savedAt), currentVersion },
    };
  }
  if (error instanceof ForbiddenError || error instanceof NotFoundError) return { ok: false, message: error.message };
  console.error("newsroom action failed:", error instanceof Error ? error.message : error);
  return { ok: false, message: "操作失败，请稍后再试。您的内容没有丢失。" };
}
