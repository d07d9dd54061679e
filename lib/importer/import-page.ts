// Writes one parsed legacy page as an article, in one transaction: channel and authors are found
// by name or created, 新闻推荐 link to an already-imported article with the same title.
import "server-only";
import { prisma, type Prisma } from "../db";
import { recordRevision } from "../articles/snapshot";
import { slugFromName } from "../channels/slug";
import { excerpt } from "../text/excerpt";
import { paragraphsToHtml } from "../text/html";
import type { LegacyPage } from "./parse-legacy-page";

export type ImportOutcome = { status: "imported" | "unchanged"; articleId: number };

export async function importLegacyPage(page: LegacyPage, options: { actorId?: number | null } = {}): Promise<ImportOutcome> {
  return prisma.$transaction(async (tx) => {
    const existing = await tx.article.findFirst({
      where: { title: page.title, publishedAt: page.publishedAt, source: page.source },
      select: { id: true },
    });
    if (existing) return { status: "unchanged", articleId: existing.id };

    const channelId = page.channel ? await findOrCreateChannel(tx, page.channel) : null;
    const authorIds: number[] = [];
    for (const byline of page.bylines) authorIds.push(await findOrCreateAuthor(tx, byline));
    const picks = [];
    for (const pick of page.picks) {
      const target = await tx.article.findFirst({ where: { title: pick.title }, select: { id: true } });
      picks.push({ targetArticleId: target?.id ?? null, title: pick.title, excerpt: pick.excerpt, url: "" });
    }
    const bodyText = page.paragraphs.join("\n");
    const article = await tx.article.create({
      data: {
        title: page.title,
        summary: excerpt(bodyText),
        bodyHtml: paragraphsToHtml(page.paragraphs),
        bodyText,
        source: page.source,
        status: "published",
        publishedAt: page.publishedAt,
        channelId,
        createdById: options.actorId ?? null,
        updatedById: options.actorId ?? null,
        bylines: { create: page.bylines.map((byline, index) => ({ authorId: authorIds[index], roleLabel: byline.roleLabel, position: index })) },
        relatedItems: { create: picks.map((pick, position) => ({ ...pick, position })) },
      },
    });
    await recordRevision(tx, { articleId: article.id, number: 1, authorId: options.actorId ?? null });
    return { status: "imported", articleId: article.id };
  });
}

async function findOrCreateChannel(tx: Prisma.TransactionClient, channel: { name: string; tagline: string }): Promise<number> {
  const found = await tx.channel.findUnique({ where: { name: channel.name }, select: { id: true } });
  if (found) return found.id;
  const base = slugFromName(channel.name);
  let slug = base;
  for (let suffix = 2; await tx.channel.findUnique({ where: { slug }, select: { id: true } }); suffix++) slug = `${base}-${suffix}`;
  const position = await tx.channel.count();
  const created = await tx.channel.create({ data: { name: channel.name, tagline: channel.tagline, slug, position } });
  return created.id;
}

async function findOrCreateAuthor(tx: Prisma.TransactionClient, byline: { name: string; roleLabel: string }): Promise<number> {
  const found = await tx.author.findFirst({ where: { name: byline.name }, orderBy: { id: "asc" }, select: { id: true } });
  if (found) return found.id;
  const created = await tx.author.create({ data: { name: byline.name, defaultRoleLabel: byline.roleLabel } });
  return created.id;
}
