// Queries over the FTS5 index, for a typed scope: readers see only articles that are public at
// `now` (a rule applied at query time, so a scheduled article appears when due); the newsroom sees
// what the viewer may see, with its state and channel filters. The SQL of both rules comes from
// lib/articles/visibility.ts; no caller passes SQL in.
import "server-only";
import { prisma } from "../db";
import type { Subject } from "../auth/permissions";
import { hiddenFromPublicSql, isPublic, newsroomSql, publicSql, stateSql, type ArticleState, type SqlCondition } from "../articles/visibility";
import { listThumbnails } from "../articles/reader-body";
import type { Figure } from "../media/figures";
import { parseQuery, type ParsedQuery } from "./parse-query";
import { buildSnippet } from "./snippet";

export const SEARCH_PAGE_SIZE = 20;
// Title matches weigh ten times body matches; ties (equal scores) go to the most recent article.
const RANK = 'bm25("ArticleSearch", 10.0, 1.0)';

/** Which articles a search may return: a reader's view or a newsroom viewer's, narrowed by filters. */
export type SearchScope =
  | { audience: "public"; now: Date; channelId?: number | null; from?: Date | null; to?: Date | null }
  | { audience: "newsroom"; viewer: Subject; now: Date; channelId?: number | null; state?: ArticleState };
/** Ties (equal scores, or unscored broad matches) go to the newest publication or the latest change. */
export type SearchOrder = "published" | "updated";

/**
 * SQL conditions on the article, aliased `a`, with their parameters. `complement`, when given, selects
 * exactly the articles the conditions leave out, and selects few: counting the matches among those
 * is then cheaper than counting the matches the conditions keep.
 */
type ArticleFilter = { sql: string[]; params: unknown[]; complement?: SqlCondition };

const TIE_BREAKS: Record<SearchOrder, string> = { published: "a.publishedAt DESC, a.id DESC", updated: "a.updatedAt DESC, a.id DESC" };

function filterOf(scope: SearchScope): ArticleFilter {
  const conditions: SqlCondition[] = [];
  const add = (sql: string, ...params: unknown[]) => conditions.push({ sql, params });
  if (scope.audience === "public") {
    conditions.push(publicSql("a", scope.now));
    if (scope.from) add("a.publishedAt >= ?", scope.from);
    if (scope.to) add("a.publishedAt <= ?", scope.to);
  } else {
    const scoped = newsroomSql("a", scope.viewer);
    if (scoped) conditions.push(scoped);
    if (scope.state) conditions.push(stateSql("a", scope.state, scope.now));
  }
  if (scope.channelId) add("a.channelId = ?", scope.channelId);
  // Articles readers may not see are few (drafts, review, archive, scheduled): their complement.
  const unfiltered = scope.audience === "public" && !scope.channelId && !scope.from && !scope.to;
  return {
    sql: conditions.map((condition) => condition.sql),
    params: conditions.flatMap((condition) => condition.params),
    complement: unfiltered ? hiddenFromPublicSql("a", scope.now) : undefined,
  };
}

// Up to this many matches every one is scored (bm25) and the best come first. Beyond it (one common
// character, a word in most articles) scoring all would take too long: title matches come first
// (scored among themselves when they are few enough, else newest first), then the other matches
// newest first.
export const SCORED_MATCHES = 2_000;
// Above this share of all articles, "newest matches" walks the newest articles and asks the index
// about each; below it, the index lists its matches and the walk keeps those.
const DENSE_SHARE = 0.2;
// Holds status, times, channel and author: the filters read it instead of the wide Article rows.
const FILTER_INDEX = '"Article_id_status_publishedAt_channelId_createdById_updatedAt_idx"';

type Paging = { page: number; pageSize: number; order: SearchOrder };
const toIds = (rows: { id: number | bigint }[]) => rows.map((row) => Number(row.id));
const titleOnly = (match: string) => `title_tokens : (${match})`;

async function countMatches(match: string): Promise<number> {
  const [{ matches }] = await prisma.$queryRawUnsafe<{ matches: number | bigint }[]>('SELECT count(*) AS matches FROM "ArticleSearch" WHERE "ArticleSearch" MATCH ?', match);
  return Number(matches);
}

/**
 * One page of ids of articles matching the parsed query and the filter, best first (then `tieBreak`),
 * with the number of all matches. The page is clamped to the last one.
 */
