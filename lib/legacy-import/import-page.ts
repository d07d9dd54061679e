// Imports one parsed legacy page in one transaction: new, unchanged (idempotent), changed, or updated as a new revision.
import "server-only";
import type { Prisma } from "../db";
import { ARTICLE_STATUSES } from "../articles/visibility";
import { compareWithPage, storedArticleInclude, type PageChange, type StoredArticle } from "./compare-page";
import type { LegacyPage } from "./parse-legacy-page";
import type { BatchLookups } from "./batch-lookups";
import { createArticleFromPage, updateArticleFromPage } from "./page-writes";
import { publicChange } from "../site/tag-events";

export type ImportStatus = "imported" | "unchanged" | "changed" | "updated";
/** `articleId` is null only for a page a dry run would import. `publicTags`: cache tags to expire. */
export type ImportOutcome = { status: ImportStatus; articleId: number | null; changes: PageChange[]; publicTags: string[] };
export type ImportOptions = {
  /** Write a page that differs from its stored article as a new revision (else it is only reported). */
  update?: boolean;
  /** Decide and report what would happen; write nothing. */
  dryRun?: boolean;
  /** The user behind the import; null (the default) for the admin CLI. */
  actorId?: number | null;
  /** Recorded as the detail of the audit event of an update. */
  via?: string;
  /** A batch's names of channels, authors and titles; without them each name is looked up by a query. */
  lookups?: BatchLookups;
};

/** Without a dry run every outcome names its article. */
export async function importLegacyPage(page: LegacyPage, options?: ImportOptions & { dryRun?: false }): Promise<ImportOutcome & { articleId: number }>;
export async function importLegacyPage(page: LegacyPage, options: ImportOptions): Promise<ImportOutcome>;
export async function importLegacyPage(page: LegacyPage, options: ImportOptions = {}): Promise<ImportOutcome> {
  const lookups = options.lookups?.forPage();
  const writeOptions = { actorId: options.actorId ?? null, via: options.via ?? "cli", lookups };
  const outcome = await publicChange(async (tx): Promise<ImportOutcome> => {
    const stored = await findStoredArticle(tx, page);
    if (!stored) {
      if (options.dryRun) return { status: "imported", articleId: null, changes: [], publicTags: [] };
      const created = await createArticleFromPage(tx, page, writeOptions);
      return { status: "imported", changes: [], ...created };
    }
    const changes = compareWithPage(stored, page);
    if (changes.length === 0) return { status: "unchanged", articleId: stored.id, changes, publicTags: [] };
    if (!options.update) return { status: "changed", articleId: stored.id, changes, publicTags: [] };
    if (options.dryRun) return { status: "updated", articleId: stored.id, changes, publicTags: [] };
    const updated = await updateArticleFromPage(tx, stored, page, writeOptions);
    return { status: "updated", changes, ...updated };
  });
  // Only once committed: rows of a rolled-back page must not be remembered.
  lookups?.commit();
  return outcome;
}

/**
 * A page is recognised by title + publish time + 来源. Listing every status lets SQLite use the
 * (status, publishedAt) index instead of scanning every article for each page of a large batch;
 * the relations are loaded only for a page seen before (an include costs its queries even on no match).
 */
async function findStoredArticle(tx: Prisma.TransactionClient, page: LegacyPage): Promise<StoredArticle | null> {
  const found = await tx.article.findFirst({
    where: { status: { in: [...ARTICLE_STATUSES] }, publishedAt: page.publishedAt, title: page.title, source: page.source },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  return found && tx.article.findUnique({ where: { id: found.id }, include: storedArticleInclude });
}

/** Identity of a page, as the importer recognises it (title + publish time + 来源). */
export function pageKey(page: Pick<LegacyPage, "title" | "publishedAt" | "source">): string {
  return JSON.stringify([page.title, page.publishedAt.toISOString(), page.source]);
}
