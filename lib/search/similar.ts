// 相关推荐: each article's most similar published articles, found through the search index by its
// significant terms and stored in SimilarArticle when the article is written, so a page view only
// reads them. Lists hold published articles, due or not; readers' queries add the public rule.
import "server-only";
import { prisma, type Prisma } from "../db";
import { isPublished, publishedSql } from "../articles/visibility";
import { tags } from "../site/cache-tags";
import { recordTags } from "../site/tag-events";
import { quote } from "./parse-query";
import { QUERY_TERMS, rankSimilar, significantTerms, termCounts, type Candidate } from "./similarity";

type Tx = Prisma.TransactionClient;
/** A term must occur this often in the article (a title term counts three times) to describe it. */
const MIN_COUNT = 2;
/** Terms whose archive frequency is looked up: the article's most frequent ones. */
const LOOKED_UP_TERMS = 60;
/** Of those, how many the snapshot lacks are counted in the index (about 1 ms each at 100,000 articles). */
const LOOKED_UP_NEW_TERMS = 5;
const ARTICLE_COUNT = "";
const CANDIDATES = 60;
/** Per term, the articles written nearest before and after the subject that are looked at. */
const PER_TERM_AND_SIDE = 200;
/** Other articles' lists refreshed after one write (the rest refresh at their own next write). */
const NEIGHBOURS_REFRESHED = 6;
const BATCH_SIZE = 200;

type Subject = {
  title: string;
  subtitle: string;
  bodyText: string;
  summary: string;
  channelId: number | bigint | null;
  publishedAt: string | null;
  picks: string;
  similar: string;
};
type WeightedTerm = { term: string; weight: number };

/** Recomputes the article's stored list; returns whether it changed. Raw SQL: this runs for several articles per write. */
export async function refreshSimilar(tx: Tx, articleId: number, now = new Date()): Promise<boolean> {
  const [article] = await tx.$queryRawUnsafe<Subject[]>(
    `SELECT a.title, a.subtitle, a.bodyText, a.summary, a.channelId, a.publishedAt,
       (SELECT json_group_array(targetArticleId) FROM "RelatedEntry" WHERE articleId = a.id AND targetArticleId IS NOT NULL) AS picks,
       (SELECT json_group_array(similarId) FROM (SELECT similarId FROM "SimilarArticle" WHERE articleId = a.id ORDER BY position)) AS similar
     FROM "Article" a WHERE a.id = ?`,
    articleId,
  );
  if (!article) return false;
  const weighted = await weightedTerms(tx, termCounts(article.title, [article.subtitle, article.bodyText || article.summary].join("\n")));
  const candidates = weighted.length > 0 ? await candidatesFor(tx, weighted, articleId) : [];
  const subject = { id: articleId, channelId: toNumber(article.channelId), publishedAt: toDate(article.publishedAt), excludedIds: JSON.parse(article.picks) as number[] };
  const ranked = rankSimilar(subject, candidates, now);
  const before = JSON.parse(article.similar) as number[];
  if (before.length === ranked.length && ranked.every((row, index) => row.id === before[index])) return false;
  await tx.$executeRawUnsafe('DELETE FROM "SimilarArticle" WHERE articleId = ?', articleId);
  if (ranked.length > 0) {
    await tx.$executeRawUnsafe(
      `INSERT INTO "SimilarArticle" (articleId, position, similarId, score) VALUES ${ranked.map(() => "(?, ?, ?, ?)").join(", ")}`,
      ...ranked.flatMap((row, position) => [articleId, position, row.id, row.score]),
    );
  }
  return true;
}

const toNumber = (value: number | bigint | null) => (value === null ? null : Number(value));
const toDate = (value: string | Date | null) => (value === null ? null : new Date(value));

async function weightedTerms(tx: Tx, counts: Map<string, number>): Promise<WeightedTerm[]> {
  const repeated = [...counts]
    .filter(([, count]) => count >= MIN_COUNT)
    .sort((a, b) => b[1] - a[1])
    .slice(0, LOOKED_UP_TERMS);
  if (repeated.length === 0) return [];
  const frequency = await documentFrequencies(
    tx,
    repeated.map(([term]) => term),
  );
  return significantTerms(new Map(repeated), frequency, frequency.get(ARTICLE_COUNT) ?? 0, QUERY_TERMS);
}

/**
 * Document frequencies from the SearchTerm snapshot; a few terms the snapshot lacks (new since the
 * last rebuild, or then in one article only) are counted in the index. Includes the article count under "".
 */
async function documentFrequencies(tx: Tx, terms: string[]): Promise<Map<string, number>> {
  const keys = [ARTICLE_COUNT, ...terms];
  const stored = await tx.$queryRawUnsafe<{ term: string; articles: number | bigint }[]>(
    `SELECT term, articles FROM "SearchTerm" WHERE term IN (${keys.map(() => "?").join(", ")})`,
    ...keys,
  );
  const frequency = new Map(stored.map((row) => [row.term, Number(row.articles)]));
  if (!frequency.has(ARTICLE_COUNT)) frequency.set(ARTICLE_COUNT, await tx.article.count());
  for (const term of terms.filter((term) => !frequency.has(term)).slice(0, LOOKED_UP_NEW_TERMS)) {
    const [row] = await tx.$queryRawUnsafe<{ doc: number | bigint }[]>('SELECT doc FROM "ArticleSearchTerms" WHERE term = ?', term);
    frequency.set(term, Number(row?.doc ?? 0));
  }
  return frequency;
}

