// db:restore: only a sound newsdesk backup of this or an older schema replaces the database, after a backup of it.
import fs from "node:fs";
import path from "node:path";
import { migrateDatabase, type MigrationSetup } from "./migrate";
import { OperationError } from "../errors";
import { createBackup, defaultBackupFile } from "./backup";
import { replaceDatabaseFile, type ProgressFor } from "./copy";
import { formatBytes, formatCount, formatNames } from "./format";
import { compareMigrations, DEFAULT_MIGRATIONS_DIR, listCodeMigrations, readMigrationRecords, type MigrationStatus } from "./migrations";
import { countArticles, describeSqliteFailure, listIntegrityProblems, listMissingTables, requireFreeDatabase, withDatabase } from "./sqlite";
import { applyWithRollback } from "./upgrade";
import type { Report } from "../reporter";

export type RestoreOptions = MigrationSetup & { file: string; databaseFile: string; backupDir: string; report: Report; progressFor?: ProgressFor };
export type RestoreResult = { previousBackup: string | null; articles: number; applied: string[] };

type Checked = { articles: number; status: MigrationStatus };

/** Checks that `file` is a sound newsdesk database this code can run on; throws a one-line refusal otherwise. */
export function checkBackupFile(file: string, migrationsDir = DEFAULT_MIGRATIONS_DIR): Checked {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new OperationError(`${file} does not exist`);
  const outcome = (() => {
    try {
      return withDatabase(file, { readonly: true }, (db) => inspect(db, migrationsDir));
    } catch (error) {
      return `is damaged or not a SQLite database (${describeSqliteFailure(error)})`;
    }
  })();
  if (typeof outcome === "string") throw new OperationError(`${file} ${outcome}; nothing was changed`);
  return outcome;
}

function inspect(db: Parameters<typeof readMigrationRecords>[0], migrationsDir: string): Checked | string {
  const problems = listIntegrityProblems(db);
  if (problems.length > 0) return `failed the integrity check (${problems.slice(0, 2).join("; ")})`;
  const missing = listMissingTables(db);
  if (missing.length > 0) return `is not a newsdesk database (it has no ${missing.join(" or ")} table)`;
  const status = compareMigrations(listCodeMigrations(migrationsDir), readMigrationRecords(db));
  if (status.failed.length > 0) return `records a failed migration (${formatNames(status.failed)}), so it is not a consistent backup`;
  if (status.unknown.length > 0) {
    return `was taken at a newer schema than this version of newsdesk knows (unknown migrations: ${formatNames(status.unknown)}); upgrade newsdesk first, then restore it`;
  }
  return { articles: countArticles(db), status };
}

export async function restoreDatabase(options: RestoreOptions): Promise<RestoreResult> {
  const { file, databaseFile, report } = options;
  if (path.resolve(file) === path.resolve(databaseFile)) throw new OperationError(`${file} is the live database itself`);
  const { articles, status } = checkBackupFile(file, options.migrationsDir);
  report(`checked ${file}: integrity ok, newsdesk database with ${formatCount(status.applied.length, "migration")} and ${formatCount(articles, "article")}`);
  const exists = fs.existsSync(databaseFile);
  const pending = status.pending;
  // Checked before anything changes: the migrations after the restore need the database to themselves.
  if (pending.length > 0 && exists) requireFreeDatabase(databaseFile, `the ${formatCount(pending.length, "migration")} this older backup needs`);
  const previous = exists ? await createBackup({ databaseFile, out: defaultBackupFile(options.backupDir), onProgress: options.progressFor?.("backup of the current database") }) : null;
  if (previous) report(`backed up the current database to ${previous.file} (${formatBytes(previous.bytes)}, ${formatCount(previous.articles, "article")})`);
  await replaceDatabaseFile(file, databaseFile, options.progressFor?.("restore"));
  report(`restored ${file} into ${databaseFile}`);
  if (pending.length === 0) return { previousBackup: previous?.file ?? null, articles, applied: [] };
  report(`the backup predates ${formatCount(pending.length, "migration")} of this version; applying ${formatNames(pending)}`);
  const applied = previous
    ? await applyWithRollback({ ...options, rollbackFile: previous.file, baseFile: file, pending })
    : migrateDatabase(options, report);
  return { previousBackup: previous?.file ?? null, articles, applied };
}
