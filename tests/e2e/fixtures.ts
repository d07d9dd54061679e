// Test content for the end-to-end database, written straight through lib/db before the build.
import { hashPassword } from "../../lib/auth/passwords";
import { prisma } from "../../lib/db";
import { E2E_PASSWORD, E2E_USERS } from "./environment";
import { paragraphsToHtml } from "../../lib/text/html";

export type E2EFixtures = {
  channel: { id: number; slug: string; name: string };
  authorId: number;
  publicIds: number[];
  hidden: { draft: number; review: number; archived: number; future: number };
  hiddenTitles: string[];
  pickTargetId: number;
  withPicksId: number;
  recentId: number;
  recentPublishedAt: string;
  /** Articles about the same subject as withPicksId, in no channel: its 相关推荐. */
  similarIds: number[];
};

const HOUR = 60 * 60 * 1000;
/** A subject several articles share, so 相关推荐 has something to relate. */
const ROSE = ["玫瑰花农忙着采摘玫瑰花蕾，玫瑰花茶和玫瑰精油深加工带动增收。", "玫瑰小镇的种植基地通过电商直播销售玫瑰产品。"];

export async function createArticle(data: {
  title: string;
  channelId: number | null;
  authorId: number;
  status?: string;
  publishedAt: Date | null;
  picks?: { targetArticleId?: number; title?: string; excerpt?: string }[];
  paragraphs?: string[];
}): Promise<number> {
  const paragraphs = data.paragraphs ?? [`${data.title}的第一段正文。`, "第二段正文,用于测试。"];
  const article = await prisma.article.create({
    data: {
      title: data.title,
      summary: paragraphs[0],
      bodyHtml: paragraphsToHtml(paragraphs),
      bodyText: paragraphs.join("\n"),
      source: "测试日报",
      status: data.status ?? "published",
      publishedAt: data.publishedAt,
      channelId: data.channelId,
      bylines: { create: [{ authorId: data.authorId, roleLabel: "记者", position: 0 }] },
      relatedItems: {
        create: (data.picks ?? []).map((pick, position) => ({ position, targetArticleId: pick.targetArticleId ?? null, title: pick.title ?? "", excerpt: pick.excerpt ?? "" })),
      },
    },
  });
  return article.id;
}

async function seedUsers(): Promise<void> {
  const passwordHash = await hashPassword(E2E_PASSWORD);
  for (const role of ["editor", "reporter", "reporter2"] as const) {
    const user = E2E_USERS[role];
    await prisma.user.create({ data: { email: user.email, displayName: user.name, role: role === "reporter2" ? "reporter" : role, passwordHash } });
  }
}

export async function seedFixtures(): Promise<E2EFixtures> {
  await seedUsers();
  const channel = await prisma.channel.create({ data: { slug: "e2e-ceshi", name: "测试频道", tagline: "测试频道,只为端到端测试。", position: 9 } });
  const author = await prisma.author.create({ data: { name: "端到端记者", defaultRoleLabel: "记者", bio: "测试用的作者。" } });
  const base = Date.now() - 30 * 24 * HOUR;
  const publicIds: number[] = [];
  for (let index = 0; index < 45; index++) {
    // The pick target is about the same subject as the article that picks it: similar, yet never in its 相关推荐.
    const paragraphs = index === 10 ? [`测试稿件第${index + 1}篇。`, ...ROSE] : undefined;
    publicIds.push(await createArticle({ title: `测试稿件第${index + 1}篇`, channelId: channel.id, authorId: author.id, publishedAt: new Date(base + index * HOUR), paragraphs }));
  }
  const common = { channelId: channel.id, authorId: author.id };
  const hidden = {
    draft: await createArticle({ ...common, title: "隐藏草稿XDRAFT", status: "draft", publishedAt: null }),
    review: await createArticle({ ...common, title: "隐藏待审XREVIEW", status: "review", publishedAt: null }),
    archived: await createArticle({ ...common, title: "隐藏归档XARCHIVED", status: "archived", publishedAt: new Date(base) }),
    future: await createArticle({ ...common, title: "隐藏定时XFUTURE", publishedAt: new Date(Date.now() + 365 * 24 * HOUR) }),
  };
  const pickTargetId = publicIds[10];
  const withPicksId = await createArticle({
    ...common,
    title: "带新闻推荐的测试稿件",
    publishedAt: new Date(base + 100 * HOUR),
    picks: [
      { targetArticleId: pickTargetId },
      { targetArticleId: hidden.draft, title: "草稿推荐标题", excerpt: "草稿推荐摘要" },
      { title: "外部推荐标题", excerpt: "外部推荐摘要" },
    ],
    paragraphs: ["带新闻推荐的测试稿件。", ...ROSE],
  });
  // No channel, another author and an older date: the channel, author and feed lists stay as they were.
  const otherAuthor = await prisma.author.create({ data: { name: "玫瑰记者", defaultRoleLabel: "记者" } });
  const similarIds: number[] = [];
  for (const [index, title] of ["玫瑰花开采摘忙", "玫瑰精油销路广", "玫瑰小镇直播间"].entries()) {
    similarIds.push(
      await createArticle({ title, channelId: null, authorId: otherAuthor.id, publishedAt: new Date(Date.UTC(2019, 5, 1 + index)), paragraphs: [...ROSE, `${title}。`] }),
    );
  }
  const recentPublishedAt = new Date(Date.now() - HOUR);
  const recentId = await createArticle({ ...common, title: "一小时前的测试稿件", publishedAt: recentPublishedAt });
  return {
    recentId,
    recentPublishedAt: recentPublishedAt.toISOString(),
    channel: { id: channel.id, slug: channel.slug, name: channel.name },
    authorId: author.id,
    publicIds,
    hidden,
    hiddenTitles: ["隐藏草稿XDRAFT", "隐藏待审XREVIEW", "隐藏归档XARCHIVED", "隐藏定时XFUTURE"],
    pickTargetId,
    withPicksId,
    similarIds,
  };
}
