// Paginated channel and author lists: 20 per page, newest first, a stable order for equal times.
import { beforeAll, describe, expect, it } from "vitest";
import { PAGE_SIZE, listAuthorArticles, listChannelArticles } from "@/lib/articles/public";
import { prisma } from "@/lib/db";
import { createArticle, createAuthor, createChannel, minutesAfter } from "./factories";

const base = new Date("2020-03-02T03:09:00Z");

describe("a channel with 45 public articles", () => {
  let channelId: number;
  let newestFirst: number[];

  beforeAll(async () => {
    const channel = await createChannel();
    channelId = channel.id;
    const created: { id: number; minute: number }[] = [];
    // Insertion order differs from publish order, so id order cannot fake a correct result.
    for (let index = 0; index < 45; index++) {
      const minute = (index * 17) % 45;
      const article = await createArticle({ channelId, publishedAt: minutesAfter(base, minute) });
      created.push({ id: article.id, minute });
    }
    await createArticle({ channelId, status: "draft", publishedAt: minutesAfter(base, 100) });
    await createArticle({ channelId, status: "archived", publishedAt: minutesAfter(base, 101) });
    newestFirst = created.sort((a, b) => b.minute - a.minute).map((a) => a.id);
  });

  it("has 3 pages of 20, 20 and 5 items", async () => {
    expect(PAGE_SIZE).toBe(20);
    const pages = await Promise.all([1, 2, 3].map((page) => listChannelArticles(channelId, page)));
    expect(pages.map((p) => p.items.length)).toEqual([20, 20, 5]);
    for (const [index, page] of pages.entries()) expect(page).toMatchObject({ page: index + 1, pageCount: 3, total: 45 });
  });

  it("lists newest first across pages, each article exactly once", async () => {
    const ids: number[] = [];
    for (const page of [1, 2, 3]) ids.push(...(await listChannelArticles(channelId, page)).items.map((a) => a.id));
    expect(ids).toEqual(newestFirst);
  });

  it("list items carry what a list shows: title, summary, time, channel, byline", async () => {
    const [first] = (await listChannelArticles(channelId, 1)).items;
    expect(first.publishedAt).toEqual(minutesAfter(base, 44));
    expect(first.title).toMatch(/^标题-/);
    expect(first.summary).toBe(`${first.title}的摘要`);
    expect(first.channel?.id).toBe(channelId);
    expect(first.bylines).toEqual([]);
  });

  it("a page past the end is empty but still reports the page count", async () => {
    expect(await listChannelArticles(channelId, 4)).toMatchObject({ items: [], page: 4, pageCount: 3, total: 45 });
  });
});

describe("an empty channel", () => {
  it("has one empty page", async () => {
    const channel = await createChannel();
    await createArticle({ channelId: channel.id, status: "draft" });
    expect(await listChannelArticles(channel.id, 1)).toEqual({ items: [], page: 1, pageCount: 1, total: 0 });
  });
});

describe("equal publish times", () => {
  it("keep one stable order (newest id first) so paging neither repeats nor skips", async () => {
    const channel = await createChannel();
    const sameTime = new Date("2021-07-01T00:00:00Z");
    const created = [];
    for (let index = 0; index < 25; index++) created.push((await createArticle({ channelId: channel.id, publishedAt: sameTime })).id);
    const first = await listChannelArticles(channel.id, 1);
    const second = await listChannelArticles(channel.id, 2);
    const ids = [...first.items, ...second.items].map((a) => a.id);
    expect(ids).toEqual([...created].sort((a, b) => b - a));
    const again = [...(await listChannelArticles(channel.id, 1)).items, ...(await listChannelArticles(channel.id, 2)).items].map((a) => a.id);
    expect(again).toEqual(ids);
  });
});

describe("author pages", () => {
  it("page through the author's public articles, including co-bylined ones", async () => {
    const author = await createAuthor("记者");
    const colleague = await createAuthor("通讯员", "通讯员");
    const solo = [];
    for (let index = 0; index < 20; index++) solo.push((await createArticle({ authorIds: [author.id], publishedAt: minutesAfter(base, index) })).id);
    const shared = await createArticle({ authorIds: [colleague.id, author.id], publishedAt: minutesAfter(base, 500) });
    await createArticle({ authorIds: [author.id], status: "review", publishedAt: minutesAfter(base, 600) });
    await createArticle({ authorIds: [colleague.id], publishedAt: minutesAfter(base, 700) });

    const first = await listAuthorArticles(author.id, 1);
    const second = await listAuthorArticles(author.id, 2);
    expect(first).toMatchObject({ pageCount: 2, total: 21 });
    expect(first.items).toHaveLength(20);
    expect(first.items[0].id).toBe(shared.id);
    expect(first.items[0].bylines.map((b) => b.author.id)).toEqual([colleague.id, author.id]);
    expect(second.items.map((a) => a.id)).toEqual([solo[0]]);

    const colleaguePage = await listAuthorArticles(colleague.id, 1);
    expect(colleaguePage.total).toBe(2);
    expect(colleaguePage.items.map((a) => a.id)).toContain(shared.id);
  });

  it("an author with no public articles has one empty page", async () => {
    const author = await createAuthor();
    await createArticle({ authorIds: [author.id], status: "draft" });
    expect(await listAuthorArticles(author.id, 1)).toMatchObject({ items: [], pageCount: 1, total: 0 });
    expect(await prisma.byline.count({ where: { authorId: author.id } })).toBe(1);
  });
});
