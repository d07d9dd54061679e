// Public author profiles.
import "server-only";
import { prisma } from "../db";

export function getAuthor(id: number) {
  return prisma.author.findUnique({ where: { id }, select: { id: true, name: true, defaultRoleLabel: true, bio: true } });
}

/** The first authors by id, for prerendering their pages at build time. */
export function listAuthorIds(limit: number) {
  return prisma.author.findMany({ orderBy: { id: "asc" }, take: limit, select: { id: true } });
}
