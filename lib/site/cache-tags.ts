// Cache tag names for public pages. Nobody spells a tag by hand: readers tag with these helpers,
// and writers invalidate with affectedTags().

export const tags = {
  article: (id: number) => `article-${id}`,
  channel: (id: number) => `channel-${id}`,
  author: (id: number) => `author-${id}`,
  front: "front",
  channels: "channels",
  feed: "feed",
  sitemap: "sitemap",
} as const;

/** Next's implicit tag of the root layout: every cached page and cached read carries it. */
export const EVERY_PAGE = "_N_T_/layout";

/** Every public page an article's change can show up on. */
export function affectedTags(article: { id: number; channelId: number | null; authorIds: number[] }): string[] {
  return [tags.article(article.id), ...(article.channelId ? [tags.channel(article.channelId)] : []), ...article.authorIds.map(tags.author), tags.front, tags.feed, tags.sitemap];
}
