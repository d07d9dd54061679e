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
  for (const targetId of article.pickTargetIds) cacheTag(tags.article(targetId));
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

export async function getCachedChannelPage(slug: string, page: number) {
  "use cache";
  cacheLife("hours");
  cacheTag(tags.channels);
  const channel = await getChannelBySlug(slug);
  if (!channel) return null;
  cacheTag(tags.channel(channel.id));
  return { channel, articles: await listChannelArticles(channel.id, page) };
}

export async function getCachedAuthorPage(id: number, page: number) {
  "use cache";
  cacheLife("hours");
  cacheTag(tags.author(id));
  const author = await getAuthor(id);
  if (!author) return null;
  return { author, articles: await listAuthorArticles(id, page) };
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
