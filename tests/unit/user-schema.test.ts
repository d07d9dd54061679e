// The user account schemas: what passes, what is refused, and the Chinese messages admins see.
import { describe, expect, it } from "vitest";
import { fieldErrors } from "@/lib/validation";
import { createUserSchema, disabledChangeSchema, passwordResetSchema, roleChangeSchema } from "@/lib/users/schema";

const HAN = /\p{Script=Han}/u;

function validUser() {
  return { email: "Feng.Jingwei@Example.COM", displayName: "冯经伟", role: "reporter", password: "correct horse", authorId: 3 };
}

/** The field errors an admin would see for this input, or null when it is accepted. */
function errorsFor(input: unknown): Record<string, string> | null {
  const result = createUserSchema.safeParse(input);
  return result.success ? null : fieldErrors(result.error);
}

describe("createUserSchema", () => {
  it("accepts a complete user and lower-cases and trims the email", () => {
    const parsed = createUserSchema.parse({ ...validUser(), email: "  Feng.Jingwei@Example.COM " });
    expect(parsed).toEqual({ email: "feng.jingwei@example.com", displayName: "冯经伟", role: "reporter", password: "correct horse", authorId: 3 });
  });

  it.each([null, undefined])("accepts a user without a linked author (%s)", (authorId) => {
    expect(errorsFor({ ...validUser(), authorId })).toBeNull();
  });

  it("trims the name and accepts 40 characters, refuses 41 and blank", () => {
    expect(createUserSchema.parse({ ...validUser(), displayName: `  ${"字".repeat(40)} ` }).displayName).toBe("字".repeat(40));
    expect(errorsFor({ ...validUser(), displayName: "字".repeat(41) })).toEqual({ displayName: "姓名最多 40 个字" });
    expect(errorsFor({ ...validUser(), displayName: "   " })).toEqual({ displayName: "请填写姓名" });
  });

  it.each([
    ["", "请填写邮箱"],
    ["   ", "请填写邮箱"],
    ["not-an-email", "请输入有效的邮箱地址"],
    ["冯经伟@", "请输入有效的邮箱地址"],
    [`${"a".repeat(250)}@example.com`, "邮箱太长"],
  ])("refuses the email %j with %s", (email, message) => {
    expect(errorsFor({ ...validUser(), email })).toEqual({ email: message });
  });

  it.each(["admin", "editor", "reporter"])("accepts the role %s", (role) => {
    expect(errorsFor({ ...validUser(), role })).toBeNull();
  });

  it.each(["owner", "", "Admin", undefined])("refuses the role %j", (role) => {
    expect(errorsFor({ ...validUser(), role })).toEqual({ role: "请选择角色" });
  });

  it("accepts passwords of 8 and 256 characters and refuses 7 and 257", () => {
    expect(errorsFor({ ...validUser(), password: "a".repeat(8) })).toBeNull();
    expect(errorsFor({ ...validUser(), password: "a".repeat(256) })).toBeNull();
    expect(errorsFor({ ...validUser(), password: "a".repeat(7) })).toEqual({ password: "密码至少 8 个字符" });
    expect(errorsFor({ ...validUser(), password: "a".repeat(257) })).toEqual({ password: "密码最多 256 个字符" });
  });

  it("keeps the password exactly as typed, spaces included", () => {
    expect(createUserSchema.parse({ ...validUser(), password: "  spaced  " }).password).toBe("  spaced  ");
  });

  it.each([0, -1, 1.5, "3"])("refuses the author id %j", (authorId) => {
    expect(errorsFor({ ...validUser(), authorId })).toEqual({ authorId: "请重新选择作者" });
  });

  it("reports every bad field at once, each in Chinese", () => {
    const errors = errorsFor({ email: "x", displayName: "", role: "boss", password: "short" });
    expect(Object.keys(errors ?? {}).sort()).toEqual(["displayName", "email", "password", "role"]);
    for (const message of Object.values(errors ?? {})) expect(message).toMatch(HAN);
  });
});

describe("roleChangeSchema, passwordResetSchema and disabledChangeSchema", () => {
  it("accept well-formed requests", () => {
    expect(roleChangeSchema.parse({ userId: 7, role: "editor" })).toEqual({ userId: 7, role: "editor" });
    expect(passwordResetSchema.parse({ userId: 7, password: "new password" })).toEqual({ userId: 7, password: "new password" });
    expect(disabledChangeSchema.parse({ userId: 7, disabled: true })).toEqual({ userId: 7, disabled: true });
  });

  it("refuse an unknown role and a short password with field messages", () => {
    expect(fieldErrors(roleChangeSchema.safeParse({ userId: 7, role: "root" }).error!)).toEqual({ role: "请选择角色" });
    expect(fieldErrors(passwordResetSchema.safeParse({ userId: 7, password: "1234567" }).error!)).toEqual({ password: "密码至少 8 个字符" });
  });

  it.each([0, -3, 2.5, "7", null])("refuse the user id %j", (userId) => {
    expect(roleChangeSchema.safeParse({ userId, role: "editor" }).success).toBe(false);
    expect(passwordResetSchema.safeParse({ userId, password: "new password" }).success).toBe(false);
    expect(disabledChangeSchema.safeParse({ userId, disabled: true }).success).toBe(false);
  });

  it("refuse a disabled flag that is not a boolean", () => {
    expect(disabledChangeSchema.safeParse({ userId: 7, disabled: "true" }).success).toBe(false);
  });
});
