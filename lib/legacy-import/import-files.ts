// Imports page files one at a time, each page its own transaction; a file that is not a page is skipped with its reason.
import fs from "node:fs/promises";
import type { PageChange } from "./compare-page";
import { decodePage, type PageEncoding } from "./decode-page";
import { importLegacyPage, pageKey, type ImportOptions, type ImportStatus } from "./import-page";
import { parseLegacyPage } from "./parse-legacy-page";
import { BatchLookups } from "./batch-lookups";
import { refreshAllSimilar, type SimilarProgress } from "../search/similar";
import { tags as cacheTags } from "../site/cache-tags";

export type FileStatus = ImportStatus | "skipped" | "failed";
export type FileOutcome = {
  file: string;
  status: FileStatus;
  /** Why a file was skipped or failed. */
  reason?: string;
  articleId?: number | null;
  changes?: PageChange[];
  encoding?: PageEncoding;
  publicTags: string[];
};
export type BatchSummary = {
  counts: Record<FileStatus, number>;
  /** Files that are not article pages, and pages whose write failed, with the reason. */
  problems: { file: string; status: "skipped" | "failed"; reason: string }[];
  publicTags: string[];
};
export type BatchOptions = ImportOptions & {
  onFile?: (outcome: FileOutcome, done: number) => void | Promise<void>;
  /** Progress of the 相关推荐 pass over the written articles, after the last file. */
  onSimilar?: (progress: SimilarProgress) => void;
};

// Far above any article page; keeps a stray video or database dump from being read into memory.
const MAX_PAGE_BYTES = 5 * 1024 * 1024;

export async function importPageFiles(files: string[], options: BatchOptions = {}): Promise<BatchSummary> {
  const summary: BatchSummary = { counts: { imported: 0, updated: 0, unchanged: 0, changed: 0, skipped: 0, failed: 0 }, problems: [], publicTags: [] };
  const tags = new Set<string>();
  const plannedKeys = new Set<string>();
  const written: number[] = [];
  const lookups = await BatchLookups.load();
  for (const [index, file] of files.entries()) {
    let outcome = await importPageFile(file, { ...options, lookups }, plannedKeys);
    if (outcome.status === "failed") {
      // Perhaps a channel or author was deleted meanwhile: look again, try once more.
      await lookups.reload();
      outcome = await importPageFile(file, { ...options, lookups }, plannedKeys);
    }
    summary.counts[outcome.status]++;
    if (outcome.status === "skipped" || outcome.status === "failed") summary.problems.push({ file, status: outcome.status, reason: outcome.reason ?? "" });
    for (const tag of outcome.publicTags) tags.add(tag);
    await options.onFile?.(outcome, index + 1);
    if ((outcome.status === "imported" || outcome.status === "updated") && outcome.articleId) written.push(outcome.articleId);
  }
  // Once every page is in: a page's similar articles may come later in the batch.
  if (!options.dryRun && written.length > 0) {
    const { changed } = await refreshAllSimilar({ ids: written, onProgress: options.onSimilar });
    for (const id of changed) tags.add(cacheTags.article(id));
  }
  summary.publicTags = [...tags];
  return summary;
}

/** `plannedKeys`: pages a dry run has already counted as imported, so a repeat counts as unchanged. */
export async function importPageFile(file: string, options: ImportOptions = {}, plannedKeys = new Set<string>()): Promise<FileOutcome> {
  const read = await readPageBytes(file);
  if (!read.ok) return { file, status: "skipped", reason: read.reason, publicTags: [] };
  const decoded = decodePage(read.bytes);
  if (!decoded.ok) return { file, status: "skipped", reason: decoded.reason, publicTags: [] };
  const parsed = parseLegacyPage(decoded.text);
  if (!parsed.ok) return { file, status: "skipped", reason: parsed.reason, encoding: decoded.encoding, publicTags: [] };
  const key = pageKey(parsed.page);
  if (options.dryRun && plannedKeys.has(key)) return { file, status: "unchanged", articleId: null, encoding: decoded.encoding, publicTags: [] };
  try {
    const outcome = await importLegacyPage(parsed.page, options);
    if (options.dryRun && outcome.status === "imported") plannedKeys.add(key);
    return { file, encoding: decoded.encoding, ...outcome };
  } catch (error) {
    return { file, status: "failed", reason: `could not be written: ${shortMessage(error)}`, encoding: decoded.encoding, publicTags: [] };
  }
}

async function readPageBytes(file: string): Promise<{ ok: true; bytes: Buffer } | { ok: false; reason: string }> {
  try {
    const { size } = await fs.stat(file);
    if (size > MAX_PAGE_BYTES) return { ok: false, reason: `too large for an article page (${(size / 1024 / 1024).toFixed(1)} MB)` };
    return { ok: true, bytes: await fs.readFile(file) };
  } catch (error) {
    return { ok: false, reason: `cannot read file (${(error as NodeJS.ErrnoException).code ?? shortMessage(error)})` };
  }
}

/** The last line of an error: Prisma puts the cause there, after the failed call. */
function shortMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.trim().split("\n").pop()?.trim() || "unknown error";
}
