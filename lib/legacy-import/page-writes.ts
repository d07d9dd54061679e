// The two writes of an import, inside the caller's transaction: a new article, or a new version of a
// stored one, both through the articles' one write path.
import type { Prisma } from "../db";
import { recordAudit } from "../audit/record";
import { snapshotOf } from "../articles/snapshot";
import { writeArticleVersion, type ArticleVersion } from "../articles/write";
import { StaleVersionError } from "../errors";
import { excerpt } from "../text/excerpt";
import { htmlToText, paragraphsToHtml } from "../text/html";
import type { StoredArticle } from "./compare-page";
import type { LegacyPage } from "./parse-legacy-page";
import type { PageLookups } from "./batch-lookups";
import { findOrCreateAuthors, findOrCreateChannel, resolvePicks } from "./resolve-references";

type Tx = Prisma.TransactionClient;
export type WriteOptions = { actorId: number | null; via: string; lookups?: PageLookups };
export type Written = { articleId: number; publicTags: string[] };

/** What the page says: body as escaped paragraphs (markup-looking text is shown, never run), channel, bylines, picks. */
async function pageContent(tx: Tx, page: LegacyPage, { articleId, lookups }: { articleId?: number; lookups?: PageLookups }) {
  const channelId = page.channel ? await findOrCreateChannel(tx, page.channel, lookups) : null;
  const authorIds = await findOrCreateAuthors(tx, page.bylines, lookups);
  const bylines = page.bylines.map((byline, position) => ({ authorId: authorIds[position], roleLabel: byline.roleLabel }));
  const picks = await resolvePicks(tx, page.picks, { publishedAt: page.publishedAt, articleId, lookups });
  return { bodyHtml: paragraphsToHtml(page.paragraphs), channelId, bylines, picks };
}

/** A published article with its original publish time and 来源, as version 1. */
export async function createArticleFromPage(tx: Tx, page: LegacyPage, options: WriteOptions): Promise<Written> {
  const content = await pageContent(tx, page, { lookups: options.lookups });
  const summary = excerpt(htmlToText(content.bodyHtml));
  const next: ArticleVersion = { title: page.title, subtitle: "", summary, source: page.source, status: "published", publishedAt: page.publishedAt, lead: null, ...content };
  const written = await writeArticleVersion(tx, { base: null, next, actorId: options.actorId, similar: "at-end-of-batch" });
  options.lookups?.addTitle(page.title, written.articleId);
  return written;
}

/** Replaces the page's fields of a stored article as its next version, audited. */
export async function updateArticleFromPage(tx: Tx, stored: StoredArticle, page: LegacyPage, options: WriteOptions): Promise<Written> {
  const content = await pageContent(tx, page, { articleId: stored.id, lookups: options.lookups });
  // A summary an editor wrote stays; one derived from the old body follows the new body.
  const derived = !stored.summary || stored.summary === excerpt(stored.bodyText);
  const summary = derived ? excerpt(htmlToText(content.bodyHtml)) : stored.summary;
  const snapshot = snapshotOf(stored);
  const next: ArticleVersion = { ...snapshot, publishedAt: stored.publishedAt, summary, ...content };
  try {
    const written = await writeArticleVersion(tx, { base: { id: stored.id, version: stored.version, snapshot }, next, actorId: options.actorId, similar: "at-end-of-batch" });
    await recordAudit({ actorId: options.actorId, action: "article.import-update", target: `article:${stored.id}`, detail: options.via }, tx);
    return written;
  } catch (error) {
    if (error instanceof StaleVersionError) throw new Error("the article was changed by someone else during the import; run it again");
    throw error;
  }
}
