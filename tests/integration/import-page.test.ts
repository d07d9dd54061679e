// Importing legacy pages: one transaction, idempotent, channel/author found or created, text stays text.
import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { getPublicArticle } from "@/lib/articles/public";
import type { ArticleSnapshot } from "@/lib/articles/snapshot";
import { prisma } from "@/lib/db";
import { importLegacyPage } from "@/lib/legacy-import/import-page";
import { parseLegacyPage, type LegacyPage } from "@/lib/legacy-import/parse-legacy-page";

const FIXTURE = "prisma/demo/jnrb-2020-03-02-pingyin.txt";

function parse(text: string): LegacyPage {
  const result = parseLegacyPage(text);
  if (!result.ok) throw new Error(result.reason);
  return result.page;
}

async function counts() {
  const [articles, channels, authors, bylines, picks, revisions] = await Promise.all([
    prisma.article.count(),
    prisma.channel.count(),
    prisma.author.count(),
    prisma.byline.count(),
    prisma.relatedEntry.count(),
    prisma.revision.count(),
  ]);
  return { articles, channels, authors, bylines, picks, revisions };
}

describe("importing the founding page", () => {
  const page = parse(fs.readFileSync(FIXTURE, "utf8"));
  let articleId: number;

  beforeAll(async () => {
    const outcome = await importLegacyPage(page);
    expect(outcome.status).toBe("imported");
    articleId = outcome.articleId;
  });

  it("a second import of the same page is 'unchanged' and writes no rows", async () => {
    const before = await counts();
    const again = await importLegacyPage(parse(fs.readFileSync(FIXTURE, "utf8")));
    expect(again).toEqual({ status: "unchanged", articleId, changes: [], publicTags: [] });
    expect(await counts()).toEqual(before);
  });

  it("stores the article as published at 11:09 Shanghai with its 来源 and 15 paragraphs", async () => {
    const article = await prisma.article.findUniqueOrThrow({ where: { id: articleId } });
    expect(article).toMatchObject({ title: "“两手抓、两手赢”平阴为什么能", source: "济南日报", status: "published", version: 1 });
    expect(article.publishedAt?.toISOString()).toBe("2020-03-02T03:09:00.000Z");
    expect(article.bodyText.split("\n")).toEqual(page.paragraphs);
    expect(article.bodyHtml.match(/<p>/g)).toHaveLength(15);
    expect(article.summary.length).toBeGreaterThan(0);
    expect(page.paragraphs[0].startsWith(article.summary.replace(/…$/, ""))).toBe(true);
  });

  it("creates the channel 平阴新闻 with slug pingyin and its tagline", async () => {
    const channel = await prisma.channel.findUniqueOrThrow({ where: { slug: "pingyin" } });
    expect(channel).toMatchObject({ name: "平阴新闻", tagline: page.channel!.tagline });
    expect((await prisma.article.findUniqueOrThrow({ where: { id: articleId } })).channelId).toBe(channel.id);
  });

  it("creates the author 冯经伟 with default role 本报记者 and the byline", async () => {
    const authors = await prisma.author.findMany({ where: { name: "冯经伟" } });
    expect(authors).toHaveLength(1);
    expect(authors[0].defaultRoleLabel).toBe("本报记者");
    const bylines = await prisma.byline.findMany({ where: { articleId } });
    expect(bylines).toEqual([expect.objectContaining({ authorId: authors[0].id, roleLabel: "本报记者", position: 0 })]);
  });

  it("keeps the 新闻推荐 pick with its own title and excerpt (its target was never imported)", async () => {
    const picks = await prisma.relatedEntry.findMany({ where: { articleId } });
    expect(picks).toEqual([expect.objectContaining({ position: 0, targetArticleId: null, title: page.picks[0].title, excerpt: page.picks[0].excerpt, url: "" })]);
  });

  it("records revision 1 with a JSON snapshot of every editable field", async () => {
    const revisions = await prisma.revision.findMany({ where: { articleId } });
    expect(revisions).toHaveLength(1);
    expect(revisions[0].number).toBe(1);
    const snapshot = JSON.parse(revisions[0].snapshot) as ArticleSnapshot;
    const article = await prisma.article.findUniqueOrThrow({ where: { id: articleId } });
    const author = await prisma.author.findFirstOrThrow({ where: { name: "冯经伟" } });
    expect(snapshot).toMatchObject({
      title: article.title,
      subtitle: "",
      summary: article.summary,
      bodyHtml: article.bodyHtml,
      source: "济南日报",
      channelId: article.channelId,
      status: "published",
      publishedAt: "2020-03-02T03:09:00.000Z",
      bylines: [{ authorId: author.id, roleLabel: "本报记者" }],
      picks: [{ targetArticleId: null, title: page.picks[0].title, excerpt: page.picks[0].excerpt, url: "" }],
    });
  });

  it("is readable as a public article with byline, pick and channel", async () => {
    const article = await getPublicArticle(articleId);
    expect(article?.bylines).toEqual([{ roleLabel: "本报记者", author: { id: expect.any(Number), name: "冯经伟" } }]);
    expect(article?.picks).toEqual([{ title: page.picks[0].title, excerpt: page.picks[0].excerpt, url: null, articleId: null }]);
    expect(article?.channel?.slug).toBe("pingyin");
  });
});

