// Reading the photo library: one photo, and the paged list with its search (words in 图说, 替代文字,
// 摄影, 来源单位, the file name or the uploader's name; a date range of upload). Every newsroom role
// sees the whole library.
import "server-only";
import { prisma, type Prisma } from "../db";
import type { Viewer } from "../auth/viewer";
import { requireLibrary, type Context } from "./access";
import { photoSelect, toPhotoDto, type PhotoDto } from "./dto";
import { photoListSchema, type PhotoListInput } from "./schema";

export const PHOTOS_PAGE_SIZE = 40;

export type PhotoPage = { items: PhotoDto[]; total: number; page: number; pageCount: number };

/** The photo, or null when there is none (or the viewer may not see the library). */
export async function getPhoto(viewer: Viewer, photoId: number, context: Context = {}): Promise<PhotoDto | null> {
  try {
    await requireLibrary(viewer, "photo.read", context);
  } catch {
    return null;
  }
  if (!Number.isInteger(photoId) || photoId <= 0) return null;
  const row = await prisma.photo.findUnique({ where: { id: photoId }, select: photoSelect });
  return row ? toPhotoDto(row, viewer) : null;
}

export async function listPhotos(viewer: Viewer, rawQuery: PhotoListInput = {}, context: Context = {}): Promise<PhotoPage> {
  await requireLibrary(viewer, "photo.list", context);
  const query = photoListSchema.parse({ ...rawQuery });
  const where = photoWhere(query);
  const total = await prisma.photo.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / PHOTOS_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await prisma.photo.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * PHOTOS_PAGE_SIZE,
    take: PHOTOS_PAGE_SIZE,
    select: photoSelect,
  });
  return { items: rows.map((row) => toPhotoDto(row, viewer)), total, page, pageCount };
}

function photoWhere(query: { q: string; uploadedById?: number; from: string; to: string }): Prisma.PhotoWhereInput {
  const and: Prisma.PhotoWhereInput[] = [];
  for (const word of query.q.split(/\s+/).filter(Boolean)) {
    and.push({
      OR: [
        { caption: { contains: word } },
        { alt: { contains: word } },
        { creditText: { contains: word } },
        { sourceOrg: { contains: word } },
        { originalName: { contains: word } },
        { creditAuthor: { name: { contains: word } } },
        { uploadedBy: { displayName: { contains: word } } },
      ],
    });
  }
  if (query.uploadedById) and.push({ uploadedById: query.uploadedById });
  // Dates are days in Asia/Shanghai (UTC+8, no daylight saving); `to` includes its whole day.
  if (query.from) and.push({ createdAt: { gte: new Date(`${query.from}T00:00:00+08:00`) } });
  if (query.to) and.push({ createdAt: { lt: new Date(new Date(`${query.to}T00:00:00+08:00`).getTime() + 86_400_000) } });
  return and.length > 0 ? { AND: and } : {};
}
