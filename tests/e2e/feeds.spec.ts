import { expect, test } from "@playwright/test";
import { fixtures, parseXml } from "./support";

test("site and channel RSS feeds are valid RSS 2.0 with dated items", async ({ page, request }) => {
  const { channel } = fixtures();
  const site = await request.get("/feed.xml");
  expect(site.headers()["content-type"]).toContain("application/rss+xml");
  const siteFeed = await parseXml(page, await site.text());
  expect(siteFeed.root).toBe("rss");
  expect(siteFeed.items).toContain("一小时前的测试稿件");
  // Newest first, 50 at most: other specs publish while this one runs, so the founding article (2020) may be past the 50th.
  expect(siteFeed.items.length).toBeLessThanOrEqual(50);

  const channelXml = await (await request.get(`/channels/${channel.slug}/feed.xml`)).text();
  const channelFeed = await parseXml(page, channelXml);
  expect(channelFeed.items.length).toBeGreaterThan(0);
  expect(channelFeed.items).not.toContain("“两手抓、两手赢”平阴为什么能");
  expect(channelXml).toMatch(/<pubDate>[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT<\/pubDate>/);
  expect((await request.get("/channels/no-such-channel/feed.xml")).status()).toBe(404);
});

test("a feed item carries its publish time and full text", async ({ request }) => {
  const { recentPublishedAt } = fixtures();
  const xml = await (await request.get("/feed.xml")).text();
  const item = xml.split("<item>").find((chunk) => chunk.includes("一小时前的测试稿件"))!;
  expect(item).toContain(`<pubDate>${new Date(recentPublishedAt).toUTCString()}</pubDate>`);
  expect(item).toContain("<content:encoded>");
  expect(item).toContain("第二段正文,用于测试。");
});

test("sitemap, news sitemap, robots.txt and health", async ({ page, request }) => {
  const { recentId, publicIds } = fixtures();
  const sitemap = await parseXml(page, await (await request.get("/sitemap.xml")).text());
  expect(sitemap.root).toBe("urlset");
  expect(sitemap.locs.some((loc) => loc.endsWith(`/articles/${publicIds[0]}`))).toBe(true);

  const newsXml = await (await request.get("/news-sitemap.xml")).text();
  const news = await parseXml(page, newsXml);
  expect(news.root).toBe("urlset");
  const recentIds = news.locs.map((loc) => loc.replace(/^.*\/articles\//, ""));
  expect(recentIds).toContain(String(recentId));
  expect(recentIds).not.toContain(String(publicIds[44]));
  expect(newsXml).toContain("<news:publication_date>");
  expect(newsXml).toMatch(/<news:publication_date>[^<]+\+08:00<\/news:publication_date>/);

  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toContain("Disallow: /editor");
  expect(robots).toMatch(/Sitemap: .*\/sitemap\.xml/);

  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ ok: true, database: "up" });
});