export async function matchingIds(parsed: ParsedQuery, scope: SearchScope, paging: Paging) {
  const match = parsed.match;
  const filter = filterOf(scope);
  const tieBreak = TIE_BREAKS[paging.order];
  const matches = match ? await countMatches(match) : 0;
  if (!match || matches === 0) return pageOf(0, paging, async () => []);
  if (matches <= SCORED_MATCHES) {
    // The page asked for, or the last one when it asks for more: the ids up to the page asked for hold it.
    const scored = await scoredWithTotal(match, filter, tieBreak, pageNumber(paging) * paging.pageSize);
    return pageOf(scored.total, paging, async () => scored.ids);
  }
  const facts = await broadFacts(match, filter);
  const total = filter.sql.length === 0 ? matches : facts.hidden !== null ? matches - facts.hidden : await countAmong(match, filter);
  return pageOf(total, paging, (limit) => titlesThenNewest(match, { ...facts, dense: matches > facts.newestId * DENSE_SHARE }, filter, tieBreak, limit));
}

const pageNumber = (paging: Paging) => Math.max(1, Math.floor(paging.page) || 1);

/** The page of `total` results that `paging` asks for (the last one when it asks for more), from the first `limit` ids. */
async function pageOf(total: number, paging: Paging, firstIds: (limit: number) => Promise<number[]>) {
  if (total === 0) return { ids: [], total: 0, page: 1, pageCount: 0 };
  const pageCount = Math.ceil(total / paging.pageSize);
  const page = Math.min(pageNumber(paging), pageCount);
  const ids = await firstIds(page * paging.pageSize);
  return { ids: ids.slice((page - 1) * paging.pageSize, page * paging.pageSize), total, page, pageCount };
}

function joined(filter: ArticleFilter) {
  const where = ['"ArticleSearch" MATCH ?', ...filter.sql].join(" AND ");
  // CROSS JOIN makes SQLite run the MATCH once and look articles up by id in the narrow index.
  return { from: `FROM "ArticleSearch" CROSS JOIN "Article" a INDEXED BY ${FILTER_INDEX} ON a.id = "ArticleSearch".rowid`, where };
}

/** The first `limit` ids best first, and how many match: one pass over the matches (a CTE read twice). */
async function scoredWithTotal(match: string, filter: ArticleFilter, tieBreak: string, limit: number): Promise<{ ids: number[]; total: number }> {
  const { from, where } = joined(filter);
  const rows = await prisma.$queryRawUnsafe<{ id: number | bigint; total: number | bigint }[]>(
    `WITH hits AS MATERIALIZED (SELECT a.id AS id, ${RANK} AS score, a.publishedAt AS publishedAt, a.updatedAt AS updatedAt ${from} WHERE ${where})
     SELECT a.id AS id, (SELECT count(*) FROM hits) AS total FROM hits a ORDER BY a.score, ${tieBreak} LIMIT ?`,
    match,
    ...filter.params,
    limit,
  );
  return { ids: toIds(rows), total: Number(rows[0]?.total ?? 0) };
}

const memberOf = (dense: boolean) =>
  dense ? 'EXISTS (SELECT 1 FROM "ArticleSearch" WHERE "ArticleSearch" MATCH ? AND rowid = a.id)' : 'a.id IN (SELECT rowid FROM "ArticleSearch" WHERE "ArticleSearch" MATCH ?)';

type BroadFacts = { titles: number; newestId: number; hidden: number | null };

/**
 * In one statement: how many articles match in their title, the newest article id (the archive's
 * size, near enough) and, when the filter has a complement, how many matches it leaves out.
 */
async function broadFacts(match: string, filter: ArticleFilter): Promise<BroadFacts> {
  const hidden = filter.complement ? `(SELECT count(*) FROM "Article" a WHERE ${filter.complement.sql} AND ${memberOf(true)})` : "NULL";
  const [row] = await prisma.$queryRawUnsafe<{ titles: number | bigint; newestId: number | bigint | null; hidden: number | bigint | null }[]>(
    `SELECT (SELECT count(*) FROM "ArticleSearch" WHERE "ArticleSearch" MATCH ?) AS titles, (SELECT max(id) FROM "Article") AS newestId, ${hidden} AS hidden`,
    titleOnly(match),
    ...(filter.complement ? [...filter.complement.params, match] : []),
  );
  return { titles: Number(row.titles), newestId: Number(row.newestId ?? 0), hidden: row.hidden === null ? null : Number(row.hidden) };
}

