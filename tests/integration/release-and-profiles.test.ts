// Scheduled release tags, and the public channel/author reads around them.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { getAuthor, listAuthorIds } from "@/lib/authors/public";
import { getChannelBySlug, listChannels } from "@/lib/channels/public";
import { listReleasedTags } from "@/lib/site/release";
import { createArticle, createAuthor, createChannel, minutesAfter } from "./factories";

describe("listReleasedTags(since, until]", () => {
  it("returns the tags of every page an article that just fell due shows up on", async () => {
    const since = new Date("2040-01-01T00:00:00Z");
    const until = minutesAfter(since, 10);
    const channel = await createChannel();
    const reporter = await createAuthor();
    const photographer = await createAuthor("摄影", "摄影");
    const due = await createArticle({ publishedAt: minutesAfter(since, 5), channelId: channel.id, authorIds: [reporter.id, photographer.id] });
    const tags = await listReleasedTags(since, until);
    expect(new Set(tags)).toEqual(new Set([`article-${due.id}`, `channel-${channel.id}`, `author-${reporter.id}`, `author-${photographer.id}`, "front", "feed", "sitemap"]));
  });

  it("window is (since, until]: a publish time equal to until counts, equal to since does not", async () => {
    const since = new Date("2041-01-01T00:00:00Z");
    const until = minutesAfter(since, 10);
    const atSince = await createArticle({ publishedAt: since });
    const atUntil = await createArticle({ publishedAt: until });
    const afterUntil = await createArticle({ publishedAt: minutesAfter(until, 1 / 60_000) });
    const tags = await listReleasedTags(since, until);
    expect(tags).toContain(`article-${atUntil.id}`);
    expect(tags).not.toContain(`article-${atSince.id}`);
    expect(tags).not.toContain(`article-${afterUntil.id}`);
    // The next tick picks up what this one left out, without repeating atUntil.
    const next = await listReleasedTags(until, minutesAfter(until, 10));
    expect(next).toContain(`article-${afterUntil.id}`);
    expect(next).not.toContain(`article-${atUntil.id}`);
  });

  it("returns nothing for drafts, review or archived articles falling in the window", async () => {
    const since = new Date("2042-01-01T00:00:00Z");
    const until = minutesAfter(since, 10);
    const channel = await createChannel();
    const author = await createAuthor();
    for (const status of ["draft", "review", "archived"] as const) {
      await createArticle({ status, publishedAt: minutesAfter(since, 5), channelId: channel.id, authorIds: [author.id] });
    }
    expect(await listReleasedTags(since, until)).toEqual([]);
  });

  it("returns nothing when nothing fell due, and names each shared tag once", async () => {
    const since = new Date("2043-01-01T00:00:00Z");
    expect(await listReleasedTags(since, minutesAfter(since, 10))).toEqual([]);
    const channel = await createChannel();
    const author = await createAuthor();
    const first = await createArticle({ publishedAt: minutesAfter(since, 1), channelId: channel.id, authorIds: [author.id] });
    const second = await createArticle({ publishedAt: minutesAfter(since, 2), channelId: channel.id, authorIds: [author.id] });
    const orphan = await createArticle({ publishedAt: minutesAfter(since, 3) });
    const tags = await listReleasedTags(since, minutesAfter(since, 10));
    expect(tags).toHaveLength(new Set(tags).size);
    expect([...tags].sort()).toEqual(
      [`article-${first.id}`, `article-${second.id}`, `article-${orphan.id}`, `channel-${channel.id}`, `author-${author.id}`, "front", "feed", "sitemap"].sort(),
    );
  });
});

describe("public channel reads", () => {
  it("getChannelBySlug returns the channel with its tagline, null for an unknown slug", async () => {
    const channel = await createChannel("平阴");
    expect(await getChannelBySlug(channel.slug)).toEqual({ id: channel.id, slug: channel.slug, name: channel.name, tagline: channel.tagline });
    expect(await getChannelBySlug("no-such-channel")).toBeNull();
  });

  it("listChannels follows the display order, then creation order", async () => {
    const third = await prisma.channel.create({ data: { name: "排序丙", slug: "order-c", position: 900 } });
    const first = await prisma.channel.create({ data: { name: "排序甲", slug: "order-a", position: 100 } });
    const secondA = await prisma.channel.create({ data: { name: "排序乙一", slug: "order-b1", position: 500 } });
    const secondB = await prisma.channel.create({ data: { name: "排序乙二", slug: "order-b2", position: 500 } });
    const ids = (await listChannels()).map((c) => c.id).filter((id) => [first.id, secondA.id, secondB.id, third.id].includes(id));
    expect(ids).toEqual([first.id, secondA.id, secondB.id, third.id]);
  });
});

describe("public author reads", () => {
  it("getAuthor returns the public profile only, null for an unknown id", async () => {
    const author = await prisma.author.create({ data: { name: "冯经伟", defaultRoleLabel: "本报记者", bio: "跑平阴线的记者" } });
    expect(await getAuthor(author.id)).toEqual({ id: author.id, name: "冯经伟", defaultRoleLabel: "本报记者", bio: "跑平阴线的记者" });
    expect(await getAuthor(2_000_000_000)).toBeNull();
  });

  it("names are not unique: two authors with the same name stay separate", async () => {
    const one = await prisma.author.create({ data: { name: "王芳" } });
    const two = await prisma.author.create({ data: { name: "王芳", defaultRoleLabel: "通讯员" } });
    expect(one.id).not.toBe(two.id);
    expect((await getAuthor(one.id))?.defaultRoleLabel).toBe("本报记者");
    expect((await getAuthor(two.id))?.defaultRoleLabel).toBe("通讯员");
  });

  it("listAuthorIds returns ids in order and honours the limit", async () => {
    await createAuthor();
    await createAuthor();
    const all = (await listAuthorIds(1000)).map((a) => a.id);
    expect(all).toEqual([...all].sort((a, b) => a - b));
    expect(await listAuthorIds(1)).toEqual([{ id: all[0] }]);
  });
});
