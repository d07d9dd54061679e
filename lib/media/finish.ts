// The variants after the first: made in the background right after an upload, and made again for
// photos whose work was interrupted (a restart, a crash). A photo stays `variantsPending` until all
// its variants are recorded; pending for longer than STALE_AFTER_MS means nobody is working on it.
import "server-only";
import { prisma } from "../db";
import type { Master } from "./image";
import { decodeStoredOriginal, removeFiles, storeVariants, type StoredVariant } from "./pipeline";
import { planVariants } from "./variants";
import { runImageTask, startBackgroundJob } from "./work-queue";
import { recordTags } from "../site/tag-events";
import { photoTag } from "./cache-tags";

export const STALE_AFTER_MS = 5 * 60_000;

/** Decoded masters kept for queued jobs, at most this many bytes; past it a job decodes the original again. */
const MASTER_BUDGET_BYTES = 96 * 1024 * 1024;
const globalForMasters = globalThis as unknown as { newsdeskHeldMasterBytes?: number; newsdeskMediaSwept?: boolean };

/** Queues the missing variants of a photo just stored; the upload does not wait for them. */
export function scheduleRemainingVariants(photoId: number, storageKey: string, master: Master | null): void {
  const held = globalForMasters.newsdeskHeldMasterBytes ?? 0;
  const keep = master && held + master.data.length <= MASTER_BUDGET_BYTES ? master : null;
  if (keep) globalForMasters.newsdeskHeldMasterBytes = held + keep.data.length;
  startBackgroundJob(`variants of photo ${photoId}`, async () => {
    try {
      await completeVariants(photoId, storageKey, keep);
    } finally {
      if (keep) globalForMasters.newsdeskHeldMasterBytes = (globalForMasters.newsdeskHeldMasterBytes ?? 0) - keep.data.length;
    }
  });
  sweepOnce();
}

/** Makes and records the variants a photo lacks. Returns false when the photo's file changed or it was deleted meanwhile. */
export async function completeVariants(photoId: number, storageKey: string, master: Master | null = null): Promise<boolean> {
  const photo = await prisma.photo.findUnique({
    where: { id: photoId },
    select: { storageKey: true, contentHash: true, originalFormat: true, originalWidth: true, variants: { select: { format: true, width: true } } },
  });
  if (!photo || photo.storageKey !== storageKey) return false;
  const have = new Set(photo.variants.map((variant) => `${variant.format}:${variant.width}`));
  const missing = planVariants(photo.originalWidth).filter((spec) => !have.has(`${spec.format}:${spec.width}`));
  const source = missing.length === 0 ? null : (master ?? (await runImageTask("background", () => decodeStoredOriginal(photo))));
  const stored = source ? await storeVariants(source, storageKey, missing) : [];
  const committed = await recordVariants(photoId, storageKey, stored, { replaceAll: false });
  if (!committed) await removeFiles(stored.map((variant) => variant.key));
  return committed !== null;
}

/**
 * Records variants of the file in `storageKey` and marks the photo complete, in one transaction.
 * With replaceAll, rows not in `variants` are dropped and their keys returned for deletion.
 * Null when the photo no longer has that file: the caller removes what it wrote.
 */
export async function recordVariants(
  photoId: number,
  storageKey: string,
  variants: readonly StoredVariant[],
  { replaceAll }: { replaceAll: boolean },
): Promise<{ droppedKeys: string[] } | null> {
  return prisma.$transaction(async (tx) => {
    const photo = await tx.photo.findUnique({ where: { id: photoId }, select: { storageKey: true, variants: { select: { id: true, key: true } } } });
    if (!photo || photo.storageKey !== storageKey) return null;
    const keys = new Set(variants.map((variant) => variant.key));
    const dropped = replaceAll ? photo.variants.filter((row) => !keys.has(row.key)) : [];
    if (dropped.length > 0) await tx.photoVariant.deleteMany({ where: { id: { in: dropped.map((row) => row.id) } } });
    for (const variant of variants) {
      const where = { photoId_format_width: { photoId, format: variant.format, width: variant.width } };
      await tx.photoVariant.upsert({ where, create: { photoId, ...variant }, update: { height: variant.height, bytes: variant.bytes, key: variant.key } });
    }
    await tx.photo.update({ where: { id: photoId }, data: { variantsPending: false } });
    // Pages showing the photo get its other widths; every server learns of it through this row.
    await recordTags(tx, [photoTag(photoId)]);
    return { droppedKeys: dropped.map((row) => row.key) };
  });
}

/** Photos whose variants have been pending for longer than `olderThanMs` (0: every pending photo). */
export async function listUnfinishedPhotos(olderThanMs = STALE_AFTER_MS): Promise<{ id: number; storageKey: string }[]> {
  const before = new Date(Date.now() - olderThanMs);
  return prisma.photo.findMany({ where: { variantsPending: true, fileUpdatedAt: { lte: before } }, orderBy: { id: "asc" }, select: { id: true, storageKey: true } });
}

/**
 * Once per process, after its first upload: queues photos a previous process left unfinished. The
 * CLI's `media:rebuild --pending` does the same on demand.
 */
function sweepOnce(): void {
  if (globalForMasters.newsdeskMediaSwept) return;
  globalForMasters.newsdeskMediaSwept = true;
  startBackgroundJob("finishing interrupted photos", async () => {
    for (const photo of await listUnfinishedPhotos()) await completeVariants(photo.id, photo.storageKey);
  });
}
