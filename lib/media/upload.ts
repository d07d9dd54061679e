// New photo files: uploading a photo and replacing a photo's file. The file is checked, decoded and
// its first variant stored before the photo is recorded, so the editor can place it at once; the
// other variants follow in the background (./finish.ts). Nothing is recorded for a refused file.
import "server-only";
import { prisma } from "../db";
import { recordAudit } from "../audit/record";
import type { Viewer } from "../auth/viewer";
import { getMediaUploadLimitBytes } from "../settings/media";
import { loadPhotoRef, photoTarget, requireLibrary, requirePhoto, type Context } from "./access";
import { photoTag } from "./cache-tags";
import { toPhotoDto, photoSelect, type PhotoDto } from "./dto";
import { canPhoto } from "../auth/permissions";
import { ImageRejectedError, PhotoForbiddenError, PhotoNotFoundError } from "./errors";
import { scheduleRemainingVariants } from "./finish";
import { removeFiles, storeNewFile, type NewFile } from "./pipeline";
import { originalKey } from "./store";
import { recordTags } from "../site/tag-events";

export type Upload = { bytes: Buffer; fileName?: string };
export type PhotoChange = { photo: PhotoDto; publicTags: string[] };

const NAME_MAX = 200;

export async function createPhoto(viewer: Viewer, upload: Upload, context: Context = {}): Promise<PhotoDto> {
  await requireLibrary(viewer, "photo.upload", context);
  await requireWithinLimit(upload.bytes);
  const file = await storeNewFile(upload.bytes);
  const name = cleanFileName(upload.fileName);
  const photo = await prisma
    .$transaction(async (tx) => {
      const created = await tx.photo.create({
        data: { ...fileFields(file), originalName: name, uploadedById: viewer.id, variants: { create: [file.first] } },
        select: { id: true },
      });
      await recordAudit(
        { actorId: viewer.id, action: "photo.upload", target: photoTarget(created.id), detail: describeFile(name, file), clientAddress: context.clientAddress },
        tx,
      );
      return tx.photo.findUniqueOrThrow({ where: { id: created.id }, select: photoSelect });
    })
    .catch(async (error: unknown) => {
      await removeFiles([file.originalKey, file.first.key]);
      throw error;
    });
  scheduleRemainingVariants(photo.id, file.storageKey, file.master);
  return toPhotoDto(photo, viewer);
}

/** A new file for the same photo (same id, details kept): new variants, the old files removed once recorded. */
export async function replacePhotoFile(viewer: Viewer, photoId: number, upload: Upload, context: Context = {}): Promise<PhotoChange> {
  await requireLibrary(viewer, "photo.replace", context);
  await requirePhoto(viewer, "replace", photoId, await loadPhotoRef(photoId), context);
  await requireWithinLimit(upload.bytes);
  const file = await storeNewFile(upload.bytes);
  const name = cleanFileName(upload.fileName);
  const outcome = await prisma
    .$transaction(async (tx) => {
      const before = await tx.photo.findUnique({
        where: { id: photoId },
        select: {
          storageKey: true,
          contentHash: true,
          originalFormat: true,
          originalName: true,
          uploadedById: true,
          variants: { select: { key: true } },
          _count: { select: { uses: true } },
        },
      });
      if (!before) throw new PhotoNotFoundError();
      // Checked again: an article may have started using the photo while its file was processed.
      if (!canPhoto(viewer, "replace", { uploadedById: before.uploadedById, useCount: before._count.uses })) throw new PhotoForbiddenError("photo.replaceInUse");
      await tx.photoVariant.deleteMany({ where: { photoId } });
      await tx.photo.update({ where: { id: photoId }, data: { ...fileFields(file), originalName: name, fileUpdatedAt: new Date(), variants: { create: [file.first] } } });
      const detail = `${before.originalName || before.contentHash.slice(0, 12)} → ${describeFile(name, file)}`;
      await recordAudit({ actorId: viewer.id, action: "photo.replace", target: photoTarget(photoId), detail, clientAddress: context.clientAddress }, tx);
      await recordTags(tx, [photoTag(photoId)]);
      return {
        oldKeys: [...before.variants.map((variant) => variant.key), originalKey(before)],
        photo: await tx.photo.findUniqueOrThrow({ where: { id: photoId }, select: photoSelect }),
      };
    })
    .catch(async (error: unknown) => {
      await removeFiles([file.originalKey, file.first.key]);
      throw error;
    });
  await removeFiles(outcome.oldKeys);
  scheduleRemainingVariants(photoId, file.storageKey, file.master);
  return { photo: toPhotoDto(outcome.photo, viewer), publicTags: [photoTag(photoId)] };
}

async function requireWithinLimit(bytes: Buffer): Promise<void> {
  const limit = await getMediaUploadLimitBytes();
  if (bytes.length > limit) throw new ImageRejectedError("file.tooLarge", { maxMegabytes: Math.floor(limit / 1024 / 1024) });
}

function fileFields(file: NewFile) {
  return {
    storageKey: file.storageKey,
    contentHash: file.contentHash,
    originalFormat: file.info.format,
    originalWidth: file.info.width,
    originalHeight: file.info.height,
    originalBytes: file.bytes,
    variantsPending: true,
  };
}

/** The file name as the library shows and searches it: no folders, no control characters. */
function cleanFileName(name: string | undefined): string {
  const base = (name ?? "").split(/[\\/]/).pop() ?? "";
  return (
    base
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are removed from file names
      .replace(/[\u0000-\u001f\u007f]/g, "")
      .trim()
      .slice(0, NAME_MAX)
  );
}

function describeFile(name: string, file: NewFile): string {
  const megabytes = (file.bytes / 1024 / 1024).toFixed(1);
  return `${name ? `${name} · ` : ""}${file.info.format.toUpperCase()} ${file.info.width}×${file.info.height} · ${megabytes} MB`;
}
