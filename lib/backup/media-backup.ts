// The photo half of a backup: every file the backup's database refers to, placed in the folder
// newsdesk-<ts>.media/ beside it (public/… and originals/… as in the media folder), plus a manifest.
import fs from "node:fs/promises";
import path from "node:path";
import type { CopyProgress } from "./copy";
import { forEachFile, inspectFile, isMissing, placeFile, type MediaFile, type PlaceOutcome } from "./media-files";

export const MANIFEST_FILE = "manifest.json";
const MANIFEST_FORMAT = "newsdesk-backup-media";

/** What a backup's media folder holds; `missing`: files the site itself lacked when it was taken. */
export type MediaCopy = { folder: string; files: number; bytes: number; linked: number; copied: number; missing: MediaFile[] };

export type Manifest = { format: typeof MANIFEST_FORMAT; version: 1; files: number; bytes: number; missing: { photoId: number; key: string }[] };

/**
 * Fills one media folder for a backup, possibly over several attempts (each for a newer copy of the
 * database): files placed by an earlier attempt are kept when still referenced, pruned otherwise.
 */
export class BackupMediaFolder {
  #placed = new Map<string, PlaceOutcome>();

  constructor(
    private readonly mediaDir: string,
    readonly folder: string,
  ) {}

  /** Places `files` (the backup database's) and returns those the media folder does not have whole. */
  async place(files: MediaFile[], onProgress?: CopyProgress): Promise<MediaFile[]> {
    const missing: MediaFile[] = [];
    let done = 0;
    onProgress?.(0, files.length);
    await forEachFile(files, async (file) => {
      if (!this.#placed.has(file.key)) {
        const outcome = await this.#placeOne(file);
        if (outcome) this.#placed.set(file.key, outcome);
        else missing.push(file);
      }
      onProgress?.(++done, files.length);
    });
    return missing.sort((a, b) => (a.key < b.key ? -1 : 1));
  }

  /** Drops what earlier attempts placed for files `files` no longer names, and writes the manifest. */
  async finish(files: MediaFile[], missing: MediaFile[]): Promise<MediaCopy> {
    const wanted = new Set(files.map((file) => file.key));
    for (const key of [...this.#placed.keys()].filter((key) => !wanted.has(key))) {
      await fs.rm(path.join(this.folder, key), { force: true });
      await fs.rmdir(path.dirname(path.join(this.folder, key))).catch(() => undefined);
      this.#placed.delete(key);
    }
    const stored = files.filter((file) => this.#placed.has(file.key));
    const bytes = stored.reduce((sum, file) => sum + file.bytes, 0);
    const manifest: Manifest = { format: MANIFEST_FORMAT, version: 1, files: stored.length, bytes, missing: missing.map(({ photoId, key }) => ({ photoId, key })) };
    await fs.mkdir(this.folder, { recursive: true });
    await fs.writeFile(path.join(this.folder, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    const linked = stored.filter((file) => this.#placed.get(file.key) === "linked").length;
    return { folder: this.folder, files: stored.length, bytes, linked, copied: stored.length - linked, missing };
  }

  async #placeOne(file: MediaFile): Promise<PlaceOutcome | null> {
    const source = path.join(this.mediaDir, file.key);
    // A file of another size is not the one recorded (names are content hashes): as good as missing.
    if ((await inspectFile(source, file.bytes)) !== "ok") return null;
    try {
      return await placeFile(source, path.join(this.folder, file.key));
    } catch (error) {
      if (isMissing(error)) return null; // removed between the check and the link
      throw error;
    }
  }
}

/** The manifest of a backup's media folder, or null when it has none or it is not one. */
export async function readManifest(folder: string): Promise<Manifest | null> {
  try {
    const manifest = JSON.parse(await fs.readFile(path.join(folder, MANIFEST_FILE), "utf8")) as Partial<Manifest>;
    if (manifest.format !== MANIFEST_FORMAT || manifest.version !== 1 || !Array.isArray(manifest.missing)) return null;
    return manifest as Manifest;
  } catch {
    return null;
  }
}
