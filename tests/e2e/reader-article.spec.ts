import fs from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { parseLegacyPage } from "../../lib/legacy-import/parse-legacy-page";

const fixturePage = (() => {
  const parsed = parseLegacyPage(fs.readFileSync("prisma/demo/jnrb-2020-03-02-pingyin.txt", "utf8"));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.page;
})();

async function openFoundingArticle(page: Page) {
  await page.goto("/");
  await page.getByRole("navigation", { name: "栏目" }).getByRole("link", { name: "平阴新闻" }).click();
  await page.getByRole("link", { name: fixturePage.title }).click();
  await expect(page).toHaveURL(/\/articles\/\d+$/);
}

test("the founding article reads exactly like the fixture page", async ({ page }) => {
  await openFoundingArticle(page);

  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("“两手抓、两手赢”平阴为什么能");
  const meta = page.locator(".article-meta");
  await expect(meta).toContainText("济南日报");
  await expect(meta.locator("time")).toHaveText("2020-03-02 11:09");
  await expect(meta.locator("time")).toHaveAttribute("datetime", "2020-03-02T11:09:00+08:00");

  const paragraphs = await page.locator(".article-body p").allTextContents();
  expect(paragraphs).toHaveLength(15);
  expect(paragraphs).toEqual(fixturePage.paragraphs);

  await expect(page.locator(".byline")).toHaveText("(本报记者 冯经伟)");
  await expect(page.locator(".byline").getByRole("link", { name: "冯经伟" })).toHaveAttribute("href", /\/authors\/\d+$/);

  const picks = page.getByRole("region", { name: "新闻推荐" });
  await expect(picks.getByRole("listitem")).toHaveCount(1);
  await expect(picks).toContainText("权威发布、5G加速、AI协同,在科技战“疫”背后 济南通信运营商的“硬核”担当");
  await expect(picks).toContainText("领导小组提醒您……");

  await expect(page.getByRole("complementary", { name: "栏目介绍" })).toContainText("平阴新闻,新鲜有料。可以走尽是天涯,难以品尽是故乡。");
});

test("article metadata: title, description, canonical, Open Graph and NewsArticle JSON-LD", async ({ page }) => {
  await openFoundingArticle(page);
  const url = page.url();
  await expect(page).toHaveTitle(/^“两手抓、两手赢”平阴为什么能 - /);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /^1月25日,大年初一。/);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", url);
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", fixturePage.title);
  await expect(page.locator('meta[property="article:published_time"]')).toHaveAttribute("content", "2020-03-02T11:09:00+08:00");

  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  expect(jsonLd["@type"]).toBe("NewsArticle");
  expect(jsonLd.headline).toBe(fixturePage.title);
  expect(jsonLd.datePublished).toBe("2020-03-02T11:09:00+08:00");
  expect(jsonLd.dateModified).toMatch(/\+08:00$/);
  expect(jsonLd.author).toEqual([expect.objectContaining({ "@type": "Person", name: "冯经伟" })]);
  expect(jsonLd.publisher).toEqual(expect.objectContaining({ "@type": "Organization" }));
});

test("print styles hide navigation and the 大字 switch but keep the article", async ({ page }) => {
  await openFoundingArticle(page);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "大字" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "栏目" })).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator(".article-body p").first()).toBeVisible();
});

test("the article page fits a 360 px phone without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openFoundingArticle(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByRole("button", { name: "大字" })).toBeVisible();
});
