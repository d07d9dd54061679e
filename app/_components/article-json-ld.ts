import type { PublicArticle } from "@/lib/articles/public";
import { toShanghaiIso } from "@/lib/text/time";
import { absoluteShareImage } from "./photo-layout";

/** schema.org NewsArticle for an article page, serialized safely for a <script> element. */
export function articleJsonLd(
  article: Pick<PublicArticle, "id" | "title" | "summary" | "publishedAt" | "updatedAt" | "bylines" | "channel" | "source" | "shareImage" | "lead">,
  { siteUrl, siteName }: { siteUrl: string; siteName: string },
): string {
  const image = absoluteShareImage(article.shareImage, article.lead?.alt ?? "", siteUrl);
  const data = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title,
    description: article.summary,
    datePublished: toShanghaiIso(article.publishedAt),
    dateModified: toShanghaiIso(new Date(Math.max(article.updatedAt.getTime(), article.publishedAt.getTime()))),
    mainEntityOfPage: `${siteUrl}/articles/${article.id}`,
    author: article.bylines.map((byline) => ({ "@type": "Person", name: byline.author.name, url: `${siteUrl}/authors/${byline.author.id}` })),
    publisher: { "@type": "Organization", name: siteName, url: siteUrl },
    ...(article.channel ? { articleSection: article.channel.name } : {}),
    ...(article.source ? { sourceOrganization: { "@type": "Organization", name: article.source } } : {}),
    ...(image
      ? { image: [{ "@type": "ImageObject", url: image.url, width: image.width, height: image.height, ...(article.lead?.caption ? { caption: article.lead.caption } : {}) }] }
      : {}),
    inLanguage: "zh-CN",
  };
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
