// Which articles use a photo (题图, inline figure, 组图 item). The ArticlePhoto rows are written by
// the article integration; here they are only read: to refuse deleting a photo in use, and to show
// a viewer the articles (they may see) that use it.
import "server-only";
import { isVisibleInNewsroom, stateOf, type ArticleState } from "../articles/visibility";
import type { Viewer } from "../auth/viewer";
import { prisma, type Prisma } from "../db";
import { requireLibrary, type Context } from "./access";

export type PhotoUse = { articleId: number; title: string; status: string; role: string; position: number };

export async function countPhotoUses(photoId: number, db: Prisma.TransactionClient = prisma): Promise<number> {
  return db.articlePhoto.count({ where: { photoId } });
}

export async function listPhotoUses(photoId: number, db: Prisma.TransactionClient = prisma): Promise<PhotoUse[]> {
  const rows = await db.articlePhoto.findMany({
    where: { photoId },
    orderBy: [{ articleId: "asc" }, { role: "asc" }, { position: "asc" }],
    select: { articleId: true, role: true, position: true, article: { select: { title: true, status: true } } },
  });
  return rows.map((row) => ({ articleId: row.articleId, title: row.article.title, status: row.article.status, role: row.role, position: row.position }));
}

export type VisiblePhotoUse = { articleId: number; title: string; state: ArticleState; role: string; position: number };

/**
 * The uses a viewer may see, for the photo's page: articles the viewer sees in the newsroom (a
 * reporter, their own), and only a count of the others, so no title leaks past the article rules.
 */
export async function listVisiblePhotoUses(viewer: Viewer, photoId: number, context: Context = {}): Promise<{ uses: VisiblePhotoUse[]; otherCount: number }> {
  await requireLibrary(viewer, "photo.read", context);
  const rows = await prisma.articlePhoto.findMany({
    where: { photoId },
    orderBy: [{ articleId: "asc" }, { role: "asc" }, { position: "asc" }],
    select: { articleId: true, role: true, position: true, article: { select: { title: true, status: true, publishedAt: true, createdById: true } } },
  });
  const now = new Date();
  const visible = rows.filter((row) => isVisibleInNewsroom(viewer, row.article));
  return {
    uses: visible.map((row) => ({ articleId: row.articleId, title: row.article.title, state: stateOf(row.article, now), role: row.role, position: row.position })),
    otherCount: rows.length - visible.length,
  };
}
