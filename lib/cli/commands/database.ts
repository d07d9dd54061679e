// `cms db:status`, `db:migrate`, `db:backup`, `db:restore`: arguments and output; the work is in lib/backup.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { createBackup, defaultBackupFile, rotateBackups } from "../../backup/backup";
import { formatBytes, formatCount, formatNames, formatSeconds } from "../../backup/format";
import { getMigrationStatus } from "../../backup/migrations";
import { restoreDatabase } from "../../backup/restore";
import { migrateWithBackup } from "../../backup/upgrade";
import type { BackupResult } from "../../backup/backup";
import type { ProgressFor } from "../../backup/copy";
import { dataDir, databaseFile, mediaDir, mediaStoreKind } from "../../env";
import type { Command } from "../command";
import { info, progress } from "../output";
import { OperationError } from "../../errors";

const backupDir = () => path.join(dataDir(), "backups");
// Progress lines only for copies that take a moment: over 2,560 pages (10 MB), or 500 photo files
// (linking them is quick, but copying them to another disk is not).
const PROGRESS_FROM = { pages: 2560, files: 500 };
const copyProgress: ProgressFor = (label, unit = "pages") => {
  let show: ((done: number) => void) | null = null;
  return (done: number, total: number) => {
    if (total <= PROGRESS_FROM[unit]) return;
    show ??= progress(`${label} (${unit})`, total);
    show(done);
  };
};
const LIST_LIMIT = 5;

/** Where the site's photos are; the backup commands work on the local media folder only. */
function localMediaDir(): string {
  const kind = mediaStoreKind();
  if (kind !== "local")
    throw new OperationError(
      `MEDIA_STORE=${kind}: db:backup, db:restore and db:migrate pair the database with the photo files of a local media folder, and this site keeps its photos in a bucket. Protect the photos with the bucket's own versioning and replication (see README, Backups)`,
    );
  return mediaDir();
}

const noArguments = z.array(z.string()).max(0, { error: (issue) => `unexpected argument "${(issue.input as string[])[0]}" (see --help)` });

/** `--name value` / `--name=value` options and positionals, validated by `schema`; one-line errors. */
function parseArguments<T>(args: string[], names: string[], schema: z.ZodType<T>): T {
  const options: Record<string, string> = {};
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (!args[i].startsWith("--")) {
      positionals.push(args[i]);
      continue;
    }
    const [name, inline] = args[i].slice(2).split(/=(.*)/s);
    if (!names.includes(name)) throw new OperationError(`unknown option --${name} (see --help)`);
    if (name in options) throw new OperationError(`option --${name} is given twice`);
    const value = inline ?? args[++i];
    if (!value || (inline === undefined && value.startsWith("--"))) throw new OperationError(`option --${name} needs a value`);
    options[name] = value;
  }
  const result = schema.safeParse({ ...options, positionals });
  if (!result.success) throw new OperationError(result.error.issues[0].message);
  return result.data;
}

async function status(args: string[]): Promise<void> {
  parseArguments(args, [], z.object({ positionals: noArguments }));
  const file = databaseFile();
  const exists = fs.existsSync(file);
  const { applied, pending, failed, unknown } = getMigrationStatus(file);
  info(`database: ${file}${exists ? ` (${formatBytes(fs.statSync(file).size)})` : " (does not exist yet)"}`);
  const groups: [string, string[]][] = [
    ["applied", applied],
    ["pending", pending],
    ["failed", failed],
    ["unknown to this version (newer)", unknown],
  ];
  for (const [label, names] of groups.filter(([label, names]) => names.length > 0 || label === "pending")) {
    info(`${label} (${names.length}):${names.map((name) => `\n  ${name}`).join("") || " none"}`);
  }
  if (failed.length > 0) info("a migration failed and was not rolled back: restore the backup taken before it (db:restore)");
  else if (pending.length > 0) info("run `npm run cms -- db:migrate` to back up the database and apply the pending migrations");
  else info("the database is up to date");
}

async function migrate(args: string[]): Promise<void> {
  parseArguments(args, [], z.object({ positionals: noArguments }));
  const { backup, applied } = await migrateWithBackup({ databaseFile: databaseFile(), mediaDir: localMediaDir(), backupDir: backupDir(), report: info, progressFor: copyProgress });
  if (applied.length > 0) info(`migrated: ${formatCount(applied.length, "migration")} applied (${formatNames(applied)})`);
  if (backup) info(`the backup taken before the migration: ${backup.file}`);
  if (applied.length > 0) info("restart the server (npm start) so it runs with the new schema");
}

const backupArguments = z.object({
  out: z.string().optional(),
  keep: z
    .string()
    .regex(/^[1-9]\d*$/, "--keep needs the number of backups to keep, a whole number of at least 1")
    .transform(Number)
    .optional(),
  positionals: noArguments,
});

