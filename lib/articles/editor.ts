// Newsroom reads of articles, scoped by viewer: a forbidden article is simply "not found".
import "server-only";
import { prisma } from "../db";
import type { Viewer } from "../auth/viewer";
import { NotFoundError } from "../errors";
import { parseQuery } from "../search/parse-query";
import { matchingIds } from "../search/query";
import { stateLabel, t } from "../messages/catalog";
import { formatShanghai } from "../text/time";
import { getPhoto } from "../media/read";
import { withCurrentPhotoFiles } from "./photos";
import { withRelations } from "./snapshot";
import { isVisibleInNewsroom, newsroomWhere, publishedWhere, stateOf, stateWhere, type ArticleState } from "./visibility";

export const EDITOR_PAGE_SIZE = 30;

export type EditorListFilters = { status?: ArticleState; channelId?: number; q?: string; page?: number };

const listSelect = {
  id: true,
  title: true,
  status: true,
  publishedAt: true,
  updatedAt: true,
  channel: { select: { name: true } },
  updatedBy: { select: { displayName: true } },
  bylines: { orderBy: { position: "asc" }, select: { roleLabel: true, author: { select: { name: true } } } },
} as const;

/**
 * The newsroom's article list: newest change first, or, with a query, the best matches of title and
 * body (the search index, across every status the viewer may see) first.
 */
export async function listEditorArticles(viewer: Viewer, filters: EditorListFilters, now = new Date()) {
  const { rows, ...found } = filters.q?.trim() ? await searchEditorArticles(viewer, filters, now) : await latestEditorArticles(viewer, filters, now);
  return {
    ...found,
    items: rows.map((row) => ({
      id: row.id,
      title: row.title,
      state: displayState(row, now),
      channel: row.channel?.name ?? "",
      byline: row.bylines.map((b) => `${b.roleLabel} ${b.author.name}`).join("、"),
      updatedBy: row.updatedBy?.displayName ?? t("article.imported"),
      updatedAt: formatShanghai(row.updatedAt),
    })),
  };
}

async function latestEditorArticles(viewer: Viewer, filters: EditorListFilters, now: Date) {
  const where = { ...newsroomWhere(viewer), ...(filters.status ? stateWhere(filters.status, now) : {}), ...(filters.channelId ? { channelId: filters.channelId } : {}) };
  const total = await prisma.article.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / EDITOR_PAGE_SIZE));
  const page = Math.min(Math.max(1, filters.page ?? 1), pageCount);
  const rows = await prisma.article.findMany({
    where,
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * EDITOR_PAGE_SIZE,
    take: EDITOR_PAGE_SIZE,
    select: listSelect,
  });
  return { total, page, pageCount, rows };
}

async function searchEditorArticles(viewer: Viewer, filters: EditorListFilters, now: Date) {
  const scope = { audience: "newsroom", viewer, now, state: filters.status, channelId: filters.channelId } as const;
  const found = await matchingIds(parseQuery(filters.q ?? ""), scope, { page: filters.page ?? 1, pageSize: EDITOR_PAGE_SIZE, order: "updated" });
  const rows = await prisma.article.findMany({ where: { id: { in: found.ids } }, select: listSelect });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return { total: found.total, page: found.page, pageCount: Math.max(1, found.pageCount), rows: found.ids.flatMap((id) => byId.get(id) ?? []) };
}

/** The article's workflow state as the newsroom says it: 草稿, 待审, 定时, 已发布, 已归档. */
export function displayState(article: { status: string; publishedAt: Date | null }, now = new Date()): { key: ArticleState; label: string } {
  const key = stateOf(article, now);
  return { key, label: stateLabel(key) };
}

/** Everything the edit form shows, or NotFoundError when the viewer may not see the article. */
export async function getArticleForEdit(viewer: Viewer, id: number) {
  const article = await prisma.article.findUnique({
    where: { id },
    include: {
      bylines: { ...withRelations.bylines, include: { author: { select: { name: true } } } },
      relatedItems: { ...withRelations.relatedItems, include: { targetArticle: { select: { title: true } } } },
      updatedBy: { select: { displayName: true } },
      photoUses: withRelations.photoUses,
      // Only published ones: they are what a pick may point at, and a stored list can still hold an
      // article unpublished since, which this viewer may not see.
      similar: { where: { similar: publishedWhere() }, orderBy: { position: "asc" }, select: { similar: { select: { id: true, title: true, status: true, publishedAt: true } } } },
    },
  });
  if (!article || !isVisibleInNewsroom(viewer, article)) throw new NotFoundError();
  const lead = article.photoUses.find((use) => use.role === "lead");
  return {
    id: article.id,
    version: article.version,
    status: article.status,
    createdById: article.createdById,
    state: displayState(article),
    updatedAt: article.updatedAt.toISOString(),
    updatedBy: article.updatedBy?.displayName ?? "",
    /** 相关推荐 as computed at the last save, for the editor to promote one to a pick. */
    suggestions: article.similar.map(({ similar }) => ({ id: similar.id, title: similar.title, state: displayState(similar).label })),
    input: {
      title: article.title,
      subtitle: article.subtitle,
      summary: article.summary,
      bodyHtml: await withCurrentPhotoFiles(article.bodyHtml),
      channelId: article.channelId,
      source: article.source,
      publishedAt: article.publishedAt ? formatShanghai(article.publishedAt) : "",
      bylines: article.bylines.map((b) => ({ authorId: b.authorId, authorName: b.author.name, roleLabel: b.roleLabel })),
      picks: article.relatedItems.map((p) => ({ targetArticleId: p.targetArticleId, title: p.targetArticle?.title ?? p.title, excerpt: p.excerpt, url: p.url })),
      lead: lead ? { photoId: lead.photoId, caption: lead.caption, alt: lead.alt } : null,
    },
    /** The 题图 as the library has it (its files, credit and what the viewer may change), for the form's 题图 group. */
    leadPhoto: lead ? await getPhoto(viewer, lead.photoId) : null,
  };
}
export type EditableArticle = Awaited<ReturnType<typeof getArticleForEdit>>;

/** Published articles whose title contains the query, for picking 新闻推荐. */
export function searchPublishedTitles(q: string, limit = 10) {
  if (!q.trim()) return Promise.resolve([]);
  return prisma.article.findMany({
    where: { ...publishedWhere(), title: { contains: q.trim() } },
    orderBy: { publishedAt: "desc" },
    take: limit,
    select: { id: true, title: true, summary: true },
  });
}

/** Authors whose name contains the query, for the 署名 picker (names are not unique). */
export function searchAuthors(q: string, limit = 10) {
  if (!q.trim()) return Promise.resolve([]);
  return prisma.author.findMany({
    where: { name: { contains: q.trim() } },
    orderBy: { name: "asc" },
    take: limit,
    select: { id: true, name: true, defaultRoleLabel: true, bio: true },
  });
}
