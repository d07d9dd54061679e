// Permission checks of the photo library, each refusal recorded in the audit log before it is
// thrown (so the log shows who tried what), as lib/settings and lib/authors do.
import "server-only";
import { recordAudit } from "../audit/record";
import { canPhoto, hasPermission, type PhotoAction, type PhotoRef } from "../auth/permissions";
import type { Viewer } from "../auth/viewer";
import { prisma } from "../db";
import { PhotoForbiddenError, PhotoNotFoundError } from "./errors";

export type Context = { clientAddress?: string };

export function photoTarget(photoId: number | null): string {
  return photoId === null ? "photo" : `photo:${photoId}`;
}

/** Library access (upload, list, view): every newsroom role. */
export async function requireLibrary(viewer: Viewer, action: string, context: Context): Promise<void> {
  if (hasPermission(viewer.role, "photo.upload")) return;
  await recordDenial(viewer, action, null, context);
  throw new PhotoNotFoundError();
}

/** Throws unless the viewer may do `action` to this photo; a photo they may not even view is "not found". */
export async function requirePhoto(viewer: Viewer, action: PhotoAction, photoId: number, photo: PhotoRef | null, context: Context): Promise<void> {
  if (!photo) throw new PhotoNotFoundError();
  if (canPhoto(viewer, action, photo)) return;
  await recordDenial(viewer, `photo.${action}`, photoId, context);
  if (!canPhoto(viewer, "view", photo)) throw new PhotoNotFoundError();
  if (action === "delete") throw new PhotoForbiddenError("photo.deleteForbidden");
  if (action === "replace" && canPhoto(viewer, "edit", photo)) throw new PhotoForbiddenError("photo.replaceInUse");
  throw new PhotoForbiddenError();
}

async function recordDenial(viewer: Viewer, action: string, photoId: number | null, context: Context): Promise<void> {
  await recordAudit({ actorId: viewer.id, action: "permission.denied", target: photoTarget(photoId), detail: action, clientAddress: context.clientAddress });
}

/** What the permission rules need to know about a photo, or null when there is none. */
export async function loadPhotoRef(photoId: number): Promise<PhotoRef | null> {
  const row = await prisma.photo.findUnique({ where: { id: photoId }, select: { uploadedById: true, _count: { select: { uses: true } } } });
  return row ? { uploadedById: row.uploadedById, useCount: row._count.uses } : null;
}
