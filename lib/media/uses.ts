// Which articles use a photo (题图, inline figure, 组图 item). The ArticlePhoto rows are written by
// the article integration; here they are only read, to refuse deleting a photo in use.
import "server-only";
import { prisma, type Prisma } from "../db";

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
