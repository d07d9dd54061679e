// The media store: one small interface in front of wherever photo files live, and the key scheme.
// Keys are `public/<folder>/<hash>-<width>.<ext>` (variants, served at /media/<folder>/…) and
// `originals/<folder>/<sha256>.<ext>` (never served), the same in every store: a folder on this disk
// (local-store.ts) or an S3-compatible bucket (s3-store.ts), chosen by MEDIA_STORE.
import "server-only";
import { mediaDir, mediaStoreKind, type S3Settings, s3Settings } from "../env";
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

/** The configured store (MEDIA_STORE with MEDIA_DIR or the S3_* settings), created once per location. */
export function mediaStore(): MediaStore {
  if (mediaStoreKind() === "local") return storeAt(`local:${mediaDir()}`, () => createLocalStore(mediaDir(), isMediaKey));
  const settings = s3Settings();
  return storeAt(`s3:${settings.endpoint}/${settings.bucket}:${settings.accessKeyId}`, () => loadS3Store(settings));
}

/** The S3 store, its SDK loaded on first use: importing it takes ~0.7 s, which a local site never pays. */
function loadS3Store(settings: S3Settings): MediaStore {
  let loaded: Promise<MediaStore> | undefined;
  const store = () => (loaded ??= import("./s3-store").then(({ createS3Store }) => createS3Store({ settings, isValidKey: isMediaKey })));
  return {
    put: async (key, data) => (await store()).put(key, data),
    get: async (key) => (await store()).get(key),
    exists: async (key) => (await store()).exists(key),
    delete: async (key) => (await store()).delete(key),
    async *list(area) {
      yield* (await store()).list(area);
    },
  };
}

function storeAt(location: string, create: () => MediaStore): MediaStore {
  let store = stores.get(location);
  if (!store) {
    store = create();
    stores.set(location, store);
  }
  return store;
}

/**
 * Where the photo files are, for operators' output (never a credential): `local at <folder>` or
 * `s3 bucket … at …`. Throws the configuration error when a setting is missing or malformed, so
 * startup can check it.
 */
export function describeMediaStore(): string {
  if (mediaStoreKind() === "local") return `local at ${mediaDir()}`;
  const { bucket, endpoint, region } = s3Settings();
  return `s3 bucket ${bucket} at ${endpoint} (region ${region})`;
}
