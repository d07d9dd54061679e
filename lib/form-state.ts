// The one result type of newsroom forms and actions. Messages are Chinese, from lib/messages, and
// safe to show; it never echoes secrets (passwords) back to the browser.
import "server-only";
import { ForbiddenError, NotFoundError, StaleVersionError, ValidationError } from "./errors";
import { t, textOf } from "./messages/catalog";
import { formatShanghai } from "./text/time";

export type Conflict = { savedBy: string; savedAt: string; currentVersion: number };
export type FormResult<T = undefined> = { ok: true; message: string; data: T } | { ok: false; message: string; fieldErrors?: Record<string, string>; conflict?: Conflict };

export function success<T>(message: string, data: T): FormResult<T> {
  return { ok: true, message, data };
}

export function failure(message: string, fieldErrors?: Record<string, string>): FormResult<never> {
  return { ok: false, message, fieldErrors };
}

/** Maps a domain error to its catalog message; anything unexpected is logged and answered generically. */
export function toFailure(error: unknown): FormResult<never> {
  if (error instanceof ValidationError) return { ok: false, message: textOf(error), fieldErrors: error.fieldErrors };
  if (error instanceof StaleVersionError) {
    const { savedBy, savedAt, currentVersion } = error.info;
    return {
      ok: false,
      message: t("form.stale", { savedBy, savedAt: formatShanghai(savedAt), version: currentVersion }),
      conflict: { savedBy, savedAt: formatShanghai(savedAt), currentVersion },
    };
  }
  if (error instanceof ForbiddenError || error instanceof NotFoundError) return { ok: false, message: textOf(error) };
  console.error("newsroom action failed:", error instanceof Error ? error.message : error);
  return { ok: false, message: t("form.failed") };
}
