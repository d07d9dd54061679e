// Credential checks for sign-in: throttling, constant-shape answers for unknown accounts, audit.
import "server-only";
import { prisma } from "../db";
import { recordAudit } from "../audit/record";
import { CatalogError } from "../errors";
import { message, t } from "../messages/catalog";
import { formatShanghai } from "../text/time";
import { hashPassword, verifyPassword } from "./passwords";
import { signInSchema } from "./schema";
import { getThrottledUntil, recordLoginAttempt } from "./throttle";

export type SignedInUser = { id: number; email: string; displayName: string; sessionVersion: number };
/** Its message is what the sign-in form shows (next-auth passes it on). */
export class SignInError extends CatalogError {}

export const WRONG_CREDENTIALS = t("signIn.wrongCredentials");

// Verified against when the account does not exist, so both answers take the same time.
let dummyHash: Promise<string> | null = null;

export async function signInWithPassword(input: unknown, clientAddress: string): Promise<SignedInUser> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) throw new SignInError(message("signIn.wrongCredentials"));
  const email = parsed.data.email;
  const throttledUntil = await getThrottledUntil(email, clientAddress);
  if (throttledUntil) {
    await recordAudit({ actorId: null, action: "auth.throttled", target: email, clientAddress });
    throw new SignInError(message("signIn.throttled", { until: formatShanghai(throttledUntil) }));
  }
  const user = await prisma.user.findUnique({ where: { email } });
  dummyHash ??= hashPassword("newsdesk-timing-equalizer");
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), parsed.data.password);
  const success = Boolean(user && valid && !user.disabled);
  await recordLoginAttempt(email, clientAddress, success);
  await recordAudit({ actorId: user?.id ?? null, action: success ? "auth.sign-in" : "auth.sign-in-failed", target: email, clientAddress });
  if (!user || !success) throw new SignInError(message("signIn.wrongCredentials"));
  return { id: user.id, email: user.email, displayName: user.displayName, sessionVersion: user.sessionVersion };
}
