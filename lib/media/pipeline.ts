// Turning an uploaded file into stored files: the private original plus the first variant at once
// (interactive), then the remaining variants in the background, one encode per queue slot so an
// upload never waits behind a whole photo. Content-addressed names make every step repeatable:
// the same pixels give the same key, so finishing twice or rebuilding rewrites identical files.
import "server-only";
import crypto from "node:crypto";
import { mediaMaxPixels } from "../env";
import { decodeMaster, encodeVariant, inspectImage, type ImageInfo, type Master } from "./image";
import { mediaStore, originalKey, variantKey } from "./store";
import { planVariants, type VariantSpec } from "./variants";
import { runImageTask } from "./work-queue";

export type StoredVariant = { format: string; width: number; height: number; bytes: number; key: string };

/** A new file in the store: its original, its first variant, and the decoded master for the rest. */
export type NewFile = {
  storageKey: string;
  contentHash: string;
  info: ImageInfo;
  bytes: number;
  originalKey: string;
  first: StoredVariant;
  master: Master;
};

/**
 * Checks, decodes and stores a new file under a fresh folder; refuses anything that is not an image
 * we accept before a byte is written. The caller records it, then calls scheduleRemainingVariants.
 */
export async function storeNewFile(bytes: Buffer): Promise<NewFile> {
  const maxPixels = mediaMaxPixels();
  const info = await inspectImage(bytes, maxPixels);
  return runImageTask("interactive", async () => {
    const master = await decodeMaster(bytes, info, maxPixels);
    const [firstSpec] = planVariants(info.width);
    const storageKey = crypto.randomBytes(8).toString("hex");
    const contentHash = crypto.createHash("sha256").update(bytes).digest("hex");
    const original = originalKey({ storageKey, contentHash, originalFormat: info.format });
    const store = mediaStore();
    await store.put(original, bytes);
    const first = await encodeAndStore(master, storageKey, firstSpec).catch(async (error: unknown) => {
      await store.delete(original);
      throw error;
    });
    return { storageKey, contentHash, info, bytes: bytes.length, originalKey: original, first, master };
  });
}

/** Encodes one variant and writes it: the key is the hash of the encoded bytes. */
export async function encodeAndStore(master: Master, storageKey: string, spec: VariantSpec): Promise<StoredVariant> {
  const encoded = await encodeVariant(master, spec.format, spec.width);
  const hash = crypto.createHash("sha256").update(encoded.data).digest("hex");
  const key = variantKey(storageKey, hash, encoded.width, encoded.format);
  await mediaStore().put(key, encoded.data);
  return { format: encoded.format, width: encoded.width, height: encoded.height, bytes: encoded.data.length, key };
}

/** Decodes a stored original again (finishing interrupted work, rebuilding after a change of settings). */
export async function decodeStoredOriginal(photo: { storageKey: string; contentHash: string; originalFormat: string }): Promise<Master> {
  const bytes = await mediaStore().get(originalKey(photo));
  if (!bytes) throw new Error(`original missing: ${originalKey(photo)}`);
  const maxPixels = mediaMaxPixels();
  return decodeMaster(bytes, await inspectImage(bytes, maxPixels), maxPixels);
}

/** Encodes and stores `specs` from `master`, each in its own background slot. */
export async function storeVariants(master: Master, storageKey: string, specs: readonly VariantSpec[]): Promise<StoredVariant[]> {
  const stored: StoredVariant[] = [];
  try {
    for (const spec of specs) stored.push(await runImageTask("background", () => encodeAndStore(master, storageKey, spec)));
  } catch (error) {
    await removeFiles(stored.map((variant) => variant.key));
    throw error;
  }
  return stored;
}

/** Deletes store files, logging (not throwing) failures: a leftover file is an orphan for media:check. */
export async function removeFiles(keys: readonly string[]): Promise<void> {
  const store = mediaStore();
  for (const key of keys) {
    await store.delete(key).catch((error: unknown) => console.error(`media: could not delete ${key}:`, error instanceof Error ? error.message : error));
  }
}
