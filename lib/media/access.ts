// Permission checks of the photo library, each refusal recorded in the audit log before it is
// thrown (so the log shows who tried what), through the one guard of lib/auth.
import "server-only";
import { recordDenial } from "../auth/guard";
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
  await recordDenial(viewer, { tried: action, target: photoTarget(null), clientAddress: context.clientAddress });
  throw new PhotoNotFoundError();
}

/** Throws unless the viewer may do `action` to this photo; a photo they may not even view is "not found". */
export async function requirePhoto(viewer: Viewer, action: PhotoAction, photoId: number, photo: PhotoRef | null, context: Context): Promise<void> {
  if (!photo) throw new PhotoNotFoundError();
  if (canPhoto(viewer, action, photo)) return;
  await recordDenial(viewer, { tried: `photo.${action}`, target: photoTarget(photoId), clientAddress: context.clientAddress });
  if (!canPhoto(viewer, "view", photo)) throw new PhotoNotFoundError();
  if (action === "delete") throw new PhotoForbiddenError("photo.deleteForbidden");
  if (action === "replace" && canPhoto(viewer, "edit", photo)) throw new PhotoForbiddenError("photo.replaceInUse");
  throw new PhotoForbiddenError();
}

/** What the permission rules need to know about a photo, or null when there is none. */
export async function loadPhotoRef(photoId: number): Promise<PhotoRef | null> {
  const row = await prisma.photo.findUnique({ where: { id: photoId }, select: { uploadedById: true, _count: { select: { uses: true } } } });
  return row ? { uploadedById: row.uploadedById, useCount: row._count.uses } : null;
}
