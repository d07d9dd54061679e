// Keeps the ArticleSearch FTS5 table in step with articles. Invariant: a row exists only for an
// article whose status is "published" (scheduled ones included; readers' queries add publishedAt <= now).
// Call indexArticle with the transaction client of the write that changed the article.
import "server-only";
import { prisma, type Prisma } from "../db";
import { indexTokens } from "./tokenize";

type Tx = Prisma.TransactionClient;
const BATCH_SIZE = 500;

/** Writes or removes the article's row to match its stored state; returns whether it is indexed. */
export async function indexArticle(tx: Tx, articleId: number): Promise<boolean> {
  const article = await tx.article.findUnique({ where: { id: articleId }, select: { status: true, title: true, subtitle: true, summary: true, bodyText: true } });
  await removeFromIndex(tx, articleId);
  if (!article || article.status !== "published") return false;
  await insertRow(tx, articleId, article);
  return true;
}

export async function removeFromIndex(tx: Tx, articleId: number): Promise<void> {
  await tx.$executeRawUnsafe('DELETE FROM "ArticleSearch" WHERE rowid = ?', articleId);
}

type Indexable = { title: string; subtitle: string; summary: string; bodyText: string };

async function insertRow(tx: Tx, articleId: number, article: Indexable) {
  const title = indexTokens(article.title);
  const body = indexTokens([article.subtitle, article.summary, article.bodyText].join("\n"));
  await tx.$executeRawUnsafe('INSERT INTO "ArticleSearch" (rowid, title_tokens, body_tokens) VALUES (?, ?, ?)', articleId, title, body);
}

export type ReindexProgress = { done: number; total: number };

/**
 * Brings every article's row up to date, one transaction per batch, then drops rows of deleted
 * articles. Rows are replaced in place rather than emptied first, so search keeps working meanwhile.
 */
export async function reindexAll({ onProgress }: { onProgress?: (progress: ReindexProgress) => void } = {}): Promise<ReindexProgress & { indexed: number }> {
  const total = await prisma.article.count();
  let done = 0;
  let indexed = 0;
  let afterId = 0;
  for (;;) {
    const batch = await prisma.article.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" }, take: BATCH_SIZE, select: { id: true } });
    if (batch.length === 0) break;
    // indexArticle re-reads each article inside the transaction, so a concurrent unpublish wins.
    indexed += await prisma.$transaction(async (tx) => {
      let count = 0;
      for (const { id } of batch) count += (await indexArticle(tx, id)) ? 1 : 0;
      return count;
    });
    done += batch.length;
    afterId = batch.at(-1)!.id;
    onProgress?.({ done, total: Math.max(total, done) });
  }
  await prisma.$executeRawUnsafe('DELETE FROM "ArticleSearch" WHERE rowid NOT IN (SELECT id FROM "Article")');
  return { done, total: Math.max(total, done), indexed };
}
