// Refusing in lib: a refused attempt is recorded in the audit log (who tried what on which
// target), then refused with ForbiddenError. No next/headers here, so the newsroom, the CLI and the
// tests apply the same rules.
import "server-only";
import { recordAudit } from "../audit/record";
import { ForbiddenError } from "../errors";
import { hasPermission, type Action, type Subject } from "./permissions";

/** What was tried (`author.update`, `publish`) on which target (`author:3`, `settings`), and from where. */
export type Attempt = { tried: string; target: string; clientAddress?: string };

/** Records the denial, then throws ForbiddenError unless the viewer's role allows `action`. */
export async function requireAllowed(viewer: Subject, action: Action, attempt: Attempt): Promise<void> {
  if (!hasPermission(viewer.role, action)) await refuse(viewer, attempt);
}

/** Records the denial, then throws ForbiddenError: for rules that depend on the row (`can()`). */
export async function refuse(viewer: Subject, attempt: Attempt): Promise<never> {
  await recordDenial(viewer, attempt);
  throw new ForbiddenError();
}

/**
 * Runs `run` (a transaction that checks the rows it reads and throws ForbiddenError) and records a
 * refusal after it: written inside the transaction, the event would roll back and vanish with it.
 */
export async function recordingDenial<T>(viewer: Subject, attempt: Attempt, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ForbiddenError) await recordDenial(viewer, attempt);
    throw error;
  }
}

/** Records a refused attempt, for callers whose refusal is not a ForbiddenError (a photo they may not see is "not found"). Always on the root client, never a caller's transaction, for the reason above. */
export function recordDenial(viewer: Subject, { tried, target, clientAddress }: Attempt): Promise<void> {
  return recordAudit({ actorId: viewer.id, action: "permission.denied", target, detail: tried, clientAddress });
}
