// Only published articles whose publish time has passed are visible through any public read.
import { beforeAll, describe, expect, it } from "vitest";
import { getPublicArticle, listAuthorArticles, listChannelArticles, listFeedArticles, listLatestArticles, listSitemapEntries } from "@/lib/articles/public";
import { createArticle, createAuthor, createChannel, minutesAfter, unique } from "./factories";

type Reads = Record<string, (now?: Date) => Promise<number[]>>;

function publicReads(channelId: number, authorId: number): Reads {
  return {
    listLatestArticles: async (now) => (await listLatestArticles(1000, now)).map((a) => a.id),
    listChannelArticles: async (now) => (await listChannelArticles(channelId, 1, now)).items.map((a) => a.id),
    listAuthorArticles: async (now) => (await listAuthorArticles(authorId, 1, now)).items.map((a) => a.id),
    listFeedArticles: async (now) => (await listFeedArticles({ limit: 1000 }, now)).map((a) => a.id),
    listChannelFeed: async (now) => (await listFeedArticles({ channelId, limit: 1000 }, now)).map((a) => a.id),
    listSitemapEntries: async (now) => (await listSitemapEntries({}, now)).map((a) => a.id),
  };
}

describe("visibility with the real clock", () => {
  const ids: Record<string, number> = {};
  let reads: Reads;

  beforeAll(async () => {
    const channel = await createChannel();
    const author = await createAuthor();
    const past = new Date(Date.now() - 3_600_000);
    const future = new Date(Date.now() + 3_600_000);
    const make = (status: "draft" | "review" | "published" | "archived", publishedAt: Date | null) =>
      createArticle({ status, publishedAt, channelId: channel.id, authorIds: [author.id] }).then((a) => a.id);
    ids.published = await make("published", past);
    ids.draft = await make("draft", past);
    ids.draftWithoutTime = await make("draft", null);
    ids.review = await make("review", past);
    ids.archived = await make("archived", past);
    ids.scheduled = await make("published", future);
    ids.publishedWithoutTime = await make("published", null);
    reads = publicReads(channel.id, author.id);
  });

  const hidden = ["draft", "draftWithoutTime", "review", "archived", "scheduled", "publishedWithoutTime"];

  it.each(["listLatestArticles", "listChannelArticles", "listAuthorArticles", "listFeedArticles", "listChannelFeed", "listSitemapEntries"])(
    "%s shows the published article and nothing else",
    async (name) => {
      const visible = await reads[name]();
      expect(visible).toContain(ids.published);
      for (const key of hidden) expect(visible, key).not.toContain(ids[key]);
    },
  );

  it("getPublicArticle returns the published article", async () => {
    expect((await getPublicArticle(ids.published))?.id).toBe(ids.published);
  });

  it.each(hidden)("getPublicArticle hides the %s article", async (key) => {
    expect(await getPublicArticle(ids[key])).toBeNull();
  });

  it("getPublicArticle returns null for an id that does not exist", async () => {
    expect(await getPublicArticle(2_000_000_000)).toBeNull();
  });

  it("channel and author totals count public articles only", async () => {
    const channel = await createChannel();
    const author = await createAuthor();
    await createArticle({ channelId: channel.id, authorIds: [author.id] });
    await createArticle({ status: "draft", channelId: channel.id, authorIds: [author.id] });
    await createArticle({ publishedAt: new Date(Date.now() + 60_000), channelId: channel.id, authorIds: [author.id] });
    expect(await listChannelArticles(channel.id, 1)).toMatchObject({ total: 1, pageCount: 1 });
    expect(await listAuthorArticles(author.id, 1)).toMatchObject({ total: 1, pageCount: 1 });
  });
});

describe("visibility with an explicit now: a scheduled article goes live on time", () => {
  const releaseAt = new Date("2031-05-04T02:00:00Z"); // 10:00 in Shanghai
  let scheduledId: number;
  let draftId: number;
  let reads: Reads;

  beforeAll(async () => {
    const channel = await createChannel();
    const author = await createAuthor();
    scheduledId = (await createArticle({ publishedAt: releaseAt, channelId: channel.id, authorIds: [author.id] })).id;
    draftId = (await createArticle({ status: "draft", publishedAt: minutesAfter(releaseAt, -60), channelId: channel.id, authorIds: [author.id] })).id;
    reads = publicReads(channel.id, author.id);
  });

  it.each([
    ["one millisecond before", -1 / 60_000, false],
    ["exactly at its publish time", 0, true],
    ["a minute later", 1, true],
  ])("%s the publish time → visible: %s", async (_label, offsetMinutes, visible) => {
    const now = minutesAfter(releaseAt, offsetMinutes);
    for (const [name, read] of Object.entries(reads)) {
      const ids = await read(now);
      expect(ids.includes(scheduledId), name).toBe(visible);
      expect(ids, name).not.toContain(draftId);
    }
    expect((await getPublicArticle(scheduledId, now))?.id ?? null).toBe(visible ? scheduledId : null);
    expect(await getPublicArticle(draftId, now)).toBeNull();
  });

  it("is still invisible with the real clock today", async () => {
    expect(await getPublicArticle(scheduledId)).toBeNull();
    expect((await listLatestArticles(1000)).map((a) => a.id)).not.toContain(scheduledId);
  });
});

describe("sitemap entries", () => {
  it("`since` narrows to recent publishing, still public only, newest first", async () => {
    const now = new Date("2032-01-10T00:00:00Z");
    const old = await createArticle({ title: unique("旧"), publishedAt: minutesAfter(now, -3 * 24 * 60) });
    const recent = await createArticle({ title: unique("新"), publishedAt: minutesAfter(now, -60) });
    const newest = await createArticle({ title: unique("最新"), publishedAt: minutesAfter(now, -5) });
    const scheduled = await createArticle({ publishedAt: minutesAfter(now, 5) });
    const draft = await createArticle({ status: "draft", publishedAt: minutesAfter(now, -10) });
    const entries = await listSitemapEntries({ since: minutesAfter(now, -48 * 60) }, now);
    expect(entries.map((e) => e.id)).toEqual([newest.id, recent.id]);
    expect(entries[0]).toMatchObject({ title: newest.title, publishedAt: newest.publishedAt });
    const all = (await listSitemapEntries({}, now)).map((e) => e.id);
    expect(all).toEqual(expect.arrayContaining([old.id, recent.id, newest.id]));
    expect(all).not.toContain(scheduled.id);
    expect(all).not.toContain(draft.id);
  });
});

describe("latest articles and feeds", () => {
  it("are newest first, honour the limit, and carry body and source in feeds", async () => {
    const now = new Date("2033-03-03T00:00:00Z");
    const channel = await createChannel();
    const created = [];
    for (let index = 0; index < 5; index++) created.push(await createArticle({ channelId: channel.id, publishedAt: minutesAfter(now, -10 + index) }));
    const newestFirst = created.map((a) => a.id).reverse();
    expect((await listLatestArticles(3, now)).map((a) => a.id)).toEqual(newestFirst.slice(0, 3));
    const feed = await listFeedArticles({ channelId: channel.id, limit: 2 }, now);
    expect(feed.map((a) => a.id)).toEqual(newestFirst.slice(0, 2));
    expect(feed[0]).toMatchObject({ source: "济南日报", channel: { id: channel.id, slug: channel.slug, name: channel.name } });
    expect(feed[0].bodyHtml).toContain("<p>");
  });
});
