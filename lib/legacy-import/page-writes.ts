// The two writes of an import, inside the caller's transaction: a new article, or a new revision of a stored one.
import type { Prisma } from "../db";
import { recordAudit } from "../audit/record";
import { indexArticle } from "../search/index";
import { snapshotOf } from "../articles/snapshot";
import { affectedTags } from "../site/cache-tags";
import { excerpt } from "../text/excerpt";
import { paragraphsToHtml } from "../text/html";
import type { StoredArticle } from "./compare-page";
import type { LegacyPage } from "./parse-legacy-page";
import type { PageLookups } from "./batch-lookups";
import { findOrCreateAuthors, findOrCreateChannel, resolvePicks } from "./resolve-references";

type Tx = Prisma.TransactionClient;
export type WriteOptions = { actorId: number | null; via: string; lookups?: PageLookups };
export type Written = { articleId: number; publicTags: string[] };
type References = Awaited<ReturnType<typeof referencesOf>>;

/** Body as escaped paragraphs: markup-looking text in a page is shown, never run. */
function bodyOf(page: LegacyPage) {
  return { bodyHtml: paragraphsToHtml(page.paragraphs), bodyText: page.paragraphs.join("\n") };
}

async function referencesOf(tx: Tx, page: LegacyPage, { articleId, lookups }: { articleId?: number; lookups?: PageLookups }) {
  const channelId = page.channel ? await findOrCreateChannel(tx, page.channel, lookups) : null;
  const authorIds = await findOrCreateAuthors(tx, page.bylines, lookups);
  const bylines = page.bylines.map((byline, position) => ({ authorId: authorIds[position], roleLabel: byline.roleLabel, position }));
  const picks = (await resolvePicks(tx, page.picks, { publishedAt: page.publishedAt, articleId, lookups })).map((pick, position) => ({ ...pick, position }));
  return { channelId, authorIds, bylines, picks };
}

/** A published article with its original publish time and 来源, and revision 1. */
export async function createArticleFromPage(tx: Tx, page: LegacyPage, options: WriteOptions): Promise<Written> {
  const references = await referencesOf(tx, page, { lookups: options.lookups });
  const body = bodyOf(page);
  const fields = { title: page.title, subtitle: "", summary: excerpt(body.bodyText), ...body, source: page.source, status: "published", publishedAt: page.publishedAt };
  const article = await tx.article.create({
    data: { ...fields, channelId: references.channelId, createdById: options.actorId, updatedById: options.actorId },
    select: { id: true },
  });
  await tx.byline.createMany({ data: references.bylines.map((byline) => ({ ...byline, articleId: article.id })) });
  await tx.relatedEntry.createMany({ data: references.picks.map((pick) => ({ ...pick, articleId: article.id })) });
  await recordRevision(tx, { articleId: article.id, number: 1, authorId: options.actorId }, { ...fields, ...references });
  options.lookups?.addTitle(page.title, article.id);
  await indexArticle(tx, article.id);
  return { articleId: article.id, publicTags: affectedTags({ id: article.id, ...references }) };
}

/** Replaces the page's fields of a stored article as version + 1 with the same revision number, audited. */
export async function updateArticleFromPage(tx: Tx, stored: StoredArticle, page: LegacyPage, options: WriteOptions): Promise<Written> {
  const references = await referencesOf(tx, page, { articleId: stored.id, lookups: options.lookups });
  const body = bodyOf(page);
  // A summary an editor wrote stays; one derived from the old body follows the new body.
  const summary = !stored.summary || stored.summary === excerpt(stored.bodyText) ? excerpt(body.bodyText) : stored.summary;
  const updated = await tx.article.updateMany({
    where: { id: stored.id, version: stored.version },
    data: { ...body, summary, channelId: references.channelId, updatedById: options.actorId, version: { increment: 1 } },
  });
  if (updated.count !== 1) throw new Error("the article was changed by someone else during the import; run it again");
  await tx.byline.deleteMany({ where: { articleId: stored.id } });
  await tx.byline.createMany({ data: references.bylines.map((byline) => ({ ...byline, articleId: stored.id })) });
  await tx.relatedEntry.deleteMany({ where: { articleId: stored.id } });
  await tx.relatedEntry.createMany({ data: references.picks.map((pick) => ({ ...pick, articleId: stored.id })) });
  await recordRevision(tx, { articleId: stored.id, number: stored.version + 1, authorId: options.actorId }, { ...stored, ...body, summary, ...references });
  await recordAudit({ actorId: options.actorId, action: "article.import-update", target: `article:${stored.id}`, detail: options.via }, tx);
  await indexArticle(tx, stored.id);
  if (stored.status !== "published") return { articleId: stored.id, publicTags: [] };
  const before = affectedTags({ id: stored.id, channelId: stored.channelId, authorIds: stored.bylines.map((byline) => byline.authorId) });
  return { articleId: stored.id, publicTags: [...new Set([...before, ...affectedTags({ id: stored.id, ...references })])] };
}

type WrittenFields = Pick<StoredArticle, "title" | "subtitle" | "summary" | "bodyHtml" | "source" | "status" | "publishedAt"> & References;

/** The revision snapshot of what was just written, built in memory: re-reading it would double the queries of a page. */
async function recordRevision(tx: Tx, revision: { articleId: number; number: number; authorId: number | null }, written: WrittenFields) {
  const snapshot = snapshotOf({ ...written, relatedItems: written.picks });
  await tx.revision.create({ data: { ...revision, snapshot: JSON.stringify(snapshot) } });
}
