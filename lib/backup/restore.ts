// db:restore: only a sound newsdesk backup of this or an older schema, with all its photo files, replaces the
// database and the photos, after a backup of both.
import fs from "node:fs";
import path from "node:path";
import { migrateDatabase, type MigrationSetup } from "./migrate";
import { OperationError } from "../errors";
import { createBackup, defaultBackupFile } from "./backup";
import { defaultMediaDir, listReferencedFiles, type MediaFile } from "./media-files";
import { checkBackupMedia, MediaRestore, type PlacedMedia } from "./media-restore";
import { replaceDatabaseFile, type ProgressFor } from "./copy";
import { formatBytes, formatCount, formatNames } from "./format";
import { compareMigrations, DEFAULT_MIGRATIONS_DIR, listCodeMigrations, readMigrationRecords, type MigrationStatus } from "./migrations";
import { countArticles, describeSqliteFailure, listIntegrityProblems, listMissingTables, requireFreeDatabase, type SqliteDatabase, withDatabase } from "./sqlite";
import { EVERY_PAGE } from "../site/cache-tags";
import { applyWithRollback } from "./upgrade";
import type { Report } from "../reporter";

export type RestoreOptions = MigrationSetup & {
  file: string;
  databaseFile: string;
  /** The site's photo files; media/ beside the database by default. */
  mediaDir?: string;
  backupDir: string;
  report: Report;
  progressFor?: ProgressFor;
};
export type RestoreResult = { previousBackup: string | null; articles: number; applied: string[]; photos: PlacedMedia & { removed: number; excused: number } };

type Checked = { articles: number; status: MigrationStatus; files: MediaFile[] };

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
  let files: MediaFile[];
  try {
    files = listReferencedFiles(db);
  } catch (error) {
    if (error instanceof OperationError) return `is not a trustworthy backup: ${error.message}`;
    throw error;
  }
  return { articles: countArticles(db), status, files };
}

/**
 * Replaces the database and the photo files with a checked backup (refused, nothing changed, unless
 * the backup file and every photo file it refers to are sound), after backing up the current state.
 * A backup of an older schema is migrated; a failure puts the database and the photos back.
 */
export async function restoreDatabase(options: RestoreOptions): Promise<RestoreResult> {
  const { file, databaseFile, report } = options;
  const mediaDir = options.mediaDir ?? defaultMediaDir(databaseFile);
  if (path.resolve(file) === path.resolve(databaseFile)) throw new OperationError(`${file} is the live database itself`);
  const { articles, status, files } = checkBackupFile(file, options.migrationsDir);
  const media = await checkBackupMedia(file, files);
  report(`checked ${file}: integrity ok, newsdesk database with ${formatCount(status.applied.length, "migration")} and ${formatCount(articles, "article")}`);
  report(media.folder ? `checked ${media.folder}: ${formatCount(media.files.length, "photo file")} present and whole` : "the backup refers to no photo files");
  if (media.excused.length > 0)
    report(
      `note: ${formatCount(media.excused.length, "photo file")} were already missing from the site the backup was taken of (its manifest lists them); cms media:check names them after the restore`,
    );
  const exists = fs.existsSync(databaseFile);
  const pending = status.pending;
  // Checked before anything changes: the migrations after the restore need the database to themselves.
  if (pending.length > 0 && exists) requireFreeDatabase(databaseFile, `the ${formatCount(pending.length, "migration")} this older backup needs`);
  const previous = exists
    ? await createBackup({
        databaseFile,
        out: defaultBackupFile(options.backupDir),
        mediaDir,
        onProgress: options.progressFor?.("backup of the current database"),
        onFiles: options.progressFor?.("backup of the current photos", "files"),
      })
    : null;
  if (previous)
    report(
      `backed up the current database and ${formatCount(previous.media.files, "photo file")} to ${previous.file} (${formatBytes(previous.bytes)}, ${formatCount(previous.articles, "article")})`,
    );
  const photos = new MediaRestore(mediaDir, media);
  const placed = await photos.place(options.progressFor?.("photo files", "files"));
  let applied: string[] = [];
  try {
    await replaceDatabaseFile(file, databaseFile, options.progressFor?.("restore"));
    report(`restored ${file} into ${databaseFile}`);
    if (pending.length > 0) {
      report(`the backup predates ${formatCount(pending.length, "migration")} of this version; applying ${formatNames(pending)}`);
      applied = previous ? await applyWithRollback({ ...options, rollbackFile: previous.file, baseFile: file, pending }) : migrateDatabase(options, report);
    }
  } catch (error) {
    await photos.undo();
    throw error;
  }
  const removed = await photos.prune(withDatabase(databaseFile, { readonly: true }, listReferencedFiles));
  withDatabase(databaseFile, {}, expireEveryPage);
  report("public pages: every running server renders its pages again within a second");
  report(
    `restored ${formatCount(placed.files, "photo file")} (${formatBytes(placed.bytes)}) into ${mediaDir}: ${placed.linked} linked, ${placed.copied} copied, ${placed.present} already there; removed ${formatCount(removed, "file")} of the replaced content`,
  );
  return { previousBackup: previous?.file ?? null, articles, applied, photos: { ...placed, removed, excused: media.excused.length } };
}

/** Tells every running server that all it cached is gone (lib/site/tag-sync.ts applies the row). */
function expireEveryPage(db: SqliteDatabase): void {
  const now = new Date().toISOString().replace("Z", "+00:00"); // as Prisma stores DateTime
  db.prepare(`INSERT INTO "CacheTagEvent" ("tags", "createdAt") VALUES (?, ?)`).run(JSON.stringify([EVERY_PAGE]), now);
}
