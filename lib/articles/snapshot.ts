// Revision snapshots: every editable field of an article, bylines, picks and 题图 included (photos in
// the body are part of its HTML).

/** The 题图 and what this article says with it ("" = the photo's own 图说 and 替代文字). */
export type LeadPhoto = { photoId: number; caption: string; alt: string };

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
  lead: LeadPhoto | null;
};

type ArticleWithRelations = Omit<ArticleSnapshot, "publishedAt" | "bylines" | "picks" | "lead"> & {
  publishedAt: Date | null;
  bylines: (ArticleSnapshot["bylines"][number] & { position: number })[];
  relatedItems: (ArticleSnapshot["picks"][number] & { position: number })[];
  photoUses: { role: string; photoId: number; caption: string; alt: string }[];
};

export const withRelations = {
  bylines: { orderBy: { position: "asc" } },
  relatedItems: { orderBy: { position: "asc" } },
  photoUses: { where: { role: "lead" }, select: { role: true, photoId: true, caption: true, alt: true } },
} as const;

export function snapshotOf(article: ArticleWithRelations): ArticleSnapshot {
  const lead = article.photoUses.find((use) => use.role === "lead");
  return snapshotFrom({
    ...article,
    publishedAt: article.publishedAt?.toISOString() ?? null,
    bylines: [...article.bylines].sort((a, b) => a.position - b.position),
    picks: [...article.relatedItems].sort((a, b) => a.position - b.position),
    lead: lead ?? null,
  });
}

/** The snapshot's fields of `fields`, in one key order, so equal content is equal JSON. */
export function snapshotFrom(fields: ArticleSnapshot): ArticleSnapshot {
  return {
    title: fields.title,
    subtitle: fields.subtitle,
    summary: fields.summary,
    bodyHtml: fields.bodyHtml,
    source: fields.source,
    channelId: fields.channelId,
    status: fields.status,
    publishedAt: fields.publishedAt,
    bylines: fields.bylines.map(({ authorId, roleLabel }) => ({ authorId, roleLabel })),
    picks: fields.picks.map(({ targetArticleId, title, excerpt, url }) => ({ targetArticleId, title, excerpt, url })),
    lead: fields.lead && { photoId: fields.lead.photoId, caption: fields.lead.caption, alt: fields.lead.alt },
  };
}

export function sameSnapshot(a: ArticleSnapshot, b: ArticleSnapshot): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A stored snapshot; those written before photos existed have no 题图. */
export function parseSnapshot(json: string): ArticleSnapshot {
  return { lead: null, ...(JSON.parse(json) as Omit<ArticleSnapshot, "lead">) };
}
