// The world the forbidden-journey specs build for themselves (articles with unique titles, owned by
// different roles), the callers that attack it, and read-only views of the rows an attack must
// leave exactly as they were.
import type { Browser, BrowserContext } from "@playwright/test";
import { E2E_BASE_URL, E2E_USERS, type E2ERole } from "./environment";
import { articleInput, queryDatabase, saveArticleOrThrow, type SaveIntent } from "./server-actions";
import { asRole } from "./support";

export type Article = { id: number; title: string };
export type World = {
  tag: string;
  /** reporter's own draft */
  reporterDraft: Article;
  /** reporter's own article, published by an editor who also changed its body */
  reporterPublished: Article;
  /** reporter2's draft, saved twice: someone else's article for reporter, with a revision to restore */
  reporter2Draft: Article;
  /** an editor's published article */
  editorPublished: Article;
};
export type Who = E2ERole | "signed-out";

/**
 * "signed-out" has no cookie and is stopped by the proxy; "forged-session" carries a cookie that
 * passes the proxy's has-a-cookie test but names no one, so the action itself must refuse.
 */
export type Caller = Exclude<E2ERole, "reporter2"> | "signed-out" | "forged-session";

/** How a refused call ends: a message from the action, or the proxy's redirect to sign in. */
export type Refusal = "forbidden" | "not-found" | "photo-forbidden" | "photo-delete-forbidden" | "signed-out" | "sign-in redirect";

export const REFUSAL_MESSAGES: Record<Exclude<Refusal, "sign-in redirect">, string> = {
  forbidden: "没有权限执行此操作",
  "not-found": "找不到这篇文章，或您没有查看它的权限",
  "photo-forbidden": "没有权限修改这张图片",
  "photo-delete-forbidden": "只有编辑和管理员可以删除图片",
  "signed-out": "登录已失效，请在新标签页重新登录后再保存（表单内容不会丢失）",
};

export async function contextFor(browser: Browser, who: Who): Promise<BrowserContext> {
  return who === "signed-out" ? browser.newContext() : browser.newContext(asRole(who));
}

export async function callerContext(browser: Browser, caller: Caller): Promise<BrowserContext> {
  if (caller !== "forged-session") return contextFor(browser, caller);
  const context = await browser.newContext();
  await context.addCookies([{ name: "next-auth.session-token", value: "forged.session.token", url: E2E_BASE_URL }]);
  return context;
}

export const uniqueTag = (label: string) => `${label}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Saves a new article through saveArticleAction as the context's user; its body names its title. */
export async function createArticle(context: BrowserContext, title: string, intent: SaveIntent): Promise<Article> {
  const saved = await saveArticleOrThrow(context.request, { articleId: null, baseVersion: 0, intent, input: articleInput({ title, bodyHtml: `<p>${title}的正文。</p>` }) });
  return { id: saved.articleId, title };
}

export async function createWorld(browser: Browser): Promise<World> {
  const tag = uniqueTag("禁区");
  const [reporter, reporter2, editor] = await Promise.all((["reporter", "reporter2", "editor"] as const).map((role) => contextFor(browser, role)));
  const reporterDraft = await createArticle(reporter, `${tag}记者本人草稿`, "save");
  const reporterPublished = await createArticle(reporter, `${tag}记者本人已发布`, "submit");
  const publishInput = articleInput({ title: reporterPublished.title, bodyHtml: `<p>${reporterPublished.title}的正文，编辑改过。</p>` });
  await saveArticleOrThrow(editor.request, { articleId: reporterPublished.id, baseVersion: articleRow(reporterPublished.id).version, intent: "publish", input: publishInput });
  const reporter2Draft = await createArticle(reporter2, `${tag}另一位记者的草稿`, "save");
  // A second version, so restoring the first would change the article: a refused restore is visible.
  const secondInput = articleInput({ title: reporter2Draft.title, bodyHtml: `<p>${reporter2Draft.title}的第二稿。</p>` });
  await saveArticleOrThrow(reporter2.request, { articleId: reporter2Draft.id, baseVersion: articleRow(reporter2Draft.id).version, intent: "save", input: secondInput });
  const editorPublished = await createArticle(editor, `${tag}编辑发布的稿件`, "publish");
  await Promise.all([reporter, reporter2, editor].map((context) => context.close()));
  return { tag, reporterDraft, reporterPublished, reporter2Draft, editorPublished };
}

// ---------------------------------------------------------------------------------------------
// Database reads (read-only): the rows a forbidden call must leave exactly as they were.

export type ArticleRow = {
  title: string;
  subtitle: string;
  summary: string;
  bodyHtml: string;
  status: string;
  publishedAt: string | null;
  version: number;
  updatedById: number | null;
  updatedAt: string;
  revisions: number;
  bylines: number;
  picks: number;
};

export function articleRow(id: number): ArticleRow {
  const [row] = queryDatabase<ArticleRow>(
    `SELECT title, subtitle, summary, bodyHtml, status, publishedAt, version, updatedById, updatedAt,
       (SELECT count(*) FROM Revision WHERE articleId = a.id) AS revisions,
       (SELECT count(*) FROM Byline WHERE articleId = a.id) AS bylines,
       (SELECT count(*) FROM RelatedEntry WHERE articleId = a.id) AS picks
     FROM Article a WHERE id = ?`,
    id,
  );
  if (!row) throw new Error(`article ${id} not in the database`);
  return row;
}

export function userRow(email: string) {
  return queryDatabase(`SELECT id, email, displayName, role, disabled, sessionVersion, passwordHash, authorId, updatedAt FROM User WHERE email = ?`, email)[0] ?? null;
}

export function userId(role: E2ERole): number {
  return Number(userRow(E2E_USERS[role].email)!.id);
}

export const articlesTitled = (title: string) => queryDatabase(`SELECT id, status FROM Article WHERE title = ?`, title);