async function countAmong(match: string, filter: ArticleFilter): Promise<number> {
  const [{ total }] = await prisma.$queryRawUnsafe<{ total: number | bigint }[]>(
    `SELECT count(*) AS total FROM "Article" a WHERE ${filter.sql.join(" AND ")} AND ${memberOf(false)}`,
    ...filter.params,
    match,
  );
  return Number(total);
}

async function bestFirst(match: string, filter: ArticleFilter, tieBreak: string, limit: number): Promise<number[]> {
  const { from, where } = joined(filter);
  return toIds(await prisma.$queryRawUnsafe(`SELECT a.id AS id ${from} WHERE ${where} ORDER BY ${RANK}, ${tieBreak} LIMIT ?`, match, ...filter.params, limit));
}

/** The first `limit` matches in `tieBreak` order (newest first), walking the articles in that order. */
async function newestFirst(match: string, dense: boolean, filter: ArticleFilter, tieBreak: string, limit: number): Promise<number[]> {
  const where = [...filter.sql, memberOf(dense)].join(" AND ");
  return toIds(await prisma.$queryRawUnsafe(`SELECT a.id AS id FROM "Article" a WHERE ${where} ORDER BY ${tieBreak} LIMIT ?`, ...filter.params, match, limit));
}

async function titlesThenNewest(match: string, facts: BroadFacts & { dense: boolean }, filter: ArticleFilter, tieBreak: string, limit: number): Promise<number[]> {
  const titles =
    facts.titles === 0
      ? []
      : facts.titles <= SCORED_MATCHES
        ? await bestFirst(titleOnly(match), filter, tieBreak, limit)
        : await newestFirst(titleOnly(match), false, filter, tieBreak, limit);
  if (titles.length >= limit) return titles;
  // Every title match is in `titles`: the rest are the newest matches that are not among them
  // (at most `titles.length` of the newest `limit` are).
  const newest = await newestFirst(match, facts.dense, filter, tieBreak, limit);
  const inTitles = new Set(titles);
  return [...titles, ...newest.filter((id) => !inTitles.has(id))].slice(0, limit);
}

export type SearchInput = { q: string; channelId?: number | null; from?: Date | null; to?: Date | null; page?: number };
export type SearchHit = { id: number; title: string; channel: { id: number; slug: string; name: string } | null; publishedAt: Date; snippetHtml: string; thumbnail: Figure | null };
export type SearchResult = { items: SearchHit[]; total: number; page: number; pageCount: number };

export async function searchPublished(input: SearchInput, now = new Date()): Promise<SearchResult> {
  const parsed = parseQuery(input.q ?? "");
  const scope = { audience: "public", now, channelId: input.channelId, from: input.from, to: input.to } as const;
  const found = await matchingIds(parsed, scope, { page: input.page ?? 1, pageSize: SEARCH_PAGE_SIZE, order: "published" });
  if (found.ids.length === 0) return { items: [], total: found.total, page: found.page, pageCount: found.pageCount };
  // By id alone, so SQLite looks the 20 rows up rather than walking the publish-time index; the
  // public rule, already applied in SQL, is checked once more on each row.
  const rows = await prisma.article.findMany({
    where: { id: { in: found.ids } },
    select: {
      id: true,
      title: true,
      summary: true,
      bodyText: true,
      status: true,
      publishedAt: true,
      channel: { select: { id: true, slug: true, name: true } },
      photoUses: { where: { role: "lead" }, select: { photoId: true, caption: true, alt: true } },
    },
  });
  const visible = rows.filter((row) => isPublic(row, now));
  const thumbnails = await listThumbnails(visible);
  const byId = new Map(visible.map((row, index) => [row.id, { ...row, thumbnail: thumbnails[index] }]));
  const needles = parsed.terms.flatMap((term) => term.highlights);
  const items = found.ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row?.publishedAt) return [];
    const text = row.bodyText || row.summary;
    return [{ id, title: row.title, channel: row.channel, publishedAt: row.publishedAt, snippetHtml: buildSnippet(text, needles), thumbnail: row.thumbnail }];
  });
  return { items, total: found.total, page: found.page, pageCount: found.pageCount };
}
