// Newsroom test data: users with one shared password hash (argon2 is slow), their Viewer objects,
// and article form input as the edit form would send it.
import crypto from "node:crypto";
import { prisma } from "@/lib/db";
import { hashPassword } from "@/lib/auth/passwords";
import type { Role } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import type { ArticleInput } from "@/lib/articles/schema";

export const PASSWORD = "correct horse battery staple";

let sharedHash: Promise<string> | null = null;

/** The hash of PASSWORD, computed once per test file. */
export function passwordHash(): Promise<string> {
  sharedHash ??= hashPassword(PASSWORD);
  return sharedHash;
}

export function uniqueLabel(label: string): string {
  return `${label}-${crypto.randomUUID().slice(0, 8)}`;
}

export async function createUser(role: Role, options: { displayName?: string; email?: string; disabled?: boolean } = {}) {
  const displayName = options.displayName ?? uniqueLabel(role === "reporter" ? "记者" : role === "editor" ? "编辑" : "管理员");
  return prisma.user.create({
    data: {
      email: options.email ?? `${crypto.randomUUID().slice(0, 12)}@example.com`,
      displayName,
      passwordHash: await passwordHash(),
      role,
      disabled: options.disabled ?? false,
    },
  });
}

export function viewerOf(user: { id: number; email: string; displayName: string; role: string; authorId: number | null }): Viewer {
  return { id: user.id, email: user.email, displayName: user.displayName, role: user.role as Role, authorId: user.authorId };
}

export async function createViewer(role: Role, options: { displayName?: string } = {}): Promise<Viewer> {
  return viewerOf(await createUser(role, options));
}

/** A complete, valid article form. */
export function articleInput(overrides: Partial<ArticleInput> = {}): ArticleInput {
  return {
    title: uniqueLabel("平阴为什么能"),
    subtitle: "",
    summary: "",
    bodyHtml: "<p>平阴县用不到一天时间建起了网格。</p><p>第二段正文。</p>",
    channelId: null,
    source: "济南日报",
    publishedAt: "",
    lead: null,
    bylines: [],
    picks: [],
    ...overrides,
  };
}

export async function revisionsOf(articleId: number) {
  return prisma.revision.findMany({ where: { articleId }, orderBy: { number: "asc" } });
}

export async function auditActions(target: string) {
  const events = await prisma.auditEvent.findMany({ where: { target }, orderBy: { id: "asc" }, select: { action: true } });
  return events.map((event) => event.action);
}
