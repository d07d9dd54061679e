// Authorship on import: emails in the file become user ids. An email with no account here gets a
// disabled placeholder account that cannot sign in (no password) until an admin sets one and enables it.
import "server-only";
import type { Prisma } from "../db";
import { DISPLAY_NAME_MAX } from "../users/schema";

type Tx = Prisma.TransactionClient;

// Not an argon2 hash, so no password ever verifies against it.
const NO_PASSWORD = "!imported-without-password";
const LOOKUP_CHUNK = 500;

export type ResolvedUsers = { ids: Map<string, number>; placeholders: string[] };

export async function resolveUsers(tx: Tx, emails: string[]): Promise<ResolvedUsers> {
  const ids = new Map<string, number>();
  for (let start = 0; start < emails.length; start += LOOKUP_CHUNK) {
    const found = await tx.user.findMany({ where: { email: { in: emails.slice(start, start + LOOKUP_CHUNK) } }, select: { id: true, email: true } });
    for (const user of found) ids.set(user.email, user.id);
  }
  const placeholders = emails.filter((email) => !ids.has(email)).sort();
  for (const email of placeholders) {
    const displayName = (email.split("@")[0] || email).slice(0, DISPLAY_NAME_MAX);
    const user = await tx.user.create({ data: { email, displayName, role: "reporter", disabled: true, passwordHash: NO_PASSWORD }, select: { id: true } });
    ids.set(email, user.id);
  }
  return { ids, placeholders };
}

/** The id of the user with this email; every email in the file was resolved before any write. */
export function userIdOf(users: ResolvedUsers, email: string | null): number | null {
  if (email === null) return null;
  const id = users.ids.get(email);
  if (id === undefined) throw new Error(`user ${email} was not resolved`);
  return id;
}
