// Input schemas for user accounts, shared by the users page, its actions, the CLI and the tests.
import { z } from "zod";
import { ROLES } from "../auth/permissions";
import { emailSchema, passwordSchema } from "../auth/schema";
import { field, rule } from "../messages/zod";

export const DISPLAY_NAME_MAX = 40;

const userIdSchema = z.number(rule("request.invalid")).int().positive();

export const roleSchema = z.enum(ROLES, field("role", { choose: true }));

export const displayNameSchema = z.string(field("name")).trim().min(1).max(DISPLAY_NAME_MAX);

const requiredEmailSchema = z.string(field("email")).trim().min(1).pipe(emailSchema);
const requiredPasswordSchema = z.string(field("password")).pipe(passwordSchema);

export const createUserSchema = z.object({
  email: requiredEmailSchema,
  displayName: displayNameSchema,
  role: roleSchema,
  password: requiredPasswordSchema,
  authorId: z.number(rule("user.chooseAuthorAgain")).int().positive().nullable().optional(),
});

export const roleChangeSchema = z.object({ userId: userIdSchema, role: roleSchema });

export const passwordResetSchema = z.object({ userId: userIdSchema, password: requiredPasswordSchema });

export const disabledChangeSchema = z.object({ userId: userIdSchema, disabled: z.boolean(rule("request.invalid")) });

export type CreateUserInput = z.infer<typeof createUserSchema>;
export type RoleChangeInput = z.infer<typeof roleChangeSchema>;
export type PasswordResetInput = z.infer<typeof passwordResetSchema>;
export type DisabledChangeInput = z.infer<typeof disabledChangeSchema>;
