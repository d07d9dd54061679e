// Sign-in throttling: 5 failures for one account within 15 minutes, or 50 from one client address
// within an hour, refuse further attempts until the window passes. A success resets the account.
import "server-only";
import { prisma } from "../db";

export const ACCOUNT_LIMIT = { failures: 5, windowMs: 15 * 60 * 1000 };
export const ADDRESS_LIMIT = { failures: 50, windowMs: 60 * 60 * 1000 };

/** When the caller may try again, or null when not throttled. */
export async function getThrottledUntil(email: string, clientAddress: string, now = new Date()): Promise<Date | null> {
  const lastSuccess = await prisma.loginAttempt.findFirst({ where: { email, success: true }, orderBy: { at: "desc" }, select: { at: true } });
  const accountSince = new Date(Math.max(now.getTime() - ACCOUNT_LIMIT.windowMs, lastSuccess ? lastSuccess.at.getTime() + 1 : 0));
  const accountUntil = await limitReachedUntil({ email, success: false, at: { gte: accountSince } }, ACCOUNT_LIMIT);
  const addressSince = new Date(now.getTime() - ADDRESS_LIMIT.windowMs);
  const addressUntil = await limitReachedUntil({ clientAddress, success: false, at: { gte: addressSince } }, ADDRESS_LIMIT);
  const until = [accountUntil, addressUntil].filter((date): date is Date => date !== null && date > now);
  return until.length > 0 ? new Date(Math.max(...until.map((date) => date.getTime()))) : null;
}

/** If the window holds `failures` failures, the time the oldest of the latest `failures` leaves it. */
async function limitReachedUntil(where: object, limit: { failures: number; windowMs: number }): Promise<Date | null> {
  const recent = await prisma.loginAttempt.findMany({ where, orderBy: { at: "desc" }, take: limit.failures, select: { at: true } });
  if (recent.length < limit.failures) return null;
  return new Date(recent[recent.length - 1].at.getTime() + limit.windowMs);
}

export async function recordLoginAttempt(email: string, clientAddress: string, success: boolean): Promise<void> {
  await prisma.loginAttempt.create({ data: { email, clientAddress, success } });
}
