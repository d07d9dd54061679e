// Revision snapshots: every editable field of an article, bylines and picks included.
import type { Prisma } from "../db";

export type ArticleSnapshot = {
  title: string;
  subtitle: string;
  summary: string;
  bodyHtml: string;
  source: string;
  channelId: number | null;
  status: string;
  publishedAt: string | null;
  bylines: { authorId: number; roleLabel: string }[];
  picks: { targetArticleId: number | null; title: string; excerpt: string; url: string }[];
};

/** Reads the current state of an article inside a transaction and stores it as revision `number`. */
export async function recordRevision(
  tx: Prisma.TransactionClient,
  { articleId, number, authorId }: { articleId: number; number: number; authorId: number | null },
): Promise<void> {
  const article = await tx.article.findUniqueOrThrow({
    where: { id: articleId },
    include: { bylines: { orderBy: { position: "asc" } }, relatedItems: { orderBy: { position: "asc" } } },
  });
  const snapshot: ArticleSnapshot = {
    title: article.title,
    subtitle: article.subtitle,
    summary: article.summary,
    bodyHtml: article.bodyHtml,
    source: article.source,
    channelId: article.channelId,
    status: article.status,
    publishedAt: article.publishedAt?.toISOString() ?? null,
    bylines: article.bylines.map(({ authorId, roleLabel }) => ({ authorId, roleLabel })),
    picks: article.relatedItems.map(({ targetArticleId, title, excerpt, url }) => ({ targetArticleId, title, excerpt, url })),
  };
  await tx.revision.create({ data: { articleId, number, authorId, snapshot: JSON.stringify(snapshot) } });
}
