// What differs between a stored article and the page it was imported from, field by page field.
import { paragraphsToHtml } from "../text/html";
import type { LegacyPage } from "./parse-legacy-page";

export type PageChange = "body" | "bylines" | "picks" | "channel";

/** The stored article with what the comparison needs; `storedArticleInclude` loads it. */
export type StoredArticle = {
  id: number;
  version: number;
  title: string;
  subtitle: string;
  source: string;
  publishedAt: Date | null;
  status: string;
  summary: string;
  bodyText: string;
  bodyHtml: string;
  channelId: number | null;
  channel: { name: string } | null;
  bylines: { authorId: number; roleLabel: string; position: number; author: { name: string } }[];
  relatedItems: { targetArticleId: number | null; title: string; excerpt: string; url: string; position: number }[];
  photoUses: { role: string; photoId: number; caption: string; alt: string }[];
};

export const storedArticleInclude = {
  channel: { select: { name: true } },
  bylines: { orderBy: { position: "asc" }, include: { author: { select: { name: true } } } },
  relatedItems: { orderBy: { position: "asc" } },
  photoUses: { where: { role: "lead" }, select: { role: true, photoId: true, caption: true, alt: true } },
} as const;

/**
 * Compares only what the page says: newsroom-only fields (summary, subtitle, status) and the
 * channel's tagline are the newsroom's, and pick links are re-resolved on update.
 */
export function compareWithPage(stored: StoredArticle, page: LegacyPage): PageChange[] {
  const changes: PageChange[] = [];
  if (stored.bodyHtml !== paragraphsToHtml(page.paragraphs)) changes.push("body");
  const storedBylines = stored.bylines.map((byline) => [byline.roleLabel, byline.author.name]);
  if (
    !sameJson(
      storedBylines,
      page.bylines.map((byline) => [byline.roleLabel, byline.name]),
    )
  )
    changes.push("bylines");
  const storedPicks = stored.relatedItems.map((pick) => [pick.title, pick.excerpt]);
  if (
    !sameJson(
      storedPicks,
      page.picks.map((pick) => [pick.title, pick.excerpt]),
    )
  )
    changes.push("picks");
  if ((stored.channel?.name ?? null) !== (page.channel?.name ?? null)) changes.push("channel");
  return changes;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