describe("importing more pages", () => {
  const pageText = (title: string, body: string[], extra: { byline?: string; picks?: string[]; tagline?: string; time?: string } = {}) =>
    [
      title,
      `济南日报 ${extra.time ?? "2020-03-05 09:30"} 大字`,
      ...body,
      extra.byline ?? "(本报记者 冯经伟)",
      ...(extra.picks ? ["新闻推荐", ...extra.picks] : []),
      extra.tagline ?? "平阴新闻,新鲜有料。",
      " ",
      "相关推荐",
    ].join("\n");

  it("stores markup-looking text escaped, so a <script> paragraph is shown, never run", async () => {
    const page = parse(pageText("脚本测试稿", ["第一段。", '<script>alert("x")</script>', "<b>不是粗体</b>"]));
    const { articleId } = await importLegacyPage(page);
    const article = await prisma.article.findUniqueOrThrow({ where: { id: articleId } });
    expect(article.bodyHtml).toContain("&lt;script&gt;");
    expect(article.bodyHtml).not.toContain("<script");
    expect(article.bodyHtml).toContain("&lt;b&gt;不是粗体&lt;/b&gt;");
    expect(article.bodyText).toContain('<script>alert("x")</script>');
    const shown = await getPublicArticle(articleId);
    expect(shown?.bodyHtml).toContain("&lt;script&gt;");
    expect(shown?.bodyHtml).not.toContain("<script");
  });

  it("reuses the channel and existing author, creates new authors with the role they appear under", async () => {
    const before = await counts();
    const { articleId } = await importLegacyPage(parse(pageText("复用测试稿", ["正文。"], { time: "2020-03-06 10:00", byline: "(本报记者 冯经伟 通讯员 李华)" })));
    const after = await counts();
    expect(after.channels).toBe(before.channels);
    expect(after.authors).toBe(before.authors + 1);
    expect(await prisma.author.count({ where: { name: "冯经伟" } })).toBe(1);
    const bylines = await prisma.byline.findMany({ where: { articleId }, orderBy: { position: "asc" }, include: { author: true } });
    expect(bylines.map((b) => [b.roleLabel, b.author.name, b.author.defaultRoleLabel])).toEqual([
      ["本报记者", "冯经伟", "本报记者"],
      ["通讯员", "李华", "通讯员"],
    ]);
  });

  it("links a 新闻推荐 pick to an already-imported article with the same title", async () => {
    const { articleId: targetId } = await importLegacyPage(parse(pageText("被推荐的稿件", ["正文。"], { time: "2020-03-07 08:00" })));
    const { articleId } = await importLegacyPage(
      parse(pageText("推荐他稿的稿件", ["正文。"], { time: "2020-03-07 09:00", picks: ["被推荐的稿件", "旧摘要...", "未导入的稿件", "另一摘要..."] })),
    );
    const picks = await prisma.relatedEntry.findMany({ where: { articleId }, orderBy: { position: "asc" } });
    expect(picks.map((p) => [p.position, p.targetArticleId, p.title])).toEqual([
      [0, targetId, "被推荐的稿件"],
      [1, null, "未导入的稿件"],
    ]);
    const article = await getPublicArticle(articleId);
    expect(article?.picks[0]).toMatchObject({ url: `/articles/${targetId}`, articleId: targetId });
  });

  it("gives a new channel whose slug is taken a distinct slug", async () => {
    const { articleId } = await importLegacyPage(parse(pageText("新栏目稿件", ["正文。"], { time: "2020-03-08 08:00", tagline: "平阴频道,另一个栏目。" })));
    const article = await prisma.article.findUniqueOrThrow({ where: { id: articleId }, include: { channel: true } });
    expect(article.channel).toMatchObject({ name: "平阴频道", slug: "pingyin-2" });
  });

  it("the same title and time under another 来源 is a different article", async () => {
    const first = await importLegacyPage(parse(pageText("同时同题稿件", ["正文。"], { time: "2020-03-11 08:00" })));
    const other = parse(pageText("同时同题稿件", ["正文。"], { time: "2020-03-11 08:00" }).replace("济南日报 ", "济南时报 "));
    const second = await importLegacyPage(other);
    expect(second.status).toBe("imported");
    expect(second.articleId).not.toBe(first.articleId);
  });

  it("the same title at a different time is a different article", async () => {
    const first = await importLegacyPage(parse(pageText("同题稿件", ["正文。"], { time: "2020-03-09 08:00" })));
    const second = await importLegacyPage(parse(pageText("同题稿件", ["正文。"], { time: "2020-03-10 08:00" })));
    expect(first.status).toBe("imported");
    expect(second.status).toBe("imported");
    expect(second.articleId).not.toBe(first.articleId);
  });
});

