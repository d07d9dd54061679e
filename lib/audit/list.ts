// Reading the audit trail, admins only: newest first, a page at a time, with readable labels.
import "server-only";
import { prisma } from "../db";
import { recordAudit } from "./record";
import { requirePermission, type Viewer } from "../auth/viewer";
import { formatShanghai } from "../text/time";

export const AUDIT_PAGE_SIZE = 50;

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "auth.sign-in": "登录",
  "auth.sign-in-failed": "登录失败",
  "auth.throttled": "登录被限制",
  "article.publish": "发布",
  "article.schedule": "定时发布",
  "article.unpublish": "撤稿",
  "article.archive": "归档",
  "article.restore": "恢复版本",
  "permission.denied": "越权操作",
  "user.create": "创建用户",
  "user.role": "修改角色",
  "user.password": "重置密码",
  "user.disable": "停用用户",
  "user.enable": "启用用户",
};

/** The Chinese label of an action, or the action itself when it has none yet. */
export function auditActionLabel(action: string): string {
  return Object.hasOwn(AUDIT_ACTION_LABELS, action) ? AUDIT_ACTION_LABELS[action] : action;
}

export type AuditEventSummary = {
  id: number;
  at: string;
  atIso: string;
  actor: string | null;
  action: string;
  actionLabel: string;
  target: string;
  detail: string;
  clientAddress: string;
};

export type AuditPage = { total: number; page: number; pageCount: number; items: AuditEventSummary[] };

export async function listAuditEvents(viewer: Viewer, { page = 1 }: { page?: number } = {}, context: { clientAddress?: string } = {}): Promise<AuditPage> {
  try {
    requirePermission(viewer, "audit.read");
  } catch (error) {
    await recordAudit({ actorId: viewer.id, action: "permission.denied", target: "audit", detail: "audit.read", clientAddress: context.clientAddress });
    throw error;
  }
  const current = Math.max(1, Math.floor(page));
  const [total, rows] = await Promise.all([
    prisma.auditEvent.count(),
    prisma.auditEvent.findMany({
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
      detail: row.detail,
      clientAddress: row.clientAddress,
    })),
  };
}
