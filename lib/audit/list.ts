// Reading the audit trail, admins only: newest first, a page at a time, filtered by actor, action,
// target and Asia/Shanghai date range, with readable labels and a link to each event's target.
import "server-only";
import { prisma, type Prisma } from "../db";
import { requireAllowed } from "../auth/guard";
import { t } from "../messages/catalog";
import { AUDIT_ACTIONS, isAuditAction } from "./actions";
import type { Viewer } from "../auth/viewer";
import { formatShanghai, parseShanghai } from "../text/time";

export const AUDIT_PAGE_SIZE = 50;

/** The Chinese label of an action, or the action itself when it is not one lib records. */
export function auditActionLabel(action: string): string {
  return isAuditAction(action) ? t(`audit.${action}`) : action;
}

/** Where the newsroom shows an event's target, or null when it has no page. */
export function auditTargetHref(target: string): string | null {
  const [kind, id] = target.split(":");
  const hasId = id !== undefined && /^[1-9]\d{0,9}$/.test(id);
  if (kind === "article" && hasId) return `/editor/articles/${id}`;
  if (kind === "author" && hasId) return `/editor/authors/${id}`;
  if (kind === "channel" && hasId) return `/editor/channels/${id}`;
  if (kind === "user") return "/editor/users";
  if (target === "settings") return "/editor/settings";
  return null;
}

/** `actor` is a user id or "none" (events without a signed-in actor); dates are Shanghai calendar days. */
export type AuditFilters = { actor?: number | "none"; action?: string; target?: string; from?: string; to?: string };
export type AuditFilterErrors = Partial<Record<keyof AuditFilters, string>>;

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Reads the filters from the query string; a bad value is dropped and explained, never a 500. */
export function parseAuditFilters(params: Record<string, string | string[] | undefined>): { filters: AuditFilters; errors: AuditFilterErrors } {
  const text = (name: string) => (typeof params[name] === "string" ? (params[name] as string).trim() : "");
  const filters: AuditFilters = {};
  const errors: AuditFilterErrors = {};
  const actor = text("actor");
  if (actor === "none") filters.actor = "none";
  else if (/^[1-9]\d{0,9}$/.test(actor)) filters.actor = Number(actor);
  else if (actor) errors.actor = t("auditFilter.actor");
  if (text("action")) filters.action = text("action").slice(0, 100);
  if (text("target")) filters.target = text("target").slice(0, 100);
  for (const name of ["from", "to"] as const) {
    const day = text(name);
    if (!day) continue;
    if (DAY_PATTERN.test(day) && startOfShanghaiDay(day)) filters[name] = day;
    else errors[name] = t("auditFilter.day");
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    errors.to = t("auditFilter.range");
    delete filters.to;
  }
  return { filters, errors };
}

function startOfShanghaiDay(day: string): Date | null {
  return parseShanghai(`${day} 00:00`);
}

function whereOf(filters: AuditFilters): Prisma.AuditEventWhereInput {
  const where: Prisma.AuditEventWhereInput = {};
  if (filters.actor !== undefined) where.actorId = filters.actor === "none" ? null : filters.actor;
  if (filters.action) where.action = filters.action;
  // "article:12" is one target; "article" is every article (and the bare target "article", if any).
  if (filters.target) where.OR = filters.target.includes(":") ? [{ target: filters.target }] : [{ target: filters.target }, { target: { startsWith: `${filters.target}:` } }];
  const from = filters.from ? startOfShanghaiDay(filters.from) : null;
  const toStart = filters.to ? startOfShanghaiDay(filters.to) : null;
  if (from || toStart) where.at = { ...(from ? { gte: from } : {}), ...(toStart ? { lt: new Date(toStart.getTime() + DAY_MS) } : {}) };
  return where;
}

export type AuditEventSummary = {
  id: number;
  at: string;
  atIso: string;
  actor: string | null;
  action: string;
  actionLabel: string;
  target: string;
  targetHref: string | null;
  detail: string;
  clientAddress: string;
};

export type AuditPage = { total: number; page: number; pageCount: number; items: AuditEventSummary[] };

export async function listAuditEvents(
  viewer: Viewer,
  { page = 1, filters = {} }: { page?: number; filters?: AuditFilters } = {},
  context: { clientAddress?: string } = {},
): Promise<AuditPage> {
  await requireAuditReader(viewer, context);
  const current = Math.max(1, Math.floor(page));
  const where = whereOf(filters);
  const [total, rows] = await Promise.all([
    prisma.auditEvent.count({ where }),
    prisma.auditEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (current - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: { id: true, at: true, action: true, target: true, detail: true, clientAddress: true, actor: { select: { displayName: true } } },
    }),
  ]);
  return {
    total,
    page: current,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    items: rows.map((row) => ({
      id: row.id,
      at: formatShanghai(row.at),
      atIso: row.at.toISOString(),
      actor: row.actor?.displayName ?? null,
      action: row.action,
      actionLabel: auditActionLabel(row.action),
      target: row.target,
      targetHref: auditTargetHref(row.target),
      detail: row.detail,
      clientAddress: row.clientAddress,
    })),
  };
}

/** Choices for the filter form: every user, and every action lib records or that has happened. */
export async function listAuditFilterOptions(viewer: Viewer, context: { clientAddress?: string } = {}) {
  await requireAuditReader(viewer, context);
  const [users, actions] = await Promise.all([
    prisma.user.findMany({ orderBy: [{ displayName: "asc" }, { id: "asc" }], select: { id: true, displayName: true, email: true } }),
    prisma.auditEvent.groupBy({ by: ["action"] }),
  ]);
  const names = [...new Set([...AUDIT_ACTIONS, ...actions.map((group) => group.action)])].sort();
  return { actors: users, actions: names.map((action) => ({ action, label: auditActionLabel(action) })) };
}

function requireAuditReader(viewer: Viewer, context: { clientAddress?: string }): Promise<void> {
  return requireAllowed(viewer, "audit.read", { tried: "audit.read", target: "audit", clientAddress: context.clientAddress });
}
