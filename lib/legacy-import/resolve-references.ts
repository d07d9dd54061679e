// Finds or creates what an imported page refers to, inside the caller's transaction: channel, authors, pick targets.
import type { Prisma } from "../db";
import { slugFromName } from "../channels/slug";
import type { PageLookups } from "./batch-lookups";
import type { LegacyByline, LegacyChannel, LegacyPick } from "./parse-legacy-page";
import { publishedWhere } from "../articles/visibility";

type Tx = Prisma.TransactionClient;
export type ResolvedPick = { targetArticleId: number | null; title: string; excerpt: string; url: string };

/** The channel with this name, or a new one with the page's tagline and a free pinyin slug. */
export async function findOrCreateChannel(tx: Tx, channel: LegacyChannel, lookups?: PageLookups): Promise<number> {
  const known = lookups ? lookups.channel(channel.name) : (await tx.channel.findUnique({ where: { name: channel.name }, select: { id: true } }))?.id;
  if (known !== undefined) return known;
  const base = slugFromName(channel.name);
  let slug = base;
  for (let suffix = 2; await isSlugTaken(tx, slug); suffix++) slug = `${base}-${suffix}`;
  const position = await tx.channel.count();
  const created = await tx.channel.create({ data: { name: channel.name, tagline: channel.tagline, slug, position } });
  lookups?.addChannel(channel.name, created.id);
  return created.id;
}

async function isSlugTaken(tx: Tx, slug: string): Promise<boolean> {
  const [channel, redirect] = await Promise.all([
    tx.channel.findUnique({ where: { slug }, select: { id: true } }),
    tx.channelSlugRedirect.findUnique({ where: { slug }, select: { slug: true } }),
  ]);
  return channel !== null || redirect !== null;
}

/**
 * Author ids for the bylines, in order. Names are not unique: the oldest author of that name is
 * taken, and a name seen for the first time becomes an author with the role it appears under.
 */
export async function findOrCreateAuthors(tx: Tx, bylines: LegacyByline[], lookups?: PageLookups): Promise<number[]> {
  const ids: number[] = [];
  for (const { name, roleLabel } of bylines) {
    const known = lookups ? lookups.author(name) : (await tx.author.findFirst({ where: { name }, orderBy: { id: "asc" }, select: { id: true } }))?.id;
    const id = known ?? (await tx.author.create({ data: { name, defaultRoleLabel: roleLabel }, select: { id: true } })).id;
    if (known === undefined) lookups?.addAuthor(name, id);
    ids.push(id);
  }
  return ids;
}

export type PickContext = { publishedAt: Date; articleId?: number; lookups?: PageLookups };

/**
 * 新闻推荐 entries: linked to a published article with the same title (the latest one published
 * no later than the page, else the latest), otherwise kept as title + excerpt.
 */
export async function resolvePicks(tx: Tx, picks: LegacyPick[], page: PickContext): Promise<ResolvedPick[]> {
  const resolved: ResolvedPick[] = [];
  for (const pick of picks) {
    const candidates = await findPickTargets(tx, pick.title, page);
    const target = candidates.find((candidate) => candidate.publishedAt && candidate.publishedAt <= page.publishedAt) ?? candidates[0];
    resolved.push({ targetArticleId: target?.id ?? null, title: pick.title, excerpt: pick.excerpt, url: "" });
  }
  return resolved;
}

/** With a batch's lookups a title no published article has costs no query; candidates are checked here. */
async function findPickTargets(tx: Tx, title: string, page: PickContext) {
  const ids = page.lookups?.titleCandidates(title).filter((id) => id !== page.articleId);
  if (ids && ids.length === 0) return [];
  const idFilter = ids ? { in: ids } : page.articleId ? { not: page.articleId } : undefined;
  return tx.article.findMany({
    where: { title, ...publishedWhere(), id: idFilter },
    orderBy: { publishedAt: "desc" },
    select: { id: true, publishedAt: true },
  });
}
