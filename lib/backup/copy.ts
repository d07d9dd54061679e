// Consistent copies between SQLite files through SQLite's online backup API, never a file copy of a live database.
import { openDatabase, type SqliteDatabase } from "./sqlite";

export type CopyProgress = (donePages: number, totalPages: number) => void;
/** Gives the progress callback of one named copy (a phase of a longer command), counted in pages or files. */
export type ProgressFor = (label: string, unit?: "pages" | "files") => CopyProgress | undefined;
export type CopyOutcome = { pages: number; restarted: boolean };

const MIN_STEP_PAGES = 256;
const STEPS = 100;
const ALL_PAGES = 0x7fffffff;
const STALL_LIMIT_MS = 60_000;

/**
 * Copies `source` into the file `destination` (created, or overwritten page by page inside one
 * write transaction). The copy goes in steps of about 1 % so progress can be shown; a write by
 * another connection between two steps makes SQLite start over, and then the rest is copied in
 * a single step, which holds one read snapshot and cannot be interrupted (in WAL mode writers
 * go on meanwhile). Fails when the destination stays locked for a minute.
 */
export async function copyDatabase(source: SqliteDatabase, destination: string, onProgress?: CopyProgress): Promise<CopyOutcome> {
  let previousRemaining = Infinity;
  let lastChange = Date.now();
  let restarted = false;
  const result = await source.backup(destination, {
    progress: ({ totalPages, remainingPages }) => {
      if (remainingPages > previousRemaining) restarted = true;
      if (remainingPages !== previousRemaining) lastChange = Date.now();
      else if (Date.now() - lastChange > STALL_LIMIT_MS) throw new Error(`${destination} stayed locked by another process for ${STALL_LIMIT_MS / 1000} s`);
      previousRemaining = remainingPages;
      onProgress?.(totalPages - remainingPages, totalPages);
      return restarted ? ALL_PAGES : Math.max(MIN_STEP_PAGES, Math.ceil(totalPages / STEPS));
    },
  });
  onProgress?.(result.totalPages, result.totalPages);
  return { pages: result.totalPages, restarted };
}

/**
 * Writes the content of the file `from` into the database file `to` through the backup API, so
 * connections that have `to` open (a running site) see the new content at their next read and
 * the WAL and shared-memory files stay coherent.
 */
export async function replaceDatabaseFile(from: string, to: string, onProgress?: CopyProgress): Promise<CopyOutcome> {
  const source = openDatabase(from, { readonly: true });
  try {
    return await copyDatabase(source, to, onProgress);
  } finally {
    source.close();
  }
}
