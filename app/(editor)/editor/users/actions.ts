"use server";
import { prepareAction } from "../_lib/prepare-action";
import { refresh } from "next/cache";
import { success, toFailure, type FormResult } from "@/lib/form-state";
import { changeRole, createUser, resetPassword, setDisabled } from "@/lib/users/manage";
import { createUserSchema, disabledChangeSchema, passwordResetSchema, roleChangeSchema } from "@/lib/users/schema";


export async function createUserAction(request: unknown): Promise<FormResult<{ userId: number }>> {
  const prepared = await prepareAction(createUserSchema, request);
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
  const prepared = await prepareAction(roleChangeSchema, request);
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
  const prepared = await prepareAction(passwordResetSchema, request);
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
  const prepared = await prepareAction(disabledChangeSchema, request);
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
