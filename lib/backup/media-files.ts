// The photo files a database refers to, and placing them elsewhere: hard-linked when on the same
// file system, copied otherwise, always under a temporary name renamed into place. Photo files are
// never changed in place (every upload or replace writes a new folder, names are their content), so
// a link holds exactly the bytes the database recorded.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { OperationError } from "../errors";
import { isMediaKey, originalKey } from "../media/store";
import type { SqliteDatabase } from "./sqlite";

/** One file of a photo, as a database records it: its store key and size. */
export type MediaFile = { photoId: number; key: string; bytes: number };

export type PlaceOutcome = "linked" | "copied";

// Hard links are refused across file systems and by some (network) file systems; then copy.
const NO_LINK = new Set(["EXDEV", "EPERM", "ENOTSUP", "EOPNOTSUPP", "EMLINK", "ENOSYS"]);

/** newsdesk-….db → newsdesk-….media: the folder of photo files that belongs to a backup file. */
export function mediaFolderOf(backupFile: string): string {
  return `${backupFile.replace(/\.db$/, "")}.media`;
}

/** Media/ beside the database: where the site keeps its photos unless MEDIA_DIR says otherwise. */
export function defaultMediaDir(databaseFile: string): string {
  return path.join(path.dirname(databaseFile), "media");
}

/** Every original and variant file the database's Photo and PhotoVariant rows name, sorted by key. */
export function listReferencedFiles(db: SqliteDatabase): MediaFile[] {
  const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((row) => row.name));
  if (!tables.has("Photo") || !tables.has("PhotoVariant")) return [];
  type PhotoRow = { id: number; storageKey: string; contentHash: string; originalFormat: string; originalBytes: number };
  const photos = db.prepare('SELECT id, storageKey, contentHash, originalFormat, originalBytes FROM "Photo"').all() as PhotoRow[];
  const variants = db.prepare('SELECT photoId, key, bytes FROM "PhotoVariant"').all() as MediaFile[];
  const files = [...photos.map((photo) => ({ photoId: photo.id, key: originalKey(photo), bytes: photo.originalBytes })), ...variants];
  const outside = files.find((file) => !isMediaKey(file.key));
  // Keys become paths: a database naming anything else is not trusted with the file system.
  if (outside) throw new OperationError(`photo ${outside.photoId} names a file outside the media folder's scheme (${JSON.stringify(outside.key)})`);
  return files.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Whether `file` holds a regular file of `bytes` bytes ("missing" and "damaged" otherwise). */
export async function inspectFile(file: string, bytes: number): Promise<"ok" | "missing" | "damaged"> {
  try {
    const stat = await fs.stat(file);
    return stat.isFile() && stat.size === bytes ? "ok" : "damaged";
  } catch (error) {
    if (isMissing(error)) return "missing";
    throw error;
  }
}

/**
 * Puts the file `from` at `to` (replacing what is there) as a hard link, or as a copy when links are
 * not possible; readers of `to` never see a partial file. Throws ENOENT when `from` is gone.
 */
export async function placeFile(from: string, to: string): Promise<PlaceOutcome> {
  await fs.mkdir(path.dirname(to), { recursive: true });
  const temporary = path.join(path.dirname(to), `.${path.basename(to)}.${crypto.randomBytes(6).toString("hex")}.tmp`);
  try {
    const outcome = await linkOrCopy(from, temporary);
    await fs.rename(temporary, to);
    return outcome;
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}

async function linkOrCopy(from: string, to: string): Promise<PlaceOutcome> {
  try {
    await fs.link(from, to);
    return "linked";
  } catch (error) {
    if (!NO_LINK.has((error as NodeJS.ErrnoException).code ?? "")) throw error;
    return copyTo(from, to);
  }
}

async function copyTo(from: string, to: string): Promise<"copied"> {
  await fs.copyFile(from, to, fs.constants.COPYFILE_FICLONE);
  return "copied";
}

/** Runs `work` on every item, a few at a time (file system calls wait on the disk, not the CPU). */
export async function forEachFile<T>(items: readonly T[], work: (item: T) => Promise<void>, concurrency = 8): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

export function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === "ENOENT";
}