describe("re-importing a page that changed", () => {
  const text = (body: string[], byline = "(本报记者 冯经伟)", picks: string[] = []) =>
    ["改版测试稿", "济南日报 2020-04-01 10:00 大字", ...body, byline, ...(picks.length ? ["新闻推荐", ...picks] : []), "平阴新闻,新鲜有料。", "相关推荐"].join("\n");
  let articleId: number;

  beforeAll(async () => {
    articleId = (await importLegacyPage(parse(text(["原来的第一段。", "原来的第二段。"])))).articleId;
  });

  it("is reported as changed, with what changed, and nothing is written without update", async () => {
    const before = await counts();
    const outcome = await importLegacyPage(parse(text(["原来的第一段。", "改过的第二段。"], "(本报记者 冯经伟 通讯员 新作者甲)", ["推荐稿", "推荐摘要..."])));
    expect(outcome).toEqual({ status: "changed", articleId, changes: ["body", "bylines", "picks"], publicTags: [] });
    expect(await counts()).toEqual(before);
    expect(await prisma.article.findUniqueOrThrow({ where: { id: articleId } })).toMatchObject({ version: 1, bodyText: "原来的第一段。\n原来的第二段。" });
  });

  it("a dry run with update reports 'updated' and writes nothing", async () => {
    const before = await counts();
    const outcome = await importLegacyPage(parse(text(["新的正文。"])), { update: true, dryRun: true });
    expect(outcome).toMatchObject({ status: "updated", articleId, changes: ["body"] });
    expect(await counts()).toEqual(before);
  });

  it("with update becomes version 2 and revision 2 of the same article, audited as an import update", async () => {
    const before = await counts();
    const outcome = await importLegacyPage(parse(text(["原来的第一段。", "改过的第二段。"], "(本报记者 冯经伟 通讯员 新作者甲)", ["推荐稿", "推荐摘要..."])), { update: true });
    expect(outcome).toMatchObject({ status: "updated", articleId, changes: ["body", "bylines", "picks"] });
    expect(outcome.publicTags).toEqual(expect.arrayContaining([`article-${articleId}`, "front", "feed"]));
    const article = await prisma.article.findUniqueOrThrow({
      where: { id: articleId },
      include: { bylines: { include: { author: true }, orderBy: { position: "asc" } }, relatedItems: true },
    });
    expect(article).toMatchObject({ version: 2, bodyText: "原来的第一段。\n改过的第二段。", status: "published", updatedById: null });
    expect(article.bylines.map((byline) => [byline.roleLabel, byline.author.name])).toEqual([
      ["本报记者", "冯经伟"],
      ["通讯员", "新作者甲"],
    ]);
    expect(article.relatedItems).toEqual([expect.objectContaining({ title: "推荐稿", excerpt: "推荐摘要...", targetArticleId: null })]);
    const revisions = await prisma.revision.findMany({ where: { articleId }, orderBy: { number: "asc" } });
    expect(revisions.map((revision) => [revision.number, revision.authorId])).toEqual([
      [1, null],
      [2, null],
    ]);
    expect((JSON.parse(revisions[1].snapshot) as ArticleSnapshot).bodyHtml).toBe(article.bodyHtml);
    expect(await counts()).toEqual({ ...before, authors: before.authors + 1, bylines: before.bylines + 1, picks: before.picks + 1, revisions: before.revisions + 1 });
    const events = await prisma.auditEvent.findMany({ where: { action: "article.import-update", target: `article:${articleId}` } });
    expect(events).toEqual([expect.objectContaining({ actorId: null, detail: "cli" })]);
  });

  it("importing the updated page again is unchanged", async () => {
    const again = await importLegacyPage(parse(text(["原来的第一段。", "改过的第二段。"], "(本报记者 冯经伟 通讯员 新作者甲)", ["推荐稿", "推荐摘要..."])), { update: true });
    expect(again.status).toBe("unchanged");
    expect((await prisma.article.findUniqueOrThrow({ where: { id: articleId } })).version).toBe(2);
  });

  it("keeps a summary an editor wrote, and the article's status", async () => {
    await prisma.article.update({ where: { id: articleId }, data: { summary: "编辑写的摘要", status: "archived" } });
    await importLegacyPage(parse(text(["第三版正文。"])), { update: true });
    expect(await prisma.article.findUniqueOrThrow({ where: { id: articleId } })).toMatchObject({
      version: 3,
      summary: "编辑写的摘要",
      status: "archived",
      bodyText: "第三版正文。",
    });
  });
});

