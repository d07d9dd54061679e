import type { MetadataRoute } from "next";
import { getCachedSiteSettings } from "@/lib/settings/cached";
import { listCachedChannels, listCachedSitemapEntries } from "@/lib/site/cached";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [entries, channels, { siteUrl: base }] = await Promise.all([listCachedSitemapEntries(), listCachedChannels(), getCachedSiteSettings()]);
  return [
    { url: `${base}/`, changeFrequency: "hourly", priority: 1 },
    ...channels.map((channel) => ({ url: `${base}/channels/${channel.slug}`, changeFrequency: "hourly" as const, priority: 0.8 })),
    ...entries.map((entry) => ({ url: `${base}/articles/${entry.id}`, lastModified: entry.updatedAt, priority: 0.6 })),
  ];
}
