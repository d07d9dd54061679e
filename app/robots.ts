import type { MetadataRoute } from "next";
import { getCachedSiteSettings } from "@/lib/settings/cached";

export default async function robots(): Promise<MetadataRoute.Robots> {
  const { siteUrl: base } = await getCachedSiteSettings();
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/editor", "/login", "/api/"] }],
    sitemap: [`${base}/sitemap.xml`, `${base}/news-sitemap.xml`],
  };
}
