"use server";
import { refresh } from "next/cache";
import type { z } from "zod";
import { fieldErrors } from "@/lib/articles/schema";
import { requestClientAddress } from "@/lib/auth/client-address";
import { getViewer } from "@/lib/auth/viewer";
import { failure, SIGNED_OUT, success, toFailure, type FormResult } from "@/lib/form-state";
import { changeRole, createUser, resetPassword, setDisabled } from "@/lib/users/manage";
import { createUserSchema, disabledChangeSchema, passwordResetSchema, roleChangeSchema } from "@/lib/users/schema";

const INVALID = "请修改标出的内容后再提交";

/** Resolves the viewer and parses the request; the shared steps of every action below. */
async function prepare<T extends z.ZodType>(schema: T, request: unknown) {
  const viewer = await getViewer();
  if (!viewer) return { ok: false, result: failure(SIGNED_OUT) } as const;
  const parsed = schema.safeParse(request);
  if (!parsed.success) return { ok: false, result: failure(INVALID, fieldErrors(parsed.error)) } as const;
  return { ok: true, viewer, input: parsed.data as z.output<T>, context: { clientAddress: await requestClientAddress() } } as const;
}

export async function createUserAction(request: unknown): Promise<FormResult<{ userId: number }>> {
  const prepared = await prepare(createUserSchema, request);
  if (!prepared.ok) return prepared.result;
  try {
    const user = await createUser(prepared.viewer, prepared.input, prepared.context);
    refresh();
    return success(`已创建用户 ${user.email}（${user.roleLabel}）`, { userId: user.id });
  } catch (error) {
    return toFailure(error);
  }
}

export async function changeRoleAction(request: unknown): Promise<FormResult> {
  const prepared = await prepare(roleChangeSchema, request);
  if (!prepared.ok) return prepared.result;
  try {
    const { user, changed } = await changeRole(prepared.viewer, prepared.input, prepared.context);
    refresh();
    return success(changed ? `已将 ${user.email} 的角色改为${user.roleLabel}` : "角色没有变化", undefined);
  } catch (error) {
    return toFailure(error);
  }
}

export async function resetPasswordAction(request: unknown): Promise<FormResult> {
  const prepared = await prepare(passwordResetSchema, request);
  if (!prepared.ok) return prepared.result;
  try {
    const { user } = await resetPassword(prepared.viewer, prepared.input, prepared.context);
    refresh();
    const self = user.id === prepared.viewer.id;
    return success(self ? "密码已重置，请用新密码重新登录" : `已重置 ${user.email} 的密码，其现有登录已失效`, undefined);
  } catch (error) {
    return toFailure(error);
  }
}

export async function setDisabledAction(request: unknown): Promise<FormResult> {
  const prepared = await prepare(disabledChangeSchema, request);
  if (!prepared.ok) return prepared.result;
  try {
    const { user, changed } = await setDisabled(prepared.viewer, prepared.input, prepared.context);
    refresh();
    if (!changed) return success(user.disabled ? "该用户已是停用状态" : "该用户已是正常状态", undefined);
    return success(user.disabled ? `已停用 ${user.email}，其现有登录已失效` : `已启用 ${user.email}`, undefined);
  } catch (error) {
    return toFailure(error);
  }
}
