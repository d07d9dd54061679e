// Reader search on a real SQLite file: each query class finds the founding page, only public
// articles are found, an edit is searchable at once, and FTS syntax in a query is harmless.
import crypto from "node:crypto";
import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { importLegacyPage } from "@/lib/legacy-import/import-page";
import { parseLegacyPage } from "@/lib/legacy-import/parse-legacy-page";
import { indexArticle, reindexAll } from "@/lib/search/index";
import { SCORED_MATCHES, SEARCH_PAGE_SIZE, searchPublished } from "@/lib/search/query";
import { createArticle, createChannel, minutesAfter } from "./factories";

const FIXTURE = "prisma/demo/jnrb-2020-03-02-pingyin.txt";

/** A word of random Han characters no other test writes. */
function uniqueHan(length = 4): string {
  return Array.from({ length }, () => String.fromCharCode(0x4e00 + crypto.randomInt(0x5000))).join("");
}

async function index(articleId: number) {
  return prisma.$transaction((tx) => indexArticle(tx, articleId));
}

async function foundIds(q: string, options: { now?: Date; channelId?: number; from?: Date; to?: Date } = {}) {
  const result = await searchPublished({ q, channelId: options.channelId, from: options.from, to: options.to }, options.now);
  return result.items.map((item) => item.id);
}

describe("searching the founding page", () => {
  let articleId: number;

  beforeAll(async () => {
    const parsed = parseLegacyPage(fs.readFileSync(FIXTURE, "utf8"));
    if (!parsed.ok) throw new Error(parsed.reason);
    articleId = (await importLegacyPage(parsed.page)).articleId;
    expect(await index(articleId)).toBe(true);
  });

  it.each(["平阴", "疫", "复工复产", "復工復產", "平陰", "玫德集团", "2.6亿元", "２．６亿元", "1+N", "“两手抓”", '"两手抓、两手赢"', "平阴 复工复产", "平阴县委书记杨旭东"])(
    "finds it with %s",
    async (q) => {
      expect(await foundIds(q)).toContain(articleId);
    },
  );

  // "5G" is on the page only in the title of a recommended article (新闻推荐), which is not this
  // article's text; readers searching 5G should find that article, not this one.
  it("finds 5G, ５Ｇ and 5g in an article that says 5G, and not in the founding page's recommendations", async () => {
    const article = await createArticle({ title: `科技战“疫”背后${uniqueHan()}` });
    await prisma.article.update({ where: { id: article.id }, data: { bodyText: "权威发布、5G加速、AI协同。" } });
    await index(article.id);
    for (const q of ["5G", "５Ｇ", "5g", "5G加速", "AI 协同"]) {
      const ids = await foundIds(q);
      expect(ids).toContain(article.id);
      expect(ids).not.toContain(articleId);
    }
  });

  it("does not find it when one of several words is missing", async () => {
    expect(await foundIds(`平阴 ${uniqueHan()}`)).not.toContain(articleId);
    expect(await foundIds("阴复")).not.toContain(articleId);
  });

  it("marks the matched text in an escaped snippet", async () => {
    const [hit] = (await searchPublished({ q: "玫德集团" })).items.filter((item) => item.id === articleId);
    expect(hit.snippetHtml).toContain("<mark>玫德集团</mark>");
    expect(hit.snippetHtml.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
    expect(hit).toMatchObject({ title: "“两手抓、两手赢”平阴为什么能", publishedAt: new Date("2020-03-02T03:09:00.000Z") });
  });

  it.each([
    '"',
    "*",
    "NEAR",
    "OR",
    "平阴 OR",
    ")(",
    "平阴 AND NOT 疫",
    "NEAR(平阴 疫)",
    "title_tokens:平阴",
    "^平阴",
    "-平阴",
    "平阴*",
    '平阴" OR "',
    "",
    "   ",
    "，。！",
    "平".repeat(500),
  ])("query %j never errors", async (q) => {
    const result = await searchPublished({ q });
    expect(result.total).toBeGreaterThanOrEqual(0);
  });

  it("filters by date range", async () => {
    expect(await foundIds("平阴", { from: new Date("2020-03-01T00:00:00Z"), to: new Date("2020-03-03T00:00:00Z") })).toContain(articleId);
    expect(await foundIds("平阴", { from: new Date("2020-03-03T00:00:00Z") })).not.toContain(articleId);
  });
});

describe("visibility", () => {
  it("never finds a draft, review or archived article, though the index holds it for the newsroom", async () => {
    const word = uniqueHan();
    for (const status of ["draft", "review", "archived"] as const) {
      const article = await createArticle({ title: `${word}${status}`, status });
      expect(await index(article.id)).toBe(true);
    }
    expect(await foundIds(word)).toEqual([]);
  });

  it("finds a scheduled article only once its time has come", async () => {
    const word = uniqueHan();
    const publishedAt = minutesAfter(new Date(), 60);
    const article = await createArticle({ title: word, publishedAt });
    await index(article.id);
    expect(await foundIds(word)).toEqual([]);
    expect(await foundIds(word, { now: minutesAfter(publishedAt, 1) })).toEqual([article.id]);
  });

  it("drops an article from results once it is unpublished or deleted", async () => {
    const word = uniqueHan();
    const unpublished = await createArticle({ title: word });
    const deleted = await createArticle({ title: `${word}二` });
    await index(unpublished.id);
    await index(deleted.id);
    expect((await foundIds(word)).sort()).toEqual([unpublished.id, deleted.id].sort());
    await prisma.$transaction(async (tx) => {
      await tx.article.update({ where: { id: unpublished.id }, data: { status: "draft" } });
      await indexArticle(tx, unpublished.id);
      await tx.article.delete({ where: { id: deleted.id } });
      await indexArticle(tx, deleted.id);
    });
    expect(await foundIds(word)).toEqual([]);
  });
});

describe("edits", () => {
  it("finds the new text at once and no longer the old", async () => {
    const [before, after] = [uniqueHan(), uniqueHan()];
    const article = await createArticle({ title: "编辑测试" });
    await prisma.$transaction(async (tx) => {
      await tx.article.update({ where: { id: article.id }, data: { bodyText: `正文提到${before}。` } });
      await indexArticle(tx, article.id);
    });
    expect(await foundIds(before)).toEqual([article.id]);
    await prisma.$transaction(async (tx) => {
      await tx.article.update({ where: { id: article.id }, data: { bodyText: `正文改为${after}。` } });
      await indexArticle(tx, article.id);
    });
    expect(await foundIds(after)).toEqual([article.id]);
    expect(await foundIds(before)).toEqual([]);
  });

  it("rolls the index back with the write that failed", async () => {
    const word = uniqueHan();
    const article = await createArticle({ title: "回滚测试" });
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.article.update({ where: { id: article.id }, data: { title: word } });
        await indexArticle(tx, article.id);
        throw new Error("save refused");
      }),
    ).rejects.toThrow("save refused");
    expect(await foundIds(word)).toEqual([]);
  });
});

