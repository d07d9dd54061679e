// The media store: one small interface in front of wherever photo files live, and the key scheme.
// Keys are `public/<folder>/<hash>-<width>.<ext>` (variants, served at /media/<folder>/…) and
// `originals/<folder>/<sha256>.<ext>` (never served). Only "local" exists today; an S3-compatible
// store is one more module implementing MediaStore, chosen by MEDIA_STORE.
import "server-only";
import { mediaDir, mediaStoreKind } from "../env";
import { createLocalStore } from "./local-store";
import { EXTENSIONS, type ImageFormat } from "./sniff";

export type MediaArea = "public" | "originals";

export interface MediaStore {
  /** Writes the whole file; readers never see a partly written one. */
  put(key: string, data: Uint8Array): Promise<void>;
  /** The file's bytes, or null when there is none. */
  get(key: string): Promise<Buffer | null>;
  exists(key: string): Promise<boolean>;
  /** Removes the file; removing a missing file is not an error. */
  delete(key: string): Promise<void>;
  /** Every file key in an area, including files that do not follow the key scheme. */
  list(area: MediaArea): AsyncIterable<string>;
}

const FOLDER = "[0-9a-f]{16}";
const PUBLIC_KEY = new RegExp(`^public/${FOLDER}/[0-9a-f]{16}-[1-9][0-9]{0,4}\\.(?:jpg|webp|avif)$`);
const ORIGINAL_KEY = new RegExp(`^originals/${FOLDER}/[0-9a-f]{64}\\.(?:jpg|png|webp|gif|avif)$`);

/** Whether a key follows the scheme: nothing else is ever read, written or served. */
export function isMediaKey(key: string): boolean {
  return PUBLIC_KEY.test(key) || ORIGINAL_KEY.test(key);
}

export function isPublicKey(key: string): boolean {
  return PUBLIC_KEY.test(key);
}

export function variantKey(storageKey: string, hash: string, width: number, format: ImageFormat): string {
  return `public/${storageKey}/${hash.slice(0, 16)}-${width}.${EXTENSIONS[format]}`;
}

export function originalKey(photo: { storageKey: string; contentHash: string; originalFormat: string }): string {
  return `originals/${photo.storageKey}/${photo.contentHash}.${EXTENSIONS[photo.originalFormat as ImageFormat] ?? "bin"}`;
}

/** The URL readers load a public variant from. */
export function publicUrl(key: string): string {
  return `/media/${key.slice("public/".length)}`;
}

/** The store key of a /media/… URL's path segments, or null unless it names a public variant. */
export function keyFromPublicPath(segments: readonly string[]): string | null {
  if (segments.length !== 2) return null;
  const key = `public/${segments[0]}/${segments[1]}`;
  return isPublicKey(key) ? key : null;
}

const stores = new Map<string, MediaStore>();

/** The configured store (MEDIA_STORE, MEDIA_DIR), created once per location. */
export function mediaStore(): MediaStore {
  const kind = mediaStoreKind();
  if (kind !== "local") throw new Error(`MEDIA_STORE=${kind} is not supported yet (only "local")`);
  const root = mediaDir();
  let store = stores.get(root);
  if (!store) {
    store = createLocalStore(root, isMediaKey);
    stores.set(root, store);
  }
  return store;
}
