// Public reads of channels and authors (profiles are public; their article lists go through articles/public).
import "server-only";
import { prisma } from "../db";

export function listChannels() {
  return prisma.channel.findMany({ orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true, slug: true, name: true, tagline: true } });
}

export function getChannelBySlug(slug: string) {
  return prisma.channel.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, tagline: true } });
}
