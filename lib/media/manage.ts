// Changing a photo's details (图说, 替代文字, 摄影, 类型, 来源单位, focal point) and deleting a photo.
// Details: editors and admins, or the reporter who uploaded it. Delete: editors and admins, and only
// while no article uses the photo; its files are removed once the row is gone.
import "server-only";
import { prisma, type Prisma } from "../db";
import { fieldErrors } from "../validation";
import { recordAudit } from "../audit/record";
import type { Viewer } from "../auth/viewer";
import { loadPhotoRef, photoTarget, requireLibrary, requirePhoto, type Context } from "./access";
import { photoTag } from "./cache-tags";
import { photoSelect, toPhotoDto } from "./dto";
import { PhotoInputError, PhotoInUseError, PhotoNotFoundError } from "./errors";
import { fieldLabel, t } from "../messages/catalog";
import { removeFiles } from "./pipeline";
import { photoDetailsSchema, photoIdSchema, type PhotoDetailsInput } from "./schema";
import { originalKey } from "./store";
import type { PhotoChange } from "./upload";
import { countPhotoUses } from "./uses";
import { publicChange } from "../site/tag-events";

const DETAIL_FIELDS = ["caption", "alt", "creditAuthorId", "creditText", "creditKind", "sourceOrg", "focalX", "focalY"] as const;

export async function updatePhotoDetails(viewer: Viewer, rawInput: PhotoDetailsInput, context: Context = {}): Promise<PhotoChange & { changed: boolean }> {
  await requireLibrary(viewer, "photo.edit", context);
  const parsed = photoDetailsSchema.safeParse(rawInput);
  if (!parsed.success) throw new PhotoInputError(fieldErrors(parsed.error));
  const { photoId, ...details } = parsed.data;
  await requirePhoto(viewer, "edit", photoId, await loadPhotoRef(photoId), context);
  if (details.creditAuthorId !== null && !(await prisma.author.findUnique({ where: { id: details.creditAuthorId }, select: { id: true } }))) {
    throw new PhotoInputError({ creditAuthorId: t("photo.creditAuthorMissing") });
  }
  return publicChange(async (tx) => {
    const before = await tx.photo.findUnique({
      where: { id: photoId },
      select: { ...Object.fromEntries(DETAIL_FIELDS.map((field) => [field, true])) } as Record<(typeof DETAIL_FIELDS)[number], true>,
    });
    if (!before) throw new PhotoNotFoundError();
    const changedFields = DETAIL_FIELDS.filter((field) => before[field] !== details[field]);
    if (changedFields.length > 0) {
      await tx.photo.update({ where: { id: photoId }, data: details });
      await recordAudit(
        { actorId: viewer.id, action: "photo.update", target: photoTarget(photoId), detail: describeChange(changedFields), clientAddress: context.clientAddress },
        tx,
      );
    }
    const photo = toPhotoDto(await tx.photo.findUniqueOrThrow({ where: { id: photoId }, select: photoSelect }), viewer);
    return { photo, changed: changedFields.length > 0, publicTags: changedFields.length > 0 ? [photoTag(photoId)] : [] };
  });
}

export async function deletePhoto(viewer: Viewer, rawPhotoId: number, context: Context = {}): Promise<{ publicTags: string[] }> {
  await requireLibrary(viewer, "photo.delete", context);
  const photoId = photoIdSchema.safeParse(rawPhotoId);
  if (!photoId.success) throw new PhotoNotFoundError();
  await requirePhoto(viewer, "delete", photoId.data, await loadPhotoRef(photoId.data), context);
  const keys = await prisma
    .$transaction(async (tx) => {
      const photo = await tx.photo.findUnique({
        where: { id: photoId.data },
        select: { storageKey: true, contentHash: true, originalFormat: true, originalName: true, caption: true, variants: { select: { key: true } } },
      });
      if (!photo) throw new PhotoNotFoundError();
      const uses = await countPhotoUses(photoId.data, tx);
      if (uses > 0) throw new PhotoInUseError(uses);
      await tx.photo.delete({ where: { id: photoId.data } });
      const detail = [photo.originalName, photo.caption.slice(0, 60)].filter(Boolean).join(" · ");
      await recordAudit({ actorId: viewer.id, action: "photo.delete", target: photoTarget(photoId.data), detail, clientAddress: context.clientAddress }, tx);
      return [...photo.variants.map((variant) => variant.key), originalKey(photo)];
    })
    .catch(async (error: unknown) => {
      // ArticlePhoto restricts deletes: a use added since the count above still refuses cleanly.
      if (isForeignKeyFailure(error)) throw new PhotoInUseError(await countPhotoUses(photoId.data));
      throw error;
    });
  await removeFiles(keys);
  return { publicTags: [] };
}

function describeChange(fields: readonly (typeof DETAIL_FIELDS)[number][]): string {
  const labels = new Set(
    fields.map((field) => fieldLabel(field === "creditAuthorId" || field === "creditText" ? "credit" : field === "focalX" || field === "focalY" ? "focal" : field)),
  );
  return [...labels].join(t("list.separator"));
}

function isForeignKeyFailure(error: unknown): boolean {
  const prismaError = error as Prisma.PrismaClientKnownRequestError;
  return prismaError?.code === "P2003" || /FOREIGN KEY constraint failed/i.test(String((error as Error)?.message));
}
