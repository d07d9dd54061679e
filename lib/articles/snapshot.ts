// Revision snapshots: every editable field of an article, bylines and picks included.

export type ArticleSnapshot = {
  title: string;
  subtitle: string;
  summary: string;
  bodyHtml: string;
  source: string;
  channelId: number | null;
  status: string;
  publishedAt: string | null;
  bylines: { authorId: number; roleLabel: string }[];
  picks: { targetArticleId: number | null; title: string; excerpt: string; url: string }[];
};

type ArticleWithRelations = Omit<ArticleSnapshot, "publishedAt" | "bylines" | "picks"> & {
  publishedAt: Date | null;
  bylines: (ArticleSnapshot["bylines"][number] & { position: number })[];
  relatedItems: (ArticleSnapshot["picks"][number] & { position: number })[];
};

export const withRelations = {
  bylines: { orderBy: { position: "asc" } },
  relatedItems: { orderBy: { position: "asc" } },
} as const;

export function snapshotOf(article: ArticleWithRelations): ArticleSnapshot {
  return {
    title: article.title,
    subtitle: article.subtitle,
    summary: article.summary,
    bodyHtml: article.bodyHtml,
    source: article.source,
    channelId: article.channelId,
    status: article.status,
    publishedAt: article.publishedAt?.toISOString() ?? null,
    bylines: [...article.bylines].sort((a, b) => a.position - b.position).map(({ authorId, roleLabel }) => ({ authorId, roleLabel })),
    picks: [...article.relatedItems].sort((a, b) => a.position - b.position).map(({ targetArticleId, title, excerpt, url }) => ({ targetArticleId, title, excerpt, url })),
  };
}

export function sameSnapshot(a: ArticleSnapshot, b: ArticleSnapshot): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function parseSnapshot(json: string): ArticleSnapshot {
  return JSON.parse(json) as ArticleSnapshot;
}
