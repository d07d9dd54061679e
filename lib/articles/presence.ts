// Who else has an article open: heartbeats refresh a row, rows older than the expiry do not count.
import "server-only";
import { prisma } from "../db";
import type { Viewer } from "../auth/viewer";
import { NotFoundError } from "../errors";
import { isVisibleInNewsroom } from "./visibility";

export const PRESENCE_EXPIRY_MS = 30_000;

/** Records that the viewer has the article open; returns the names of the others who do. */
export async function heartbeat(viewer: Viewer, articleId: number, now = new Date()): Promise<string[]> {
  const article = await prisma.article.findUnique({ where: { id: articleId }, select: { createdById: true } });
  if (!article || !isVisibleInNewsroom(viewer, article)) throw new NotFoundError();
  await prisma.articlePresence.upsert({
    where: { articleId_userId: { articleId, userId: viewer.id } },
    create: { articleId, userId: viewer.id, lastSeenAt: now },
    update: { lastSeenAt: now },
  });
  const others = await prisma.articlePresence.findMany({
    where: { articleId, userId: { not: viewer.id }, lastSeenAt: { gt: new Date(now.getTime() - PRESENCE_EXPIRY_MS) } },
    select: { user: { select: { displayName: true } } },
    orderBy: { lastSeenAt: "desc" },
  });
  return others.map((other) => other.user.displayName);
}

/** The viewer closed the article. */
export async function leave(viewer: Viewer, articleId: number): Promise<void> {
  await prisma.articlePresence.deleteMany({ where: { articleId, userId: viewer.id } });
}
