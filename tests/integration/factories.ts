// Test data builders for integration tests: real rows through the shared Prisma client, unique names.
import crypto from "node:crypto";
import { prisma } from "@/lib/db";
import { paragraphsToHtml } from "@/lib/text/html";

export function unique(label: string): string {
  return `${label}-${crypto.randomUUID().slice(0, 8)}`;
}

export async function createChannel(label = "栏目") {
  const name = unique(label);
  return prisma.channel.create({ data: { name, slug: unique("ch").toLowerCase(), tagline: `${name}的标语` } });
}

export async function createAuthor(label = "作者", defaultRoleLabel = "本报记者") {
  return prisma.author.create({ data: { name: unique(label), defaultRoleLabel } });
}

type PickInput = { targetArticleId?: number | null; title?: string; excerpt?: string; url?: string };

export type ArticleInput = {
  title?: string;
  status?: "draft" | "review" | "published" | "archived";
  publishedAt?: Date | null;
  channelId?: number | null;
  authorIds?: number[];
  picks?: PickInput[];
  bodyHtml?: string;
};

export async function createArticle(input: ArticleInput = {}) {
  const title = input.title ?? unique("标题");
  const text = `${title}的正文。`;
  return prisma.article.create({
    data: {
      title,
      summary: `${title}的摘要`,
      bodyHtml: input.bodyHtml ?? paragraphsToHtml([text]),
      bodyText: text,
      source: "济南日报",
      status: input.status ?? "published",
      publishedAt: input.publishedAt === undefined ? new Date(Date.now() - 60_000) : input.publishedAt,
      channelId: input.channelId ?? null,
      bylines: { create: (input.authorIds ?? []).map((authorId, position) => ({ authorId, roleLabel: "本报记者", position })) },
      relatedItems: {
        create: (input.picks ?? []).map((pick, position) => ({
          position,
          targetArticleId: pick.targetArticleId ?? null,
          title: pick.title ?? "",
          excerpt: pick.excerpt ?? "",
          url: pick.url ?? "",
        })),
      },
    },
  });
}

/** `base` plus `minutes` minutes. */
export function minutesAfter(base: Date, minutes: number): Date {
  return new Date(base.getTime() + minutes * 60_000);
}
