// db:migrate: a backup, then the pending migrations; a failure restores the backup, so it is all or nothing.
import fs from "node:fs";
import { MigrationError, migrateDatabase, type MigrationSetup } from "./migrate";
import { OperationError } from "../errors";
import type { Report } from "../reporter";
import { createBackup, defaultBackupFile, type BackupResult } from "./backup";
import { replaceDatabaseFile, type ProgressFor } from "./copy";
import { findMigrationError } from "./diagnose";
import { formatBytes, formatCount, formatNames } from "./format";
import { DEFAULT_MIGRATIONS_DIR, getMigrationStatus } from "./migrations";
import { requireFreeDatabase, schemaFingerprint } from "./sqlite";

export type UpgradeOptions = MigrationSetup & { databaseFile: string; mediaDir?: string; backupDir: string; report: Report; progressFor?: ProgressFor };

export async function migrateWithBackup(options: UpgradeOptions): Promise<{ backup: BackupResult | null; applied: string[] }> {
  const { databaseFile, report } = options;
  if (!fs.existsSync(databaseFile)) {
    report(`no database at ${databaseFile} yet: creating it (nothing to back up)`);
    return { backup: null, applied: migrateDatabase(options, report) };
  }
  const status = getMigrationStatus(databaseFile, options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  if (status.failed.length > 0) {
    throw new OperationError(`the database records a failed migration (${formatNames(status.failed)}); restore the backup taken before it with db:restore`);
  }
  if (status.pending.length === 0) {
    report(`nothing to migrate: all ${formatCount(status.applied.length, "migration")} are applied; no backup taken`);
    return { backup: null, applied: [] };
  }
  requireFreeDatabase(databaseFile, "the migration");
  report(`${formatCount(status.pending.length, "pending migration")}: ${formatNames(status.pending)}`);
  const backup = await createBackup({
    databaseFile,
    out: defaultBackupFile(options.backupDir),
    mediaDir: options.mediaDir,
    onProgress: options.progressFor?.("backup"),
    onFiles: options.progressFor?.("backup of the photos", "files"),
  });
  report(`backed up the database to ${backup.file} (${formatBytes(backup.bytes)}, integrity ok) and ${formatCount(backup.media.files, "photo file")} to ${backup.media.folder}`);
  const applied = await applyWithRollback({ ...options, rollbackFile: backup.file, baseFile: backup.file, pending: status.pending });
  return { backup, applied };
}

type Rollback = MigrationSetup & {
  databaseFile: string;
  report?: Report;
  /** Put back when a migration fails. */
  rollbackFile: string;
  /** The database as it was before these migrations, to replay them and find the error. */
  baseFile: string;
  pending: string[];
};

/** Applies the pending migrations; on failure restores `rollbackFile` and throws a one-line error naming it. */
export async function applyWithRollback(options: Rollback): Promise<string[]> {
  const { databaseFile, rollbackFile } = options;
  const before = schemaFingerprint(databaseFile);
  try {
    return migrateDatabase(options, options.report);
  } catch (error) {
    if (!(error instanceof MigrationError)) throw error;
    // A migration that started left a _prisma_migrations row or a schema change behind.
    if (schemaFingerprint(databaseFile) === before) throw new OperationError(`${error.message}; nothing was changed`);
    const failed = getMigrationStatus(databaseFile, options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR).failed[0] ?? error.migrationName;
    await replaceDatabaseFile(rollbackFile, databaseFile);
    const cause = failed ? await findMigrationError({ ...replayOf(options), failed }) : null;
    const what = cause && failed ? `migration ${failed} failed: ${cause}` : error.message;
    throw new OperationError(`${what}; the database was restored from the backup ${rollbackFile}`);
  }
}

function replayOf(options: Rollback) {
  return { backupFile: options.baseFile, migrationsDir: options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR, pending: options.pending };
}
