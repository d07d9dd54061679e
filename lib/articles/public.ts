// Public reads of articles. Only published articles whose publish time has passed leave this module.
import "server-only";
import { prisma } from "../db";
import type { Figure, PhotoVariantFile } from "../media/figures";
import { sanitizeBodyHtml } from "../text/html";
import { listThumbnails, readerPhotos, type ReaderPart } from "./reader-body";
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
  photoUses: { where: { role: "lead" }, select: { photoId: true, caption: true, alt: true } },
} as const;

export type ArticleListItem = {
  id: number;
  title: string;
  summary: string;
  publishedAt: Date;
  updatedAt: Date;
  channel: { id: number; slug: string; name: string } | null;
  bylines: { roleLabel: string; author: { id: number; name: string } }[];
  /** The 题图, sized for a list. */
  thumbnail: Figure | null;
};
export type Page<T> = { items: T[]; page: number; pageCount: number; total: number };

type ListRow = Omit<ArticleListItem, "publishedAt" | "thumbnail"> & { publishedAt: Date | null; photoUses: { photoId: number; caption: string; alt: string }[] };

async function toListItems(rows: ListRow[]): Promise<ArticleListItem[]> {
  const thumbnails = await listThumbnails(rows);
  return rows.map(({ photoUses: _lead, ...row }, index) => ({ ...row, publishedAt: row.publishedAt ?? row.updatedAt, thumbnail: thumbnails[index] }));
}

export async function listLatestArticles(limit = PAGE_SIZE, now = new Date()): Promise<ArticleListItem[]> {
  const rows = await prisma.article.findMany({ where: publicWhere(now), orderBy: [{ publishedAt: "desc" }, { id: "desc" }], take: limit, select: listSelect });
  return toListItems(rows);
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
  return { items: await toListItems(rows), page, pageCount, total };
}

export function listChannelArticles(channelId: number, page: number, now = new Date()) {
  return listPage({ channelId }, page, now);
}

export function listAuthorArticles(authorId: number, page: number, now = new Date()) {
  return listPage({ bylines: { some: { authorId } } }, page, now);
}

/** `bodyHtml` is the stored body (sanitized); `body` the same with each figure's files, for rendering. */
export type FeedArticle = ArticleListItem & { source: string; bodyHtml: string; body: ReaderPart[]; shareImage: PhotoVariantFile | null; photoIds: number[] };

/** Articles for feeds: newest first, with their body and photos. */
export async function listFeedArticles({ channelId, limit = 50 }: { channelId?: number; limit?: number }, now = new Date()): Promise<FeedArticle[]> {
  const rows = await prisma.article.findMany({
    where: { ...publicWhere(now), ...(channelId ? { channelId } : {}) },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { ...listSelect, bodyHtml: true, source: true },
  });
  const items = await toListItems(rows);
  return Promise.all(
    rows.map(async (row, index) => {
      const bodyHtml = sanitizeBodyHtml(row.bodyHtml);
      const photos = await readerPhotos(bodyHtml, row.photoUses[0] ?? null);
      return { ...items[index], source: row.source, bodyHtml, body: photos.body, shareImage: photos.shareImage, photoIds: photos.photoIds };
    }),
  );
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

/** Articles published since `since`, for the news sitemap, with their 题图's share image. */
export async function listRecentSitemapEntries(since: Date, now = new Date()) {
  const rows = await prisma.article.findMany({
    where: { ...publicWhere(now), AND: { publishedAt: { gte: since } } },
    orderBy: { publishedAt: "desc" },
    take: 1000,
    select: { id: true, title: true, publishedAt: true, updatedAt: true, photoUses: listSelect.photoUses },
  });
  return Promise.all(
    rows.map(async ({ photoUses: [lead], ...row }) => ({
      ...row,
      publishedAt: row.publishedAt ?? row.updatedAt,
      leadPhotoId: lead?.photoId ?? null,
      image: lead ? (await readerPhotos("", lead)).shareImage : null,
    })),
  );
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
      photoUses: listSelect.photoUses,
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
  const bodyHtml = sanitizeBodyHtml(article.bodyHtml);
  const [similar, previous, next, photos] = await Promise.all([
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
    readerPhotos(bodyHtml, article.photoUses[0] ?? null),
  ]);
  const related = similar.flatMap(({ similar: { status, ...item } }) => (isPublic({ status, publishedAt: item.publishedAt }, now) && !excluded.includes(item.id) ? [item] : []));
  return {
    id: article.id,
    title: article.title,
    subtitle: article.subtitle,
    summary: article.summary,
    /** The stored body (sanitized); `body` holds it as parts with each figure's files, for rendering. */
    bodyHtml,
    ...photos,
    source: article.source,
    publishedAt,
    updatedAt: article.updatedAt,
    channel: article.channel ? { id: article.channel.id, slug: article.channel.slug, name: article.channel.name, tagline: article.channel.tagline } : null,
    bylines: article.bylines.map((byline) => ({ roleLabel: byline.roleLabel, author: byline.author })),
    picks,
    /** Every pick target and similar article, public or not, so the page can be refreshed when one changes. */
    linkedArticleIds: [...article.relatedItems.flatMap((item) => (item.targetArticleId ? [item.targetArticleId] : [])), ...similar.map((row) => row.similar.id)],
    related: await toListItems(related),
    previous,
    next,
  };
}
export type PublicArticle = NonNullable<Awaited<ReturnType<typeof getPublicArticle>>>;
