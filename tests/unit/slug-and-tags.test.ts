import { describe, expect, it } from "vitest";
import { slugFromName } from "@/lib/channels/slug";
import { affectedTags, tags } from "@/lib/site/cache-tags";

describe("slugFromName", () => {
  it.each([
    ["平阴新闻", "pingyin"],
    ["济南新闻", "jinan"],
    ["章丘频道", "zhangqiu"],
    ["历城栏目", "licheng"],
    ["长清新闻", "changqing"],
    ["商河新闻", "shanghe"],
    ["历下新闻", "lixia"],
    ["平阴", "pingyin"],
    ["新闻", "xinwen"],
    ["Sports", "sports"],
    ["Sports News", "sports-news"],
    ["  Tech & Science  ", "tech-science"],
    ["NBA2024", "nba2024"],
    ["5G新闻", "5g"],
    ["!!!", "channel"],
    ["", "channel"],
  ])("%j → %s", (name, slug) => {
    expect(slugFromName(name)).toBe(slug);
  });

  it.each(["平阴新闻", "济南日报·体育", "Local News!", "城市 生活", "经济/财经"])("%j gives a URL-safe ASCII slug", (name) => {
    expect(slugFromName(name)).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });
});

describe("affectedTags", () => {
  it("lists the article, its channel, every byline author, the front page, feed and sitemap", () => {
    expect(affectedTags({ id: 7, channelId: 3, authorIds: [11, 12] })).toEqual(["article-7", "channel-3", "author-11", "author-12", "front", "feed", "sitemap"]);
  });

  it("skips the channel when the article has none", () => {
    const result = affectedTags({ id: 7, channelId: null, authorIds: [] });
    expect(result).toEqual(["article-7", "front", "feed", "sitemap"]);
    expect(result.some((tag) => tag.startsWith("channel-"))).toBe(false);
  });

  it("uses the same names the cached readers tag with", () => {
    const result = affectedTags({ id: 1, channelId: 2, authorIds: [3] });
    expect(result).toEqual(expect.arrayContaining([tags.article(1), tags.channel(2), tags.author(3), tags.front, tags.feed, tags.sitemap]));
  });

  it("distinguishes ids (article-1 vs article-10)", () => {
    expect(affectedTags({ id: 1, channelId: null, authorIds: [] })).not.toContain("article-10");
    expect(tags.article(1)).not.toBe(tags.article(10));
  });
});
