// The article page: 新闻推荐 (picks), 相关推荐 (related) and 上一篇/下一篇 never leak unpublished articles.
import { beforeAll, describe, expect, it } from "vitest";
import { getPublicArticle } from "@/lib/articles/public";
import { prisma } from "@/lib/db";
import { createArticle, createAuthor, createChannel, minutesAfter, unique } from "./factories";

const base = new Date("2022-05-01T00:00:00Z");

describe("article page data", () => {
  let channel: Awaited<ReturnType<typeof createChannel>>;
  let pageId: number;
  let publicTarget: Awaited<ReturnType<typeof createArticle>>;
  let draftTarget: number;
  let scheduledTarget: number;
  let otherChannelTarget: Awaited<ReturnType<typeof createArticle>>;
  const hidden: number[] = [];

  beforeAll(async () => {
    channel = await createChannel("平阴");
    const other = await createChannel("济南");
    for (const minute of [1, 2, 3, 4, 5, 6, 7, 8]) await createArticle({ channelId: channel.id, publishedAt: minutesAfter(base, minute) });
    publicTarget = await createArticle({ title: unique("推荐目标"), channelId: channel.id, publishedAt: minutesAfter(base, 50) });
    draftTarget = (await createArticle({ status: "draft", channelId: channel.id, publishedAt: minutesAfter(base, 40) })).id;
    scheduledTarget = (await createArticle({ channelId: channel.id, publishedAt: new Date(Date.now() + 86_400_000) })).id;
    otherChannelTarget = await createArticle({ title: unique("外栏目"), channelId: other.id, publishedAt: minutesAfter(base, 45) });
    hidden.push(draftTarget, scheduledTarget);
    hidden.push((await createArticle({ status: "review", channelId: channel.id, publishedAt: minutesAfter(base, 30) })).id);
    hidden.push((await createArticle({ status: "archived", channelId: channel.id, publishedAt: minutesAfter(base, 31) })).id);
    const reporter = await createAuthor("记者");
    const intern = await createAuthor("实习生", "实习生");
    const page = await createArticle({
      channelId: channel.id,
      publishedAt: minutesAfter(base, 20),
      authorIds: [reporter.id, intern.id],
      picks: [
        { targetArticleId: publicTarget.id, title: "编辑当时写的旧标题", excerpt: "旧摘要" },
        { targetArticleId: draftTarget, title: "自带标题甲", excerpt: "自带摘要甲" },
        { targetArticleId: scheduledTarget, title: "自带标题乙", excerpt: "自带摘要乙", url: "https://example.com/b" },
        { title: "外部稿件", excerpt: "外部摘要", url: "https://example.com/c" },
        { targetArticleId: otherChannelTarget.id },
      ],
    });
    pageId = page.id;
    await prisma.byline.update({ where: { articleId_position: { articleId: page.id, position: 1 } }, data: { roleLabel: "实习生" } });
    // Newer same-channel articles after the page itself, so "related" must pick among both sides.
    for (const minute of [21, 22]) await createArticle({ channelId: channel.id, publishedAt: minutesAfter(base, minute) });
  });

  it("shows the article with its channel tagline and ordered byline", async () => {
    const article = await getPublicArticle(pageId);
    expect(article?.channel).toEqual({ id: channel.id, slug: channel.slug, name: channel.name, tagline: channel.tagline });
    expect(article?.bylines.map((b) => b.roleLabel)).toEqual(["本报记者", "实习生"]);
    expect(article?.publishedAt).toEqual(minutesAfter(base, 20));
    expect(article?.source).toBe("济南日报");
  });

  it("picks of public targets show the target's current title, summary and URL", async () => {
    const article = await getPublicArticle(pageId);
    expect(article?.picks[0]).toEqual({ title: publicTarget.title, excerpt: publicTarget.summary, url: `/articles/${publicTarget.id}`, articleId: publicTarget.id });
    expect(article?.picks[4]).toEqual({
      title: otherChannelTarget.title,
      excerpt: otherChannelTarget.summary,
      url: `/articles/${otherChannelTarget.id}`,
      articleId: otherChannelTarget.id,
    });
  });

  it("picks of unpublished or scheduled targets keep their own title and excerpt and never link the target", async () => {
    const article = await getPublicArticle(pageId);
    expect(article?.picks.slice(1, 4)).toEqual([
      { title: "自带标题甲", excerpt: "自带摘要甲", url: null, articleId: null },
      { title: "自带标题乙", excerpt: "自带摘要乙", url: "https://example.com/b", articleId: null },
      { title: "外部稿件", excerpt: "外部摘要", url: "https://example.com/c", articleId: null },
    ]);
    const text = JSON.stringify(article);
    for (const id of hidden) expect(text).not.toContain(`/articles/${id}"`);
  });

  it("a pick becomes a link once its target goes live", async () => {
    const later = new Date(Date.now() + 2 * 86_400_000);
    const article = await getPublicArticle(pageId, later);
    const target = await prisma.article.findUniqueOrThrow({ where: { id: scheduledTarget } });
    expect(article?.picks[2]).toEqual({ title: target.title, excerpt: target.summary, url: `/articles/${scheduledTarget}`, articleId: scheduledTarget });
  });

  it("body HTML is sanitized again on the way out", async () => {
    const dirty = await createArticle({
      channelId: (await createChannel()).id,
      publishedAt: minutesAfter(base, 0),
      bodyHtml: '<p onclick="alert(1)">正文</p><script>alert(2)</script><a href="javascript:alert(3)">链接</a>',
    });
    const article = await getPublicArticle(dirty.id);
    expect(article?.bodyHtml).toContain("正文");
    expect(article?.bodyHtml).not.toMatch(/onclick|<script|javascript:/);
  });
});

