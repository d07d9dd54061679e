// Reader search over the FTS5 index. Only articles that are published and due (publishedAt <= now)
// leave this module; the rule is applied at query time, so a scheduled article appears when due.
import "server-only";
import { prisma } from "../db";
import { publicWhere } from "../articles/status";
import { parseQuery } from "./parse-query";
import { buildSnippet } from "./snippet";

export const SEARCH_PAGE_SIZE = 20;
// Title matches weigh ten times body matches; ties (equal scores) go to the most recent article.
const RANK = 'bm25("ArticleSearch", 10.0, 1.0)';

export type SearchInput = { q: string; channelId?: number | null; from?: Date | null; to?: Date | null; page?: number };
export type SearchHit = { id: number; title: string; channel: { id: number; slug: string; name: string } | null; publishedAt: Date; snippetHtml: string };
export type SearchResult = { items: SearchHit[]; total: number; page: number; pageCount: number };

/** Article.publishedAt as Prisma stores it on SQLite (ISO text, "+00:00"), so text comparison orders by time. */
function storedDate(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

function filtersOf(input: SearchInput, now: Date): { sql: string; params: unknown[] } {
  const clauses = ['"ArticleSearch" MATCH ?', "a.status = 'published'", "a.publishedAt IS NOT NULL", "a.publishedAt <= ?"];
  const params: unknown[] = [storedDate(now)];
  if (input.channelId) clauses.push("a.channelId = ?"), params.push(input.channelId);
  if (input.from) clauses.push("a.publishedAt >= ?"), params.push(storedDate(input.from));
  if (input.to) clauses.push("a.publishedAt <= ?"), params.push(storedDate(input.to));
  return { sql: clauses.join(" AND "), params };
}

export async function searchPublished(input: SearchInput, now = new Date()): Promise<SearchResult> {
  const parsed = parseQuery(input.q ?? "");
  const requested = Math.max(1, Math.floor(input.page ?? 1) || 1);
  if (!parsed.match) return { items: [], total: 0, page: 1, pageCount: 0 };
  const filters = filtersOf(input, now);
  // CROSS JOIN makes SQLite run the MATCH once and look articles up by id; with a plain JOIN it
  // walks the (status, publishedAt) index and re-runs the MATCH per article (about 100× slower).
  const from = 'FROM "ArticleSearch" CROSS JOIN "Article" a ON a.id = "ArticleSearch".rowid';
  const params = [parsed.match, ...filters.params];
  const [{ total }] = await prisma.$queryRawUnsafe<{ total: number | bigint }[]>(`SELECT count(*) AS total ${from} WHERE ${filters.sql}`, ...params);
  const count = Number(total);
  const pageCount = Math.ceil(count / SEARCH_PAGE_SIZE);
  const page = Math.min(requested, Math.max(pageCount, 1));
  if (count === 0) return { items: [], total: 0, page: 1, pageCount: 0 };
  const ranked = await prisma.$queryRawUnsafe<{ id: number | bigint }[]>(
    `SELECT a.id AS id ${from} WHERE ${filters.sql} ORDER BY ${RANK}, a.publishedAt DESC, a.id DESC LIMIT ? OFFSET ?`,
    ...params,
    SEARCH_PAGE_SIZE,
    (page - 1) * SEARCH_PAGE_SIZE,
  );
  const ids = ranked.map((row) => Number(row.id));
  const rows = await prisma.article.findMany({
    where: { id: { in: ids }, ...publicWhere(now) },
    select: { id: true, title: true, summary: true, bodyText: true, publishedAt: true, channel: { select: { id: true, slug: true, name: true } } },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const needles = parsed.terms.flatMap((term) => term.highlights);
  const items = ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row || !row.publishedAt) return [];
    const text = row.bodyText || row.summary;
    return [{ id, title: row.title, channel: row.channel, publishedAt: row.publishedAt, snippetHtml: buildSnippet(text, needles) }];
  });
  return { items, total: count, page, pageCount };
}
