// Who may see which article: readers (public), the newsroom (by viewer) and the newsroom's state
// filters. Each rule is written here once, as a Prisma `where`, as an SQL fragment for the search
// index's queries, and as a predicate; tests/integration/visibility-rules.test.ts proves they agree.
// Invariant (kept by lib/articles/write.ts): a published article always has a publish time.
import { hasPermission, type Subject } from "../auth/permissions";

export const ARTICLE_STATUSES = ["draft", "review", "published", "archived"] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** What the newsroom calls an article's state: a published article not yet due is scheduled. */
export const ARTICLE_STATES = ["draft", "review", "scheduled", "published", "archived"] as const;
export type ArticleState = (typeof ARTICLE_STATES)[number];

type Dated = { status: string; publishedAt: Date | null };
type Owned = { createdById: number | null };
/** SQL conditions on the article table aliased `alias`, with their parameters in order. */
export type SqlCondition = { sql: string; params: unknown[] };

/** Readers see an article exactly when it is published and its publish time has passed. */
export function isPublic(article: Dated, now = new Date()): boolean {
  return article.status === "published" && article.publishedAt !== null && article.publishedAt <= now;
}

export function publicWhere(now: Date) {
  return { status: "published", publishedAt: { lte: now } } as const;
}

export function publicSql(alias: string, now: Date): SqlCondition {
  return { sql: `${alias}.status = 'published' AND ${alias}.publishedAt <= ?`, params: [now] };
}

/**
 * Exactly the articles `publicSql` leaves out, spelled so that SQLite reads only those from the
 * (status, publishedAt) index: they are few, so counting matches among them is cheap.
 */
export function hiddenFromPublicSql(alias: string, now: Date): SqlCondition {
  return {
    sql: `${alias}.id IN (SELECT id FROM "Article" WHERE status IN ('draft', 'review', 'archived')
      UNION ALL SELECT id FROM "Article" WHERE status = 'published' AND publishedAt > ?
      UNION ALL SELECT id FROM "Article" WHERE status = 'published' AND publishedAt IS NULL)`,
    params: [now],
  };
}

/** Published, due or not: what a pick may point at and what 相关推荐 may list (readers filter again when they read). */
export function isPublished(article: { status: string }): boolean {
  return article.status === "published";
}

export function publishedWhere() {
  return { status: "published" } as const;
}

export function publishedSql(alias: string): SqlCondition {
  return { sql: `${alias}.status = 'published'`, params: [] };
}

/** Articles whose publish time passed in (since, until]: the ones a scheduled release makes public. */
export function becamePublicWhere(since: Date, until: Date) {
  return { status: "published", publishedAt: { gt: since, lte: until } } as const;
}

/** Reporters see their own articles in the newsroom; editors and admins see all. */
export function isVisibleInNewsroom(viewer: Subject, article: Owned): boolean {
  return hasPermission(viewer.role, "article.editAny") || article.createdById === viewer.id;
}

export function newsroomWhere(viewer: Subject) {
  return hasPermission(viewer.role, "article.editAny") ? {} : { createdById: viewer.id };
}

/** Null when the viewer sees every article (no condition to add). */
export function newsroomSql(alias: string, viewer: Subject): SqlCondition | null {
  return hasPermission(viewer.role, "article.editAny") ? null : { sql: `${alias}.createdById = ?`, params: [viewer.id] };
}

export function stateOf(article: Dated, now = new Date()): ArticleState {
  if (article.status !== "published") return article.status as ArticleState;
  return article.publishedAt && article.publishedAt > now ? "scheduled" : "published";
}

export function stateWhere(state: ArticleState, now: Date) {
  if (state === "scheduled") return { status: "published", publishedAt: { gt: now } };
  if (state === "published") return { status: "published", publishedAt: { lte: now } };
  return { status: state };
}

export function stateSql(alias: string, state: ArticleState, now: Date): SqlCondition {
  if (state === "scheduled") return { sql: `${alias}.status = 'published' AND ${alias}.publishedAt > ?`, params: [now] };
  if (state === "published") return publicSql(alias, now);
  return { sql: `${alias}.status = ?`, params: [state] };
}
