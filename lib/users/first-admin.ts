// The first admin account: from ADMIN_EMAIL/ADMIN_PASSWORD, else a random password shown once.
import "server-only";
import crypto from "node:crypto";
import { prisma } from "../db";
import { firstAdminFromEnv } from "../env";
import { hashPassword } from "../auth/passwords";
import { roleLabel } from "../messages/catalog";

export const DEFAULT_ADMIN_EMAIL = "admin@newsdesk.local";

/** Creates the first admin when there is no user yet; returns the credentials to print, or null. */
export async function ensureFirstAdmin(): Promise<{ email: string; password: string | null } | null> {
  if ((await prisma.user.count()) > 0) return null;
  const given = firstAdminFromEnv();
  const email = (given.email ?? DEFAULT_ADMIN_EMAIL).toLowerCase();
  const password = given.password ?? crypto.randomBytes(12).toString("base64url");
  if (password.length < 8) throw new Error("ADMIN_PASSWORD must be at least 8 characters");
  await prisma.user.create({ data: { email, displayName: roleLabel("admin"), role: "admin", passwordHash: await hashPassword(password) } });
  return { email, password: given.password ? null : password };
}
