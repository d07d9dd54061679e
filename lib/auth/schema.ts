// Input schemas for sign-in and passwords, shared by the form, the action, the CLI and the tests.
import { z } from "zod";
import { field } from "../messages/zod";

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

export const emailSchema = z
  .string(field("email", { tooLong: true }))
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email(field("email")));

export const passwordSchema = z
  .string(field("password", { unit: "letters" }))
  .min(PASSWORD_MIN)
  .max(PASSWORD_MAX);

export const signInSchema = z.object({ email: emailSchema, password: z.string().min(1).max(PASSWORD_MAX) });
