// Keeps the ArticleSearch FTS5 table in step with articles. Invariant: every article has exactly one
// row holding its current text, whatever its status; readers' queries add the public rule
// (published and due), the newsroom's add the viewer's scope. Call indexArticle with the
// transaction client of the write that changed the article.
import "server-only";
import { prisma, type Prisma } from "../db";
import { indexTokens } from "./tokenize";

type Tx = Prisma.TransactionClient;
const TABLE = "ArticleSearch";
/** Where a full rebuild writes before it takes the live table's place. */
const NEXT_TABLE = "ArticleSearchNext";
const BATCH_SIZE = 500;
const ROWS_PER_INSERT = 50;
const CATCH_UP_MARGIN_MS = 10 * 60_000;
const indexable = { id: true, title: true, subtitle: true, summary: true, bodyText: true } as const;
type Indexable = { id: number; title: string; subtitle: string; summary: string; bodyText: string };

/** Writes the article's row from its stored text, or removes it when the article is gone; returns whether it is indexed. */
export async function indexArticle(tx: Tx, articleId: number): Promise<boolean> {
  const article = await tx.article.findUnique({ where: { id: articleId }, select: indexable });
  await replaceRows(tx, TABLE, [articleId], article ? [article] : []);
  return article !== null;
}

/** Removes the rows of `ids` from `table` and writes those of `articles` (taken from their stored text). */
async function replaceRows(tx: Tx, table: string, ids: number[], articles: Indexable[]): Promise<void> {
  if (ids.length > 0) await tx.$executeRawUnsafe(`DELETE FROM "${table}" WHERE rowid IN (${ids.map(() => "?").join(", ")})`, ...ids);
  for (let start = 0; start < articles.length; start += ROWS_PER_INSERT) {
    const rows = articles.slice(start, start + ROWS_PER_INSERT);
    const values = rows.flatMap((article) => [article.id, indexTokens(article.title), indexTokens([article.subtitle, article.summary, article.bodyText].join("\n"))]);
    await tx.$executeRawUnsafe(`INSERT INTO "${table}" (rowid, title_tokens, body_tokens) VALUES ${rows.map(() => "(?, ?, ?)").join(", ")}`, ...values);
  }
}

export type ReindexProgress = { done: number; total: number };

/**
 * Builds a new index beside the live one, batch by batch, then puts it in the live one's place in
 * one transaction, together with the articles saved meanwhile: search keeps working on the old
 * index until then, and no save is lost. The new table is made from the live one's own definition
 * (the migration's), so the two never differ.
 */
export async function reindexAll({ onProgress }: { onProgress?: (progress: ReindexProgress) => void | Promise<void> } = {}): Promise<ReindexProgress> {
  try {
    return await buildAndSwap(onProgress);
  } catch (error) {
    await prisma.$executeRawUnsafe(`DROP TABLE IF EXISTS "${NEXT_TABLE}"`);
    throw error;
  }
}

async function buildAndSwap(onProgress?: (progress: ReindexProgress) => void | Promise<void>): Promise<ReindexProgress> {
  // A save's updatedAt is set when it writes the row, up to its transaction timeout before it
  // commits: the catch-up takes every article changed since well before the first batch.
  const startedAt = new Date(Date.now() - CATCH_UP_MARGIN_MS);
  const total = await prisma.article.count();
  await prisma.$executeRawUnsafe(`DROP TABLE IF EXISTS "${NEXT_TABLE}"`);
  const [{ sql }] = await prisma.$queryRawUnsafe<{ sql: string }[]>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", TABLE);
  await prisma.$executeRawUnsafe(sql.replace(`"${TABLE}"`, `"${NEXT_TABLE}"`));
  let done = 0;
  for (let afterId = 0; ; ) {
    const batch = await prisma.article.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" }, take: BATCH_SIZE, select: indexable });
    if (batch.length === 0) break;
    await prisma.$transaction((tx) => replaceRows(tx, NEXT_TABLE, [], batch));
    done += batch.length;
    afterId = batch.at(-1)!.id;
    await onProgress?.({ done, total: Math.max(total, done) });
  }
  // Many small segments (one per batch) make every query read more; one merge pass makes them few.
  await prisma.$executeRawUnsafe(`INSERT INTO "${NEXT_TABLE}" ("${NEXT_TABLE}") VALUES ('optimize')`);
  await prisma.$transaction(async (tx) => {
    const saved = await tx.article.findMany({ where: { updatedAt: { gte: startedAt } }, select: indexable });
    await replaceRows(
      tx,
      NEXT_TABLE,
      saved.map((article) => article.id),
      saved,
    );
    await tx.$executeRawUnsafe(`DELETE FROM "${NEXT_TABLE}" WHERE rowid NOT IN (SELECT id FROM "Article")`);
    await tx.$executeRawUnsafe(`DROP TABLE "${TABLE}"`);
    await tx.$executeRawUnsafe(`ALTER TABLE "${NEXT_TABLE}" RENAME TO "${TABLE}"`);
  });
  return { done, total: Math.max(total, done) };
}
