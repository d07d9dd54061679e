// Who is asking: the signed-in user, re-read from the database on every request so that disabling
// a user or changing their password ends their sessions at once.
import "server-only";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { prisma } from "../db";
import { secrets } from "../env";
import { ABSOLUTE_LIFETIME_S, sessionCookieName } from "./session";
import { isRole, type Role } from "./permissions";

export type Viewer = { id: number; email: string; displayName: string; role: Role; authorId: number | null };

/** Resolves a session token's claims to an active user, or null when the session is no longer valid. */
export async function viewerFromClaims(claims: { uid?: number; sv?: number; authTime?: number } | null, now = Date.now()): Promise<Viewer | null> {
  if (!claims?.uid || claims.sv === undefined || !claims.authTime) return null;
  if (now / 1000 - claims.authTime > ABSOLUTE_LIFETIME_S) return null;
  const user = await prisma.user.findUnique({
    where: { id: claims.uid },
    select: { id: true, email: true, displayName: true, role: true, authorId: true, disabled: true, sessionVersion: true },
  });
  if (!user || user.disabled || user.sessionVersion !== claims.sv || !isRole(user.role)) return null;
  return { id: user.id, email: user.email, displayName: user.displayName, role: user.role, authorId: user.authorId };
}

/** The current viewer, or null when signed out or the session was revoked. */
export async function getViewer(): Promise<Viewer | null> {
  const token = (await cookies()).get(sessionCookieName())?.value;
  if (!token) return null;
  const claims = await decode({ token, secret: secrets().authSecret }).catch(() => null);
  return viewerFromClaims(claims);
}

/** The viewer, or a redirect to the sign-in page that comes back to `returnTo`. */
export async function requireViewer(returnTo = "/editor"): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return viewer;
}
