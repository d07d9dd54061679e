// Input schemas for sign-in and passwords, shared by the form, the action, the CLI and the tests.
import { z } from "zod";

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "邮箱太长")
  .pipe(z.email("请输入有效的邮箱地址"));

export const passwordSchema = z.string().min(PASSWORD_MIN, `密码至少 ${PASSWORD_MIN} 个字符`).max(PASSWORD_MAX, `密码最多 ${PASSWORD_MAX} 个字符`);

export const signInSchema = z.object({ email: emailSchema, password: z.string().min(1).max(PASSWORD_MAX) });
