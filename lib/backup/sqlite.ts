// Direct better-sqlite3 access for the admin's database tools (open, integrity, in-use checks); the site uses lib/db.ts.
import Database from "better-sqlite3";
import crypto from "node:crypto";
import { OperationError } from "../errors";

export type SqliteDatabase = Database.Database;

const BUSY_TIMEOUT_MS = 5000;
const NEWSDESK_TABLES = ["_prisma_migrations", "Article"];

export function openDatabase(file: string, options: { readonly?: boolean } = {}): SqliteDatabase {
  return new Database(file, { fileMustExist: true, readonly: options.readonly ?? false, timeout: BUSY_TIMEOUT_MS });
}

/** Runs `work` on an open connection and always closes it. */
export function withDatabase<T>(file: string, options: { readonly?: boolean }, work: (db: SqliteDatabase) => T): T {
  const db = openDatabase(file, options);
  try {
    return work(db);
  } finally {
    db.close();
  }
}

/** The problems `PRAGMA integrity_check` reports; empty when the file is sound. */
export function listIntegrityProblems(db: SqliteDatabase): string[] {
  const rows = db.pragma("integrity_check") as { integrity_check: string }[];
  const problems = rows.map((row) => row.integrity_check);
  return problems.length === 1 && problems[0] === "ok" ? [] : problems;
}

/** Newsdesk tables the file lacks; empty for a newsdesk database. */
export function listMissingTables(db: SqliteDatabase): string[] {
  const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
  const present = new Set(rows.map((row) => row.name));
  return NEWSDESK_TABLES.filter((table) => !present.has(table));
}

export function countArticles(db: SqliteDatabase): number {
  return (db.prepare('SELECT count(*) AS n FROM "Article"').get() as { n: number }).n;
}

/**
 * True when another connection holds the file open in WAL mode (a running site does, even when
 * idle). Prisma's migration engine takes the database with `locking_mode=EXCLUSIVE`, which such a
 * connection blocks: the engine then fails after its busy timeout with "SocketTimeout".
 */
export function isDatabaseInUse(file: string): boolean {
  const db = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma("locking_mode = EXCLUSIVE");
    db.prepare("SELECT count(*) FROM sqlite_master").get();
    return false;
  } catch (error) {
    if (isBusyError(error)) return true;
    throw error;
  } finally {
    db.close();
  }
}

export function isBusyError(error: unknown): boolean {
  return error instanceof Database.SqliteError && error.code.startsWith("SQLITE_BUSY");
}

/** A hash of the schema and the migration records: it changes as soon as a migration starts. */
export function schemaFingerprint(file: string): string {
  return withDatabase(file, { readonly: true }, (db) => {
    const schema = db.prepare("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").all();
    const hasRecords = listMissingTables(db).every((table) => table !== "_prisma_migrations");
    const records = hasRecords ? db.prepare("SELECT * FROM _prisma_migrations ORDER BY id").all() : [];
    return crypto.createHash("sha256").update(JSON.stringify({ schema, records })).digest("hex");
  });
}

/** The one-line text of a failure to open or read a file that should be a SQLite database. */
export function describeSqliteFailure(error: unknown): string {
  if (error instanceof Database.SqliteError) return `${error.message} (${error.code})`;
  throw error;
}

export function inUseMessage(file: string, action: string): string {
  return (
    `the database ${file} is open in another process (is the site running?), so ${action} cannot ` +
    `take it exclusively: stop the server, run the command again, then start the server`
  );
}

export function requireFreeDatabase(file: string, action: string): void {
  if (isDatabaseInUse(file)) throw new OperationError(inUseMessage(file, action));
}
