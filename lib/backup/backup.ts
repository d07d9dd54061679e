// Online backups: a file named newsdesk-<timestamp>.db is always a complete copy that passed the integrity
// check, and newsdesk-<timestamp>.media/ beside it holds every photo file that copy refers to.
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { OperationError } from "../errors";
import { copyDatabase, type CopyProgress } from "./copy";
import { BackupMediaFolder, type MediaCopy } from "./media-backup";
import { defaultMediaDir, listReferencedFiles, mediaFolderOf, type MediaFile } from "./media-files";
import { readMigrationRecords } from "./migrations";
import { countArticles, listIntegrityProblems, listMissingTables, openDatabase, withDatabase } from "./sqlite";

export const BACKUP_NAME = /^newsdesk-\d{8}T\d{6}\.\d{3}Z\.db$/;

export type BackupResult = {
  file: string;
  bytes: number;
  pages: number;
  articles: number;
  migrations: number;
  restarted: boolean;
  copyMs: number;
  checkMs: number;
  /** The photo files, in mediaFolderOf(file). */
  media: MediaCopy & { ms: number; attempts: number };
};

export type BackupOptions = {
  databaseFile: string;
  out: string;
  /** The site's photo files; media/ beside the database by default. */
  mediaDir?: string;
  onProgress?: CopyProgress;
  /** Progress of placing the photo files (files done, files in all). */
  onFiles?: CopyProgress;
};

/** A photo deleted or replaced between the database copy and its files: copy the database again, this many times at most. */
const MEDIA_ATTEMPTS = 3;

/** newsdesk-20261129T093005.123Z.db: UTC, sorts by time, unique to the millisecond. */
export function backupFileName(at = new Date()): string {
  return `newsdesk-${at.toISOString().replace(/[-:]/g, "")}.db`;
}

export function defaultBackupFile(backupDir: string, at = new Date()): string {
  return path.join(backupDir, backupFileName(at));
}

/**
 * Copies the live database into `out` while the site keeps reading and writing it, checks the copy
 * (integrity, newsdesk tables) and stores it as a single file (rollback journal mode); then places
 * every photo file that copy refers to in mediaFolderOf(out). Both get their final names only when
 * complete, the folder first, so a backup file always has its photos beside it.
 *
 * Photo files are never changed in place and are removed only after the transaction that stops
 * referring to them, so every file the copy names exists with the recorded bytes until a photo is
 * deleted or replaced after the copy's moment. Such a file is missing when its turn comes; the live
 * database then no longer names it, so the database is copied again (a later moment without that
 * photo) and only the difference placed. A file the live database still names but the media folder
 * lacks is damage a new copy cannot mend: it is listed in the result and the folder's manifest.
 */
export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  const { databaseFile, out } = options;
  const mediaDir = options.mediaDir ?? defaultMediaDir(databaseFile);
  const folder = mediaFolderOf(out);
  if (!fs.existsSync(databaseFile)) throw new OperationError(`there is no database at ${databaseFile}`);
  if (path.resolve(out) === path.resolve(databaseFile)) throw new OperationError("the backup file cannot be the database itself");
  if (fs.existsSync(out)) throw new OperationError(`${out} already exists; choose another file`);
  if (fs.existsSync(folder)) throw new OperationError(`${folder} already exists; choose another file`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const partial = `${out}.partial`;
  const media = new BackupMediaFolder(mediaDir, `${folder}.partial`);
  fs.rmSync(media.folder, { recursive: true, force: true }); // left by an interrupted run with the same --out
  try {
    let copied: Copied;
    let missing: MediaFile[] = [];
    let attempts = 0;
    let mediaMs = 0;
    do {
      attempts++;
      copied = await copyAndCheck(databaseFile, partial, options.onProgress);
      const started = performance.now();
      missing = await media.place(copied.files, options.onFiles);
      mediaMs += performance.now() - started;
    } while (missing.length > 0 && attempts < MEDIA_ATTEMPTS && hasVanished(databaseFile, missing));
    const started = performance.now();
    const placed = await media.finish(copied.files, missing);
    fs.renameSync(media.folder, folder);
    fs.renameSync(partial, out);
    const { files: _files, ...facts } = copied;
    const mediaResult = { ...placed, folder, ms: mediaMs + performance.now() - started, attempts };
    return { ...facts, file: out, bytes: fs.statSync(out).size, media: mediaResult };
  } catch (error) {
    if (!fs.existsSync(out)) fs.rmSync(folder, { recursive: true, force: true });
    throw error;
  } finally {
    removeDatabaseFiles(partial);
    fs.rmSync(media.folder, { recursive: true, force: true });
  }
}

type Copied = Omit<BackupResult, "file" | "bytes" | "media"> & { files: MediaFile[] };

async function copyAndCheck(databaseFile: string, partial: string, onProgress?: CopyProgress): Promise<Copied> {
  removeDatabaseFiles(partial);
  const started = performance.now();
  const source = openDatabase(databaseFile, { readonly: true });
  let copy: Awaited<ReturnType<typeof copyDatabase>>;
  try {
    copy = await copyDatabase(source, partial, onProgress);
  } finally {
    source.close();
  }
  const copied = performance.now();
  const facts = checkCopy(partial);
  const files = withDatabase(partial, { readonly: true }, listReferencedFiles);
  return { pages: copy.pages, restarted: copy.restarted, copyMs: copied - started, checkMs: performance.now() - copied, ...facts, files };
}

/** Whether some of the missing files are no longer named by the live database (deleted or replaced since the copy). */
function hasVanished(databaseFile: string, missing: MediaFile[]): boolean {
  const live = new Set(withDatabase(databaseFile, { readonly: true }, listReferencedFiles).map((file) => file.key));
  return missing.some((file) => !live.has(file.key));
}

function checkCopy(file: string): { articles: number; migrations: number } {
  return withDatabase(file, {}, (db) => {
    // The copy inherits the live database's WAL mode; a backup is better as one self-contained file.
    db.pragma("journal_mode = DELETE");
    const problems = listIntegrityProblems(db);
    if (problems.length > 0) throw new OperationError(`the backup failed its integrity check: ${problems.slice(0, 3).join("; ")}`);
    const missing = listMissingTables(db);
    if (missing.length > 0) throw new OperationError(`the database is not a newsdesk database (no table ${missing.join(", ")})`);
    return { articles: countArticles(db), migrations: readMigrationRecords(db).length };
  });
}

/**
 * Removes the backups named newsdesk-<timestamp>.db in `dir` beyond the newest `keep`, each with its
 * photo folder newsdesk-<timestamp>.media; never other files.
 */
export function rotateBackups(dir: string, keep: number): string[] {
  const backups = fs
    .readdirSync(dir)
    .filter((name) => BACKUP_NAME.test(name))
    .sort();
  const removed = backups.slice(0, Math.max(0, backups.length - keep));
  for (const name of removed) {
    // The folder goes first: a backup file without its photos would look complete to db:restore.
    fs.rmSync(mediaFolderOf(path.join(dir, name)), { recursive: true, force: true });
    fs.rmSync(path.join(dir, name));
  }
  return removed.map((name) => path.join(dir, name));
}

export function removeDatabaseFiles(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
}
