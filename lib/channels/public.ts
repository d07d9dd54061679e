// Public reads of channels and authors (profiles are public; their article lists go through articles/public).
import "server-only";
import { prisma } from "../db";

export function listChannels() {
  return prisma.channel.findMany({ orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true, slug: true, name: true, tagline: true } });
}

export function getChannelBySlug(slug: string) {
  return prisma.channel.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, tagline: true } });
}

/** The channel an old slug now redirects to (its current slug), or null. */
export async function getChannelRedirect(slug: string): Promise<{ slug: string } | null> {
  const redirect = await prisma.channelSlugRedirect.findUnique({ where: { slug }, select: { channel: { select: { slug: true } } } });
  return redirect?.channel ?? null;
}
