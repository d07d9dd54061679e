// Article workflow states and the single rule for what the public may see.

export const ARTICLE_STATUSES = ["draft", "review", "published", "archived"] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** Prisma filter for articles a reader may see at `now`: published and due. */
export function publicWhere(now: Date) {
  return { status: "published", publishedAt: { lte: now } } as const;
}

export function isPublic(article: { status: string; publishedAt: Date | null }, now = new Date()): boolean {
  return article.status === "published" && article.publishedAt !== null && article.publishedAt <= now;
}
