import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getCachedSiteSettings } from "@/lib/settings/cached";
import { getCachedArticle, listCachedLatest } from "@/lib/site/cached";
import { toShanghaiIso } from "@/lib/text/time";
import { ArticleView } from "../../../_components/ArticleView";
import { articleJsonLd } from "../../../_components/article-json-ld";
import { absoluteShareImage } from "../../../_components/photo-layout";
import { parseIdParam } from "../../../_components/params";

type Props = { params: Promise<{ id: string }> };

const PRERENDERED = 50;

export async function generateStaticParams() {
  const latest = await listCachedLatest(PRERENDERED);
  // Cache Components needs at least one entry; an id that matches nothing renders the 404 page.
  return latest.length > 0 ? latest.map((article) => ({ id: String(article.id) })) : [{ id: "0" }];
}

async function loadArticle(params: Props["params"]) {
  const id = parseIdParam((await params).id);
  return id ? getCachedArticle(id) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await loadArticle(params);
  if (!article) return { title: "页面不存在" };
  const { siteName, siteUrl } = await getCachedSiteSettings();
  const url = `/articles/${article.id}`;
  // The 题图's JPEG, 1200 px wide or more when it has one; an article without a 题图 names no image.
  const image = absoluteShareImage(article.shareImage, article.lead?.alt ?? "", siteUrl);
  return {
    title: article.title,
    description: article.summary,
    alternates: { canonical: url },
    openGraph: {
      type: "article",
      url,
      title: article.title,
      description: article.summary,
      siteName,
      locale: "zh_CN",
      publishedTime: toShanghaiIso(article.publishedAt),
      modifiedTime: toShanghaiIso(article.updatedAt),
      authors: article.bylines.map((byline) => byline.author.name),
      section: article.channel?.name,
      ...(image ? { images: [image] } : {}),
    },
    ...(image ? { twitter: { card: "summary_large_image", title: article.title, description: article.summary, images: [{ url: image.url, alt: image.alt }] } } : {}),
  };
}

export default async function ArticlePage({ params }: Props) {
  const article = await loadArticle(params);
  if (!article) notFound();
  const { siteName, siteUrl } = await getCachedSiteSettings();
  return (
    <>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: JSON-LD from articleJsonLd, which escapes "<" so no tag can close the script */}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: articleJsonLd(article, { siteUrl, siteName }) }} />
      <ArticleView article={article} />
    </>
  );
}
