// RSS 2.0 and sitemap documents for the public site, built from cached public reads.
import "server-only";
import { Feed } from "feed";
import { getChannelBySlug } from "../channels/public";
import { t } from "../messages/catalog";
import { escapeHtml } from "../text/html";
import { toShanghaiIso } from "../text/time";
import { getCachedSiteSettings } from "../settings/cached";
import { readerBodyHtml } from "../articles/reader-body";
import { listCachedFeedArticles, listCachedNewsSitemapEntries } from "./cached";

/** The site feed, or one channel's feed; null when the channel does not exist. */
export async function buildRssFeed(channelSlug?: string): Promise<string | null> {
  const channel = channelSlug ? await getChannelBySlug(channelSlug) : null;
  if (channelSlug && !channel) return null;
  const { siteName, siteUrl: base } = await getCachedSiteSettings();
  const link = channel ? `${base}/channels/${channel.slug}` : `${base}/`;
  const articles = await listCachedFeedArticles(channel?.id);
  const feed = new Feed({
    title: channel ? `${channel.name} - ${siteName}` : siteName,
    description: channel?.tagline || t("feed.description", { siteName }),
    id: link,
    link,
    language: "zh-CN",
    copyright: `© ${siteName}`,
    updated: articles[0]?.publishedAt,
    feedLinks: { rss: channel ? `${link}/feed.xml` : `${base}/feed.xml` },
  });
  for (const article of articles) {
    const url = `${base}/articles/${article.id}`;
    feed.addItem({
      title: article.title,
      id: url,
      link: url,
      description: article.summary,
      content: readerBodyHtml(article.body, base),
      ...(article.shareImage ? { enclosure: { url: base + article.shareImage.url, length: article.shareImage.bytes, type: "image/jpeg" } } : {}),
      date: article.publishedAt,
      author: article.bylines.map((byline) => ({ name: `${byline.roleLabel} ${byline.author.name}` })),
      category: article.channel ? [{ name: article.channel.name }] : [],
    });
  }
  return feed.rss2();
}

/** Google News sitemap of the last 48 hours of publishing. */
export async function buildNewsSitemap(): Promise<string> {
  const [{ siteName, siteUrl: base }, entries] = await Promise.all([getCachedSiteSettings(), listCachedNewsSitemapEntries()]);
  const urls = entries.map(
    (entry) => `  <url>
    <loc>${base}/articles/${entry.id}</loc>
    <news:news>
      <news:publication><news:name>${escapeHtml(siteName)}</news:name><news:language>zh-cn</news:language></news:publication>
      <news:publication_date>${toShanghaiIso(entry.publishedAt)}</news:publication_date>
      <news:title>${escapeHtml(entry.title)}</news:title>
    </news:news>${
      entry.image
        ? `
    <image:image><image:loc>${escapeHtml(base + entry.image.url)}</image:loc></image:image>`
        : ""
    }
  </url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
${urls.join("\n")}
</urlset>
`;
}
