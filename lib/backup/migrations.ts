// Which migrations the code ships and which a database file has applied (_prisma_migrations); read-only.
import fs from "node:fs";
import path from "node:path";
import { listMissingTables, withDatabase, type SqliteDatabase } from "./sqlite";

export const DEFAULT_MIGRATIONS_DIR = path.resolve("prisma", "migrations");

export type MigrationStatus = {
  /** Applied and known to the code, oldest first. */
  applied: string[];
  /** Known to the code, not applied yet. */
  pending: string[];
  /** Started but never finished (a failed `migrate deploy`), not rolled back. */
  failed: string[];
  /** Applied to the database but unknown to this code: the database is newer than the code. */
  unknown: string[];
};

type MigrationRecord = { migration_name: string; finished_at: string | null; rolled_back_at: string | null };

/** Migration folder names (each holding a migration.sql), in the order Prisma applies them. */
export function listCodeMigrations(dir = DEFAULT_MIGRATIONS_DIR): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

export function readMigrationRecords(db: SqliteDatabase): MigrationRecord[] {
  if (listMissingTables(db).includes("_prisma_migrations")) return [];
  return db.prepare("SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY started_at, migration_name").all() as MigrationRecord[];
}

export function compareMigrations(code: string[], records: MigrationRecord[]): MigrationStatus {
  const live = records.filter((record) => record.rolled_back_at === null);
  const finished = new Set(live.filter((record) => record.finished_at !== null).map((record) => record.migration_name));
  const failed = live.filter((record) => record.finished_at === null).map((record) => record.migration_name);
  const known = new Set(code);
  return {
    applied: code.filter((name) => finished.has(name)),
    pending: code.filter((name) => !finished.has(name) && !failed.includes(name)),
    failed,
    unknown: [...finished].filter((name) => !known.has(name)).sort(),
  };
}

/** The status of a database file against the code's migrations; all pending when the file is absent. */
export function getMigrationStatus(file: string, migrationsDir = DEFAULT_MIGRATIONS_DIR): MigrationStatus {
  const code = listCodeMigrations(migrationsDir);
  if (!fs.existsSync(file)) return { applied: [], pending: code, failed: [], unknown: [] };
  return compareMigrations(code, withDatabase(file, { readonly: true }, readMigrationRecords));
}
