// Operator work behind `cms media:rebuild` and `cms media:check` (a shell is full trust: no viewer).
// Rebuild makes every variant again from the private original; check compares the store with the
// database: variant files or originals that are missing, files no photo refers to, unfinished photos.
import "server-only";
import { prisma } from "../db";
import { PhotoNotFoundError } from "./errors";
import { STALE_AFTER_MS, recordVariants } from "./finish";
import { decodeStoredOriginal, removeFiles, storeVariants } from "./pipeline";
import { mediaStore, originalKey, type MediaArea } from "./store";
import { planVariants } from "./variants";
import { runImageTask } from "./work-queue";

export type RebuildResult = { photoId: number; variants: number; bytes: number; removedFiles: number };

/** Every variant of one photo made again from its original; files no longer needed are removed after. */
export async function rebuildPhotoVariants(photoId: number): Promise<RebuildResult> {
  const photo = await prisma.photo.findUnique({ where: { id: photoId }, select: { storageKey: true, contentHash: true, originalFormat: true, originalWidth: true } });
  if (!photo) throw new PhotoNotFoundError();
  const master = await runImageTask("background", () => decodeStoredOriginal(photo));
  const stored = await storeVariants(master, photo.storageKey, planVariants(photo.originalWidth));
  const recorded = await recordVariants(photoId, photo.storageKey, stored, { replaceAll: true });
  if (!recorded) {
    // The file was replaced (or the photo deleted) meanwhile: what was written belongs to nobody.
    await removeFiles(stored.map((variant) => variant.key));
    return { photoId, variants: 0, bytes: 0, removedFiles: stored.length };
  }
  await removeFiles(recorded.droppedKeys);
  return { photoId, variants: stored.length, bytes: stored.reduce((sum, variant) => sum + variant.bytes, 0), removedFiles: recorded.droppedKeys.length };
}

/** Ids of the photos to rebuild: all, or only those whose variants are unfinished. */
export async function listPhotoIdsForRebuild({ pendingOnly = false } = {}): Promise<number[]> {
  const rows = await prisma.photo.findMany({ where: pendingOnly ? { variantsPending: true } : {}, orderBy: { id: "asc" }, select: { id: true } });
  return rows.map((row) => row.id);
}

export type MediaCheckReport = {
  photos: number;
  variants: number;
  missingVariants: { photoId: number; key: string }[];
  missingOriginals: { photoId: number; key: string }[];
  /** Files in the store that no photo refers to (including stray files that follow no key scheme). */
  orphans: string[];
  /** Photos still waiting for variants well after their upload: interrupted work (`media:rebuild --pending`). */
  unfinished: number[];
};

export async function checkMedia(): Promise<MediaCheckReport> {
  const store = mediaStore();
  const photos = await prisma.photo.findMany({
    orderBy: { id: "asc" },
    select: { id: true, storageKey: true, contentHash: true, originalFormat: true, variantsPending: true, fileUpdatedAt: true, variants: { select: { key: true } } },
  });
  const report: MediaCheckReport = { photos: photos.length, variants: 0, missingVariants: [], missingOriginals: [], orphans: [], unfinished: [] };
  const known = new Set<string>();
  const staleBefore = Date.now() - STALE_AFTER_MS;
  for (const photo of photos) {
    const original = originalKey(photo);
    known.add(original);
    if (!(await store.exists(original))) report.missingOriginals.push({ photoId: photo.id, key: original });
    for (const { key } of photo.variants) {
      known.add(key);
      report.variants++;
      if (!(await store.exists(key))) report.missingVariants.push({ photoId: photo.id, key });
    }
    if (photo.variantsPending && photo.fileUpdatedAt.getTime() < staleBefore) report.unfinished.push(photo.id);
  }
  for (const area of ["public", "originals"] satisfies MediaArea[]) {
    for await (const key of store.list(area)) if (!known.has(key)) report.orphans.push(key);
  }
  return report;
}

export function hasProblems(report: MediaCheckReport): boolean {
  return report.missingVariants.length + report.missingOriginals.length + report.orphans.length + report.unfinished.length > 0;
}
