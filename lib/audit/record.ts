// The audit trail: append-only events with actor, action, target, detail and client address.
import "server-only";
import { prisma, type Prisma } from "../db";
import type { AuditAction } from "./actions";

export type AuditInput = { actorId: number | null; action: AuditAction; target?: string; detail?: string; clientAddress?: string };

export async function recordAudit(event: AuditInput, tx: Prisma.TransactionClient = prisma): Promise<void> {
  await tx.auditEvent.create({
    data: { actorId: event.actorId, action: event.action, target: event.target ?? "", detail: event.detail ?? "", clientAddress: event.clientAddress ?? "" },
  });
}
