// Online backups: a file named newsdesk-<timestamp>.db is always a complete copy that passed the integrity check.
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { OperationError } from "../errors";
import { copyDatabase, type CopyProgress } from "./copy";
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
};

/** newsdesk-20261129T093005.123Z.db: UTC, sorts by time, unique to the millisecond. */
export function backupFileName(at = new Date()): string {
  return `newsdesk-${at.toISOString().replace(/[-:]/g, "")}.db`;
}

export function defaultBackupFile(backupDir: string, at = new Date()): string {
  return path.join(backupDir, backupFileName(at));
}

/**
 * Copies the live database into `out` while the site keeps reading and writing it, then checks
 * the copy (integrity, newsdesk tables) and stores it as a single file (rollback journal mode).
 */
export async function createBackup(options: { databaseFile: string; out: string; onProgress?: CopyProgress }): Promise<BackupResult> {
  const { databaseFile, out } = options;
  if (!fs.existsSync(databaseFile)) throw new OperationError(`there is no database at ${databaseFile}`);
  if (path.resolve(out) === path.resolve(databaseFile)) throw new OperationError("the backup file cannot be the database itself");
  if (fs.existsSync(out)) throw new OperationError(`${out} already exists; choose another file`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const partial = `${out}.partial`;
  const started = performance.now();
  const source = openDatabase(databaseFile, { readonly: true });
  let copy;
  try {
    copy = await copyDatabase(source, partial, options.onProgress);
  } finally {
    source.close();
  }
  const copied = performance.now();
  try {
    const facts = checkCopy(partial);
    fs.renameSync(partial, out);
    const checkMs = performance.now() - copied;
    return { file: out, bytes: fs.statSync(out).size, pages: copy.pages, restarted: copy.restarted, copyMs: copied - started, checkMs, ...facts };
  } finally {
    removeDatabaseFiles(partial);
  }
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

/** Removes the backups named newsdesk-<timestamp>.db in `dir` beyond the newest `keep`; never other files. */
export function rotateBackups(dir: string, keep: number): string[] {
  const backups = fs.readdirSync(dir).filter((name) => BACKUP_NAME.test(name)).sort();
  const removed = backups.slice(0, Math.max(0, backups.length - keep));
  for (const name of removed) fs.rmSync(path.join(dir, name));
  return removed.map((name) => path.join(dir, name));
}

export function removeDatabaseFiles(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
}
