// Cached public reads for the reader site. Each result carries the tags of everything it shows,
// so an edit invalidates exactly the pages it affects (see cache-tags.ts).
import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import {
  getPublicArticle,
  listAuthorArticles,
  listChannelArticles,
  listFeedArticles,
  listLatestArticles,
  listRecentSitemapEntries,
  listSitemapEntries,
  type ArticleListItem,
} from "../articles/public";
import { photoTag } from "../media/cache-tags";
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
  for (const photoId of article.photoIds) cacheTag(photoTag(photoId));
  return article;
}

export async function listCachedLatest(limit: number) {
  "use cache";
  cacheLife("hours");
  cacheTag(tags.front);
  return tagThumbnails(await listLatestArticles(limit));
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
  return tagThumbnails(await listChannelArticles(channelId, page));
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
  return tagThumbnails(await listAuthorArticles(authorId, page));
}

export async function listCachedFeedArticles(channelId?: number) {
  "use cache";
  cacheLife("hours");
  cacheTag(channelId ? tags.channel(channelId) : tags.feed);
  const articles = await listFeedArticles({ channelId });
  for (const photoId of new Set(articles.flatMap((article) => article.photoIds))) cacheTag(photoTag(photoId));
  return articles;
}

export async function listCachedSitemapEntries() {
  "use cache";
  cacheLife("hours");
  cacheTag(tags.sitemap);
  return listSitemapEntries();
}

export async function listCachedNewsSitemapEntries() {
  "use cache";
  cacheLife("hours");
  cacheTag(tags.sitemap);
  const entries = await listRecentSitemapEntries(new Date(Date.now() - NEWS_SITEMAP_WINDOW_MS));
  for (const entry of entries) if (entry.leadPhotoId) cacheTag(photoTag(entry.leadPhotoId));
  return entries;
}

/** A list shows its articles' 题图: a change to one of those photos refreshes it. Inside a cached function. */
function tagThumbnails<T extends ArticleListItem[] | { items: ArticleListItem[] }>(list: T): T {
  for (const item of Array.isArray(list) ? list : list.items) if (item.thumbnail) cacheTag(photoTag(item.thumbnail.photoId));
  return list;
}