describe("ranking, filters and pages", () => {
  it("ranks a title match above a body match, then the most recent first", async () => {
    const word = uniqueHan();
    const base = new Date(Date.now() - 86_400_000);
    const inBody = await createArticle({ title: "正文里有", publishedAt: minutesAfter(base, 30) });
    await prisma.article.update({ where: { id: inBody.id }, data: { bodyText: `这里写着${word}。` } });
    const olderTitle = await createArticle({ title: `${word}旧`, publishedAt: base });
    const newerTitle = await createArticle({ title: `${word}新`, publishedAt: minutesAfter(base, 10) });
    for (const { id } of [inBody, olderTitle, newerTitle]) await index(id);
    expect(await foundIds(word)).toEqual([newerTitle.id, olderTitle.id, inBody.id]);
  });

  it("filters by channel", async () => {
    const word = uniqueHan();
    const channel = await createChannel();
    const inChannel = await createArticle({ title: word, channelId: channel.id });
    const elsewhere = await createArticle({ title: word });
    for (const { id } of [inChannel, elsewhere]) await index(id);
    expect(await foundIds(word, { channelId: channel.id })).toEqual([inChannel.id]);
  });

  it("pages through many results", async () => {
    const word = uniqueHan();
    const total = SEARCH_PAGE_SIZE + 5;
    for (let n = 0; n < total; n++) await index((await createArticle({ title: `${word}第${n}篇` })).id);
    const first = await searchPublished({ q: word, page: 1 });
    const second = await searchPublished({ q: word, page: 2 });
    const beyond = await searchPublished({ q: word, page: 99 });
    expect(first).toMatchObject({ total, page: 1, pageCount: 2 });
    expect(first.items).toHaveLength(SEARCH_PAGE_SIZE);
    expect(second.items).toHaveLength(5);
    expect(beyond.page).toBe(2);
    expect(new Set([...first.items, ...second.items].map((item) => item.id)).size).toBe(total);
  });
});

