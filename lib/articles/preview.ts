// Preview: any stored version of an article, shaped exactly like the public article page.
import "server-only";
import { prisma } from "../db";
import type { Viewer } from "../auth/viewer";
import { NotFoundError } from "../errors";
import { t } from "../messages/catalog";
import { sanitizeBodyHtml } from "../text/html";
import type { PublicArticle } from "./public";
import { readerPhotos } from "./reader-body";
import { isVisibleInNewsroom } from "./visibility";
import { parseSnapshot, snapshotOf, withRelations } from "./snapshot";

export async function getPreview(viewer: Viewer, articleId: number, revisionNumber?: number): Promise<PublicArticle & { version: number }> {
  const article = await prisma.article.findUnique({ where: { id: articleId }, include: withRelations });
  if (!article || !isVisibleInNewsroom(viewer, article)) throw new NotFoundError();
  let snapshot = snapshotOf(article);
  let version = article.version;
  if (revisionNumber) {
    const revision = await prisma.revision.findUnique({ where: { articleId_number: { articleId, number: revisionNumber } } });
    if (!revision) throw new NotFoundError("revision.notFound");
    snapshot = parseSnapshot(revision.snapshot);
    version = revision.number;
  }
  const [authors, channel, targets] = await Promise.all([
    prisma.author.findMany({ where: { id: { in: snapshot.bylines.map((b) => b.authorId) } }, select: { id: true, name: true } }),
    snapshot.channelId ? prisma.channel.findUnique({ where: { id: snapshot.channelId } }) : null,
    prisma.article.findMany({
      where: { id: { in: snapshot.picks.flatMap((p) => (p.targetArticleId ? [p.targetArticleId] : [])) } },
      select: { id: true, title: true, summary: true },
    }),
  ]);
  const bodyHtml = sanitizeBodyHtml(snapshot.bodyHtml);
  const photos = await readerPhotos(bodyHtml, snapshot.lead);
  const authorById = new Map(authors.map((a) => [a.id, a]));
  const targetById = new Map(targets.map((t) => [t.id, t]));
  const publishedAt = snapshot.publishedAt ? new Date(snapshot.publishedAt) : article.updatedAt;
  return {
    id: article.id,
    version,
    title: snapshot.title,
    subtitle: snapshot.subtitle,
    summary: snapshot.summary,
    bodyHtml,
    ...photos,
    source: snapshot.source,
    publishedAt,
    updatedAt: article.updatedAt,
    channel: channel ? { id: channel.id, slug: channel.slug, name: channel.name, tagline: channel.tagline } : null,
    bylines: snapshot.bylines.map((b) => ({ roleLabel: b.roleLabel, author: authorById.get(b.authorId) ?? { id: b.authorId, name: t("author.unknown") } })),
    picks: snapshot.picks.map((p) => {
      const target = p.targetArticleId ? targetById.get(p.targetArticleId) : undefined;
      return target
        ? { title: target.title, excerpt: target.summary, url: `/articles/${target.id}`, articleId: target.id }
        : { title: p.title, excerpt: p.excerpt, url: p.url || null, articleId: null };
    }),
    linkedArticleIds: [],
    related: [],
    previous: null,
    next: null,
  };
}
