// After an import commits: every imported photo gets its public variants, made from its original by
// the photo pipeline's rebuild, so the imported site serves its photos.
import "server-only";
import { prisma } from "../db";
import { rebuildPhotoVariants } from "../media/maintenance";
import type { ProgressFactory } from "../reporter";

export type VariantOutcome = { variants: number; bytes: number; failures: string[] };

/** Makes the variants of `photoIds` one photo after another; a photo that fails is named, the rest go on. */
export async function makeImportedVariants(photoIds: readonly number[], progress: ProgressFactory): Promise<VariantOutcome> {
  const outcome: VariantOutcome = { variants: 0, bytes: 0, failures: [] };
  if (photoIds.length === 0) return outcome;
  const tick = progress("making photo variants", photoIds.length);
  tick(0);
  for (const [index, photoId] of photoIds.entries()) {
    try {
      const { updatedAt } = await prisma.photo.findUniqueOrThrow({ where: { id: photoId }, select: { updatedAt: true } });
      const result = await rebuildPhotoVariants(photoId);
      // Recording the variants touches the row; the photo itself did not change, so it keeps the exported time.
      await prisma.photo.update({ where: { id: photoId }, data: { updatedAt } });
      outcome.variants += result.variants;
      outcome.bytes += result.bytes;
    } catch (error) {
      outcome.failures.push(`photo ${photoId}: ${error instanceof Error ? error.message : String(error)}`);
    }
    tick(index + 1);
  }
  return outcome;
}