describe("a page is written whole or not at all", () => {
  const failOn = (title: string) =>
    prisma.$executeRawUnsafe(
      `CREATE TRIGGER fail_revision BEFORE INSERT ON "Revision" WHEN (SELECT title FROM "Article" WHERE id = NEW."articleId") = '${title}' BEGIN SELECT RAISE(ABORT, 'injected failure'); END`,
    );
  const dropTrigger = () => prisma.$executeRawUnsafe("DROP TRIGGER IF EXISTS fail_revision");
  const text = (title: string, body: string, byline: string, tagline: string) => [title, "济南日报 2020-05-01 10:00", body, byline, tagline].join("\n");

  it("a new page whose last write fails leaves no article, author, channel or byline behind", async () => {
    const before = await counts();
    await failOn("原子性测试稿");
    try {
      // The revision is the last write of a new page: the article, its author, channel and byline come before it.
      await expect(importLegacyPage(parse(text("原子性测试稿", "正文。", "(记者 原子作者)", "原子新闻,测试。")))).rejects.toThrow(/tx\.revision\.create/);
    } finally {
      await dropTrigger();
    }
    expect(await counts()).toEqual(before);
    expect(await prisma.author.count({ where: { name: "原子作者" } })).toBe(0);
    expect(await prisma.channel.count({ where: { name: "原子新闻" } })).toBe(0);
  });

  it("an update whose revision fails keeps the stored article as it was", async () => {
    const { articleId } = await importLegacyPage(parse(text("原子更新稿", "旧正文。", "(记者 冯经伟)", "平阴新闻,新鲜有料。")));
    const before = await counts();
    await failOn("原子更新稿");
    try {
      const changed = parse(text("原子更新稿", "新正文。", "(记者 另一个新作者)", "平阴新闻,新鲜有料。"));
      await expect(importLegacyPage(changed, { update: true })).rejects.toThrow(/tx\.revision\.create/);
    } finally {
      await dropTrigger();
    }
    expect(await counts()).toEqual(before);
    expect(await prisma.article.findUniqueOrThrow({ where: { id: articleId } })).toMatchObject({ version: 1, bodyText: "旧正文。" });
    expect(await prisma.auditEvent.count({ where: { target: `article:${articleId}` } })).toBe(0);
  });
});