async function backup(args: string[]): Promise<void> {
  const options = parseArguments(args, ["out", "keep"], backupArguments);
  const out = path.resolve(options.out ?? defaultBackupFile(backupDir()));
  const media = localMediaDir();
  info(`backing up ${databaseFile()} to ${out}, and the photo files it refers to from ${media}`);
  const result = await createBackup({ databaseFile: databaseFile(), out, mediaDir: media, onProgress: copyProgress("copy"), onFiles: copyProgress("photo files", "files") });
  if (result.restarted) info("the database changed during the copy, so the rest was copied in one consistent step");
  info(`checked the copy: integrity ok, ${formatCount(result.articles, "article")}, ${formatCount(result.migrations, "migration")}`);
  if (result.media.attempts > 1)
    info(`photos were deleted or replaced while their files were being placed, so the database was copied again (${result.media.attempts} copies in all)`);
  info(
    `backup: ${result.file} (${formatBytes(result.bytes)}) in ${formatSeconds(result.copyMs + result.checkMs)} (copy ${formatSeconds(result.copyMs)}, check ${formatSeconds(result.checkMs)})`,
  );
  info(
    `photos: ${result.media.folder} (${formatCount(result.media.files, "file")}, ${formatBytes(result.media.bytes)}: ${result.media.linked} hard-linked, ${result.media.copied} copied) in ${formatSeconds(result.media.ms)}`,
  );
  reportMissingPhotos(result);
  if (options.keep === undefined) return;
  const removed = rotateBackups(path.dirname(out), options.keep);
  const names = removed.length === 0 ? "none" : `${formatNames(removed.map((file) => path.basename(file)))} (each with its .media folder)`;
  info(`kept the newest ${formatCount(options.keep, "backup")} in ${path.dirname(out)}; removed ${names}`);
}

/** Files the live site lacks although its database names them: the backup cannot hold them either. */
function reportMissingPhotos({ media }: BackupResult): void {
  if (media.missing.length === 0) return;
  console.error(
    `warning: the site's media folder lacks ${formatCount(media.missing.length, "photo file")} its database refers to, so the backup lacks them too (listed in ${path.join(media.folder, "manifest.json")}; run cms media:check):`,
  );
  for (const file of media.missing.slice(0, LIST_LIMIT)) console.error(`  photo ${file.photoId}: ${file.key}`);
  if (media.missing.length > LIST_LIMIT) console.error(`  … and ${media.missing.length - LIST_LIMIT} more`);
}

const restoreArguments = z.object({
  positionals: z.array(z.string()).length(1, "db:restore needs exactly one FILE: the backup to restore (see --help)"),
});

async function restore(args: string[]): Promise<void> {
  const [file] = parseArguments(args, [], restoreArguments).positionals;
  const result = await restoreDatabase({
    file: path.resolve(file),
    databaseFile: databaseFile(),
    mediaDir: localMediaDir(),
    backupDir: backupDir(),
    report: info,
    progressFor: copyProgress,
  });
  if (result.applied.length > 0) info(`migrated the restored database: ${formatNames(result.applied)}`);
  info(`done: the database now holds ${formatCount(result.articles, "article")} and the media folder ${formatCount(result.photos.files, "photo file")} from ${path.resolve(file)}`);
  info("if the site is running, restart it (npm start) so it stops serving pages cached from the replaced content");
}

export const dbStatusCommand: Command = {
  name: "db:status",
  summary: "show applied and pending migrations",
  help: `Usage: cms db:status
Shows the database file and which migrations are applied, pending, failed or unknown to this
version. Reads only; safe while the site runs.`,
  run: status,
};

export const dbMigrateCommand: Command = {
  name: "db:migrate",
  summary: "back up the database, then apply pending migrations",
  help: `Usage: cms db:migrate
The upgrade step: takes an online backup (database and photos, as db:backup) into data/backups/,
then applies the pending migrations.
If a migration fails, the database is restored from that backup and the error names it.
Stop the site first: Prisma's migration engine needs the database file to itself.`,
  run: migrate,
};

export const dbBackupCommand: Command = {
  name: "db:backup",
  summary: "online backup of the database and its photos (while the site runs)",
  help: `Usage: cms db:backup [--out FILE] [--keep N]
Copies the database with SQLite's online backup API while the site keeps serving, checks the
copy (PRAGMA integrity_check) and stores it as one file; then puts every photo file that copy
refers to (originals and variants) into the folder FILE.media beside it (FILE without ".db"),
hard-linked when on the same disk as the media folder, copied otherwise. The pair is one
consistent moment: a photo deleted or replaced during the backup makes it copy the database again.
  --out FILE   where to write it (default data/backups/newsdesk-<UTC timestamp>.db); FILE and
               its .media folder must not exist
  --keep N     afterwards keep only the newest N backups named newsdesk-<timestamp>.db in that
               folder, removing each older one with its .media folder`,
  run: backup,
};

export const dbRestoreCommand: Command = {
  name: "db:restore",
  summary: "replace the database and its photos with a backup",
  help: `Usage: cms db:restore FILE
Checks FILE (integrity, newsdesk tables, schema) and its FILE.media folder (every photo file FILE
refers to present, at its recorded size), refusing and changing nothing otherwise; backs up the
current database and photos into data/backups/; then puts the backup's photo files into the media
folder and writes FILE's content into the database, and finally removes the photo files only the
replaced content used. A backup from an older version is migrated afterwards; one from a newer
version is refused. Restart the site afterwards.`,
  run: restore,
};

export const DATABASE_COMMANDS = [dbStatusCommand, dbMigrateCommand, dbBackupCommand, dbRestoreCommand];
