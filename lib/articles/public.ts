// Public reads of articles. Only published articles whose publish time has passed leave this module.
import "server-only";
import { prisma } from "../db";
import { sanitizeBodyHtml } from "../text/html";
import { isPublic, publicWhere } from "./visibility";

export const PAGE_SIZE = 20;

const listSelect = {
  id: true,
  title: true,
  summary: true,
  publishedAt: true,
  updatedAt: true,
  channel: { select: { id: true, slug: true, name: true } },
  bylines: { orderBy: { position: "asc" }, select: { roleLabel: true, author: { select: { id: true, name: true } } } },
} as const;

export type ArticleListItem = {
  id: number;
  title: string;
  summary: string;
  publishedAt: Date;
  updatedAt: Date;
  channel: { id: number; slug: string; name: string } | null;
  bylines: { roleLabel: string; author: { id: number; name: string } }[];
};
export type Page<T> = { items: T[]; page: number; pageCount: number; total: number };

type ListRow = Omit<ArticleListItem, "publishedAt"> & { publishedAt: Date | null };
const toListItem = (row: ListRow): ArticleListItem => ({ ...row, publishedAt: row.publishedAt ?? row.updatedAt });

export async function listLatestArticles(limit = PAGE_SIZE, now = new Date()): Promise<ArticleListItem[]> {
  const rows = await prisma.article.findMany({ where: publicWhere(now), orderBy: [{ publishedAt: "desc" }, { id: "desc" }], take: limit, select: listSelect });
  return rows.map(toListItem);
}

async function listPage(where: object, page: number, now: Date): Promise<Page<ArticleListItem>> {
  const filter = { ...publicWhere(now), ...where };
  const total = await prisma.article.count({ where: filter });
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const rows = await prisma.article.findMany({
    where: filter,
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
    select: listSelect,
  });
  return { items: rows.map(toListItem), page, pageCount, total };
}

export function listChannelArticles(channelId: number, page: number, now = new Date()) {
  return listPage({ channelId }, page, now);
}

export function listAuthorArticles(authorId: number, page: number, now = new Date()) {
  return listPage({ bylines: { some: { authorId } } }, page, now);
}

/** Articles for feeds: newest first, with their body. */
export async function listFeedArticles({ channelId, limit = 50 }: { channelId?: number; limit?: number }, now = new Date()) {
  const rows = await prisma.article.findMany({
    where: { ...publicWhere(now), ...(channelId ? { channelId } : {}) },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { ...listSelect, bodyHtml: true, source: true },
  });
  return rows.map((row) => ({ ...toListItem(row), bodyHtml: row.bodyHtml, source: row.source }));
}

/** Every public article's id and times, for the sitemap; `since` narrows to recent publishing. */
export async function listSitemapEntries({ since }: { since?: Date } = {}, now = new Date()) {
  const rows = await prisma.article.findMany({
    where: { ...publicWhere(now), ...(since ? { AND: { publishedAt: { gte: since } } } : {}) },
    orderBy: { publishedAt: "desc" },
    take: 50000,
    select: { id: true, title: true, publishedAt: true, updatedAt: true },
  });
  return rows.map((row) => ({ ...row, publishedAt: row.publishedAt ?? row.updatedAt }));
}

/** The article page: the article with byline, picks, its stored 相关推荐 that are public, and neighbours in its channel. */
export async function getPublicArticle(id: number, now = new Date()) {
  const article = await prisma.article.findFirst({
    where: { id, ...publicWhere(now) },
    include: {
      channel: true,
      bylines: { orderBy: { position: "asc" }, include: { author: { select: { id: true, name: true } } } },
      relatedItems: {
        orderBy: { position: "asc" },
        include: { targetArticle: { select: { id: true, title: true, summary: true, status: true, publishedAt: true } } },
      },
    },
  });
  if (!article) return null;
  const publishedAt = article.publishedAt!;
  const picks = article.relatedItems.map((item) => {
    const target = item.targetArticle;
    if (target && isPublic(target, now)) return { title: target.title, excerpt: target.summary, url: `/articles/${target.id}`, articleId: target.id };
    return { title: item.title, excerpt: item.excerpt, url: item.url || null, articleId: null };
  });
  const excluded = [article.id, ...picks.flatMap((pick) => (pick.articleId ? [pick.articleId] : []))];
  const inChannel = { ...publicWhere(now), channelId: article.channelId };
  const [similar, previous, next] = await Promise.all([
    prisma.similarArticle.findMany({ where: { articleId: article.id }, orderBy: { position: "asc" }, select: { similar: { select: { ...listSelect, status: true } } } }),
    prisma.article.findFirst({
      where: { ...inChannel, OR: [{ publishedAt: { lt: publishedAt } }, { publishedAt, id: { lt: article.id } }] },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      select: { id: true, title: true },
    }),
    prisma.article.findFirst({
      where: { ...inChannel, OR: [{ publishedAt: { gt: publishedAt } }, { publishedAt, id: { gt: article.id } }] },
      orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
      select: { id: true, title: true },
    }),
  ]);
  return {
    id: article.id,
    title: article.title,
    subtitle: article.subtitle,
    summary: article.summary,
    bodyHtml: sanitizeBodyHtml(article.bodyHtml),
    source: article.source,
    publishedAt,
    updatedAt: article.updatedAt,
    channel: article.channel ? { id: article.channel.id, slug: article.channel.slug, name: article.channel.name, tagline: article.channel.tagline } : null,
    bylines: article.bylines.map((byline) => ({ roleLabel: byline.roleLabel, author: byline.author })),
    picks,
    /** Every pick target and similar article, public or not, so the page can be refreshed when one changes. */
    linkedArticleIds: [...article.relatedItems.flatMap((item) => (item.targetArticleId ? [item.targetArticleId] : [])), ...similar.map((row) => row.similar.id)],
    related: similar.flatMap(({ similar: { status, ...item } }) => (isPublic({ status, publishedAt: item.publishedAt }, now) && !excluded.includes(item.id) ? [toListItem(item)] : [])),
    previous,
    next,
  };
}
export type PublicArticle = NonNullable<Awaited<ReturnType<typeof getPublicArticle>>>;
