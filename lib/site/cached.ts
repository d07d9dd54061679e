// Cached public reads for the reader site. Each result carries the tags of everything it shows,
// so an edit invalidates exactly the pages it affects (see cache-tags.ts).
import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { getPublicArticle, listAuthorArticles, listChannelArticles, listFeedArticles, listLatestArticles, listSitemapEntries } from "../articles/public";
import { getAuthor } from "../authors/public";
import { getChannelBySlug, listChannels } from "../channels/public";
import { tags } from "./cache-tags";

const NEWS_SITEMAP_WINDOW_MS = 48 * 60 * 60 * 1000;

export async function getCachedArticle(id: number) {
  "use cache";
  cacheLife("hours");
  const article = await getPublicArticle(id);
  cacheTag(tags.article(id));
  if (!article) return null;
  if (article.channel) cacheTag(tags.channel(article.channel.id));
  for (const byline of article.bylines) cacheTag(tags.author(byline.author.id));
  for (const linkedId of article.linkedArticleIds) cacheTag(tags.article(linkedId));
  return article;
}

export async function listCachedLatest(limit: number) {
  "use cache";
  cacheLife("hours");
  cacheTag(tags.front);
  return listLatestArticles(limit);
}

export async function listCachedChannels() {
  "use cache";
  cacheLife("hours");
  cacheTag(tags.channels);
  return listChannels();
}

export async function getCachedChannel(slug: string) {
  "use cache";
  cacheLife("hours");
  cacheTag(tags.channels);
  const channel = await getChannelBySlug(slug);
  if (channel) cacheTag(tags.channel(channel.id));
  return channel;
}

// Lists are cached apart from the page header: the header is part of the prerendered shell, the
// list is read at request time (it depends on ?page=), and the two must not share an entry.
export async function listCachedChannelArticles(channelId: number, page: number) {
  "use cache";
  cacheLife("hours");
  cacheTag(tags.channel(channelId));
  return listChannelArticles(channelId, page);
}

export async function getCachedAuthor(id: number) {
  "use cache";
  cacheLife("hours");
  cacheTag(tags.author(id));
  return getAuthor(id);
}

export async function listCachedAuthorArticles(authorId: number, page: number) {
  "use cache";
  cacheLife("hours");
  cacheTag(tags.author(authorId));
  return listAuthorArticles(authorId, page);
}

export async function listCachedFeedArticles(channelId?: number) {
  "use cache";
  cacheLife("hours");
  cacheTag(channelId ? tags.channel(channelId) : tags.feed);
  return listFeedArticles({ channelId });
}

export async function listCachedSitemapEntries(recentOnly: boolean) {
  "use cache";
  cacheLife("hours");
  cacheTag(tags.sitemap);
  return listSitemapEntries(recentOnly ? { since: new Date(Date.now() - NEWS_SITEMAP_WINDOW_MS) } : {});
}
