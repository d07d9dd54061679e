// Input schemas for user accounts, shared by the users page, its actions, the CLI and the tests.
import { z } from "zod";
import { ROLES } from "../auth/permissions";
import { emailSchema, passwordSchema } from "../auth/schema";

export const DISPLAY_NAME_MAX = 40;

const userIdSchema = z.number({ error: "请求无效" }).int("请求无效").positive("请求无效");

export const roleSchema = z.enum(ROLES, { error: "请选择角色" });

export const displayNameSchema = z
  .string({ error: "请填写姓名" })
  .trim()
  .min(1, "请填写姓名")
  .max(DISPLAY_NAME_MAX, `姓名最多 ${DISPLAY_NAME_MAX} 个字`);

const requiredEmailSchema = z.string({ error: "请填写邮箱" }).trim().min(1, "请填写邮箱").pipe(emailSchema);
const requiredPasswordSchema = z.string({ error: "请填写密码" }).pipe(passwordSchema);

export const createUserSchema = z.object({
  email: requiredEmailSchema,
  displayName: displayNameSchema,
  role: roleSchema,
  password: requiredPasswordSchema,
  authorId: z.number({ error: "请重新选择作者" }).int("请重新选择作者").positive("请重新选择作者").nullable().optional(),
});

export const roleChangeSchema = z.object({ userId: userIdSchema, role: roleSchema });

export const passwordResetSchema = z.object({ userId: userIdSchema, password: requiredPasswordSchema });

export const disabledChangeSchema = z.object({ userId: userIdSchema, disabled: z.boolean({ error: "请求无效" }) });

export type CreateUserInput = z.infer<typeof createUserSchema>;
export type RoleChangeInput = z.infer<typeof roleChangeSchema>;
export type PasswordResetInput = z.infer<typeof passwordResetSchema>;
export type DisabledChangeInput = z.infer<typeof disabledChangeSchema>;