/** Replaces the SearchTerm snapshot with the index's current document frequencies (terms in 2+ articles). */
export async function snapshotTermFrequencies(db: typeof prisma = prisma): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.searchTerm.deleteMany();
    await tx.$executeRawUnsafe('INSERT INTO "SearchTerm" (term, articles) SELECT term, doc FROM "ArticleSearchTerms" WHERE doc >= 2');
    const articles = await tx.article.count();
    await tx.searchTerm.create({ data: { term: ARTICLE_COUNT, articles } });
  });
}

/**
 * Published articles sharing the terms, scored by the summed weight of the terms they share. Each
 * term contributes the articles written nearest before and after this one (by id, the order of
 * writing), so the work stays bounded however common the term, and nearness in time is preferred.
 */
async function candidatesFor(tx: Tx, terms: WeightedTerm[], articleId: number): Promise<Candidate[]> {
  const side = (comparison: "<" | ">", order: "DESC" | "ASC") =>
    `SELECT * FROM (SELECT rowid AS id, ? AS w FROM "ArticleSearch" WHERE "ArticleSearch" MATCH ? AND rowid ${comparison} ? ORDER BY rowid ${order} LIMIT ${PER_TERM_AND_SIDE})`;
  const parts = terms.flatMap(() => [side("<", "DESC"), side(">", "ASC")]);
  const params = terms.flatMap(({ term, weight }) => [weight, quote(term), articleId, weight, quote(term), articleId]);
  const published = publishedSql("a");
  const rows = await tx.$queryRawUnsafe<{ id: number | bigint; relevance: number; channelId: number | bigint | null; publishedAt: string | Date | null }[]>(
    `SELECT s.id AS id, s.score AS relevance, a.channelId AS channelId, a.publishedAt AS publishedAt
     FROM (SELECT id, sum(w) AS score FROM (${parts.join(" UNION ALL ")}) GROUP BY id ORDER BY score DESC LIMIT ${CANDIDATES * 2}) s
     CROSS JOIN "Article" a ON a.id = s.id
     WHERE ${published.sql}
     ORDER BY s.score DESC LIMIT ${CANDIDATES}`,
    ...params,
    ...published.params,
  );
  return rows.map((row) => ({ id: Number(row.id), relevance: row.relevance, channelId: toNumber(row.channelId), publishedAt: toDate(row.publishedAt) }));
}

/**
 * After a write of the article: its own list, the lists that show it (its text or visibility
 * changed), and, when it is published, the lists of its own similar articles (they may now want
 * it). Returns the ids of other articles whose list changed, for their pages to be refreshed.
 */
export async function refreshSimilarAround(tx: Tx, articleId: number, now = new Date()): Promise<number[]> {
  await refreshSimilar(tx, articleId, now);
  const listers = await tx.similarArticle.findMany({ where: { similarId: articleId }, orderBy: { articleId: "desc" }, take: NEIGHBOURS_REFRESHED, select: { articleId: true } });
  const article = await tx.article.findUnique({ where: { id: articleId }, select: { status: true, similar: { select: { similarId: true } } } });
  const neighbours = article && isPublished(article) ? article.similar.map((row) => row.similarId) : [];
  const others = [...new Set([...listers.map((row) => row.articleId), ...neighbours])].slice(0, NEIGHBOURS_REFRESHED);
  const changed: number[] = [];
  for (const id of others) if (await refreshSimilar(tx, id, now)) changed.push(id);
  return changed;
}

export type SimilarProgress = { done: number; total: number };

/**
 * Recomputes the lists of the given articles (all when none given), a transaction per batch, after a
 * fresh snapshot of term frequencies; returns the ids whose list changed (their pages need refreshing).
 */
export async function refreshAllSimilar({
  ids,
  onProgress,
  db = prisma,
}: {
  ids?: number[];
  onProgress?: (progress: SimilarProgress) => void;
  db?: typeof prisma;
} = {}): Promise<SimilarProgress & { changed: number[] }> {
  const all = ids ?? (await db.article.findMany({ orderBy: { id: "asc" }, select: { id: true } })).map((row) => row.id);
  await snapshotTermFrequencies(db);
  let done = 0;
  const changed: number[] = [];
  for (let start = 0; start < all.length; start += BATCH_SIZE) {
    const batch = all.slice(start, start + BATCH_SIZE);
    await db.$transaction(async (tx) => {
      const changedHere: number[] = [];
      for (const id of batch) if (await refreshSimilar(tx, id)) changedHere.push(id);
      await recordTags(tx, changedHere.map(tags.article));
      changed.push(...changedHere);
    });
    done += batch.length;
    onProgress?.({ done, total: all.length });
  }
  return { done, total: all.length, changed };
}