describe("上一篇 / 下一篇", () => {
  const start = new Date("2023-09-01T00:00:00Z");
  let channelId: number;
  let a: number, b: number, c: number, d: number, scheduled: number, draft: number, review: number, elsewhere: number;

  beforeAll(async () => {
    channelId = (await createChannel()).id;
    const other = (await createChannel()).id;
    const make = (minute: number, status: "published" | "draft" | "review" = "published", channel = channelId) =>
      createArticle({ channelId: channel, status, publishedAt: minutesAfter(start, minute) }).then((x) => x.id);
    a = await make(10);
    draft = await make(15, "draft");
    elsewhere = await make(17, "published", other);
    b = await make(20);
    c = await make(30);
    d = await make(30); // same time as c, higher id
    review = await make(35, "review");
    scheduled = await make(60);
  });

  const now = () => minutesAfter(start, 45);
  const neighbours = async (id: number, at = now()) => {
    const article = await getPublicArticle(id, at);
    return { previous: article?.previous?.id ?? null, next: article?.next?.id ?? null };
  };

  it("walks the channel by publish time, skipping drafts, review and other channels", async () => {
    expect(await neighbours(a)).toEqual({ previous: null, next: b });
    expect(await neighbours(b)).toEqual({ previous: a, next: c });
  });

  it("orders equal publish times by id, consistently in both directions", async () => {
    expect(await neighbours(c)).toEqual({ previous: b, next: d });
    expect(await neighbours(d)).toEqual({ previous: c, next: null });
  });

  it("never offers a scheduled article as next before its time", async () => {
    expect((await neighbours(d)).next).toBeNull();
    expect(await neighbours(d, minutesAfter(start, 60))).toEqual({ previous: c, next: scheduled });
    expect(await neighbours(scheduled, minutesAfter(start, 60))).toEqual({ previous: d, next: null });
  });

  it("neighbours carry the title for the link text", async () => {
    const article = await getPublicArticle(b, now());
    const previous = await prisma.article.findUniqueOrThrow({ where: { id: a } });
    expect(article?.previous).toEqual({ id: a, title: previous.title });
  });

  it("hidden articles have no page at all", async () => {
    for (const id of [draft, review]) expect(await getPublicArticle(id, now())).toBeNull();
    expect(await getPublicArticle(scheduled, now())).toBeNull();
    expect((await getPublicArticle(elsewhere, now()))?.previous).toBeNull();
  });
});