describe("a broad query (more matches than are scored)", () => {
  it("lists title matches first, then the newest, in full pages without repeats, and counts only public matches", async () => {
    const word = uniqueHan(2);
    const base = Date.now() - 10 * 86_400_000;
    const bodyOnly = SCORED_MATCHES + 30;
    await prisma.article.createMany({
      data: Array.from({ length: bodyOnly }, (_, n) => ({
        title: `正文提到第${n}篇`,
        bodyHtml: "",
        bodyText: `这里写着${word}。`,
        status: "published",
        publishedAt: new Date(base + n * 60_000),
      })),
    });
    const inTitles = [
      await createArticle({ title: `${word}标题甲`, publishedAt: new Date(base) }),
      await createArticle({ title: `${word}标题乙`, publishedAt: new Date(base + 1000) }),
    ];
    const hidden = [await createArticle({ title: `${word}草稿`, status: "draft" }), await createArticle({ title: `${word}定时`, publishedAt: new Date(Date.now() + 3_600_000) })];
    await reindexAll();
    const first = await searchPublished({ q: word, page: 1 });
    const second = await searchPublished({ q: word, page: 2 });
    expect(first.total).toBe(bodyOnly + inTitles.length);
    expect(first.items).toHaveLength(SEARCH_PAGE_SIZE);
    expect(second.items).toHaveLength(SEARCH_PAGE_SIZE);
    const firstIds = first.items.map((item) => item.id);
    expect(firstIds.slice(0, 2).sort()).toEqual(inTitles.map((article) => article.id).sort());
    expect(second.items.filter((item) => firstIds.includes(item.id))).toEqual([]);
    // After the title matches, newest first.
    const times = [...first.items.slice(2), ...second.items].map((item) => item.publishedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    for (const article of hidden) expect([...firstIds, ...second.items.map((item) => item.id)]).not.toContain(article.id);
    const last = await searchPublished({ q: word, page: 999 });
    expect(last.page).toBe(first.pageCount);
    expect(last.items).toHaveLength((bodyOnly + inTitles.length) % SEARCH_PAGE_SIZE || SEARCH_PAGE_SIZE);
  });
});

describe("reindexAll", () => {
  it("rewrites every article's row from its current text, drops rows of deleted articles, and reports progress", async () => {
    const [word, stale] = [uniqueHan(), uniqueHan()];
    const published = await createArticle({ title: word });
    const draft = await createArticle({ title: word, status: "draft" });
    // Rows out of step: the draft's holds text it no longer has, another belongs to no article.
    await prisma.$executeRawUnsafe('INSERT INTO "ArticleSearch" (rowid, title_tokens, body_tokens) VALUES (?, ?, ?)', draft.id, stale, "");
    await prisma.$executeRawUnsafe('INSERT INTO "ArticleSearch" (rowid, title_tokens, body_tokens) VALUES (?, ?, ?)', 99_999_999, stale, "");
    const progress: number[] = [];
    const result = await reindexAll({ onProgress: ({ done }) => void progress.push(done) });
    expect(result.done).toBe(await prisma.article.count());
    expect(progress.at(-1)).toBe(result.done);
    expect(await foundIds(word, { now: new Date(Date.now() + 1000) })).toEqual([published.id]);
    const [{ rows }] = await prisma.$queryRawUnsafe<{ rows: number | bigint }[]>('SELECT count(*) AS rows FROM "ArticleSearch"');
    expect(Number(rows)).toBe(await prisma.article.count());
    const [{ staleRows }] = await prisma.$queryRawUnsafe<{ staleRows: number | bigint }[]>(
      'SELECT count(*) AS staleRows FROM "ArticleSearch" WHERE "ArticleSearch" MATCH ?',
      `"${stale}"`,
    );
    expect(Number(staleRows)).toBe(0);
  });

  it("keeps a save made while it runs, and leaves the term statistics readable", async () => {
    const [before, during] = [uniqueHan(), uniqueHan()];
    const article = await createArticle({ title: before });
    await index(article.id);
    let saved = false;
    await reindexAll({
      onProgress: async () => {
        if (saved) return;
        saved = true;
        // A save lands after the rebuild has copied this article into the new index.
        await prisma.$transaction(async (tx) => {
          await tx.article.update({ where: { id: article.id }, data: { title: during, summary: "", bodyText: "" } });
          await indexArticle(tx, article.id);
        });
      },
    });
    expect(saved).toBe(true);
    expect(await foundIds(during, { now: new Date(Date.now() + 1000) })).toEqual([article.id]);
    expect(await foundIds(before, { now: new Date(Date.now() + 1000) })).toEqual([]);
    const terms = await prisma.$queryRawUnsafe<{ doc: number | bigint }[]>('SELECT doc FROM "ArticleSearchTerms" WHERE term = ?', [...during].slice(0, 2).join(""));
    expect(terms.map((row) => Number(row.doc))).toEqual([1]);
  });
});
