// db:restore's photo half. The backup's media folder is checked before anything changes; its files
// are placed in the site's media folder before the database is replaced (a file nobody refers to
// yet harms no one), taken away again if the restore fails, and the replaced content's files are
// removed only once the restored database is in place (the backup taken first keeps them).
import fs from "node:fs";
import path from "node:path";
import { OperationError } from "../errors";
import { createLocalStore } from "../media/local-store";
import { isMediaKey, type MediaArea, type MediaStore } from "../media/store";
import type { CopyProgress } from "./copy";
import { formatCount } from "./format";
import { readManifest, MANIFEST_FILE } from "./media-backup";
import { forEachFile, inspectFile, mediaFolderOf, placeFile, type MediaFile } from "./media-files";

/** A backup's photo files, checked: `files` are all there whole; `excused` were already missing from the site it was taken of. */
export type BackupMedia = { folder: string | null; files: MediaFile[]; excused: MediaFile[] };
export type PlacedMedia = { files: number; bytes: number; linked: number; copied: number; present: number };

/** Refuses (one line, nothing changed) a backup whose photo files are not all beside it, whole. */
export async function checkBackupMedia(backupFile: string, referenced: MediaFile[]): Promise<BackupMedia> {
  const folder = mediaFolderOf(backupFile);
  if (referenced.length === 0) return { folder: null, files: [], excused: [] };
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    throw new OperationError(`${backupFile} refers to ${formatCount(referenced.length, "photo file")}, but its media folder ${folder} is missing; nothing was changed`);
  }
  const manifest = await readManifest(folder);
  if (!manifest) throw new OperationError(`${folder} is not a complete backup media folder (it has no valid ${MANIFEST_FILE}); nothing was changed`);
  const excusedKeys = new Set(manifest.missing.map((file) => file.key));
  const problems: string[] = [];
  await forEachFile(referenced, async (file) => {
    if (excusedKeys.has(file.key)) return;
    const state = await inspectFile(path.join(folder, file.key), file.bytes);
    if (state !== "ok") problems.push(`${file.key} ${state}`);
  });
  if (problems.length > 0) {
    const examples = problems.sort().slice(0, 2).join(", ");
    throw new OperationError(
      `the media folder ${folder} is incomplete: ${problems.length} of ${formatCount(referenced.length, "photo file")} missing or damaged (${examples}); nothing was changed`,
    );
  }
  return { folder, files: referenced.filter((file) => !excusedKeys.has(file.key)), excused: referenced.filter((file) => excusedKeys.has(file.key)) };
}

/** Brings a checked backup's photo files into the site's media folder, undoably until pruned. */
export class MediaRestore {
  #store: MediaStore;
  #before: string[] = [];
  #added: string[] = [];

  constructor(
    private readonly mediaDir: string,
    private readonly media: BackupMedia,
  ) {
    this.#store = createLocalStore(mediaDir, isMediaKey);
  }

  /** Places every file of the backup (hard links when possible); files already there whole are kept as they are. */
  async place(onProgress?: CopyProgress): Promise<PlacedMedia> {
    this.#before = await this.#listKeys();
    const placed: PlacedMedia = { files: this.media.files.length, bytes: 0, linked: 0, copied: 0, present: 0 };
    let done = 0;
    onProgress?.(0, this.media.files.length);
    await forEachFile(this.media.files, async (file) => {
      placed.bytes += file.bytes;
      const target = path.join(this.mediaDir, file.key);
      const state = await inspectFile(target, file.bytes);
      if (state === "ok") placed.present++;
      else {
        placed[await placeFile(path.join(this.media.folder!, file.key), target)]++;
        if (state === "missing") this.#added.push(file.key);
      }
      onProgress?.(++done, this.media.files.length);
    });
    return placed;
  }

  /** After a failed restore: removes the files `place` added, so the media folder is as it was. */
  async undo(): Promise<void> {
    for (const key of this.#added) await this.#store.delete(key);
    this.#added = [];
  }

  /**
   * Removes the files that were in the media folder before the restore and that the restored
   * database does not refer to. Files written since `place` began (an upload meanwhile) are left.
   */
  async prune(referenced: MediaFile[]): Promise<number> {
    const keep = new Set(referenced.map((file) => file.key));
    const stale = this.#before.filter((key) => !keep.has(key));
    for (const key of stale) await this.#store.delete(key);
    return stale.length;
  }

  async #listKeys(): Promise<string[]> {
    const keys: string[] = [];
    for (const area of ["public", "originals"] satisfies MediaArea[]) for await (const key of this.#store.list(area)) if (isMediaKey(key)) keys.push(key);
    return keys;
  }
}
