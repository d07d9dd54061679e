import { expect, test } from "@playwright/test";
import { fixtures } from "./support";

test("channel page: tagline, 20 articles a page, page links, and a clear message past the end", async ({ page }) => {
  const { channel } = fixtures();
  await page.goto("/");
  await page.getByRole("navigation", { name: "栏目" }).getByRole("link", { name: channel.name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(channel.name);
  await expect(page.getByText("测试频道,只为端到端测试。")).toBeVisible();
  // Next keeps pages navigated away from in hidden <Activity> trees, so count only what is shown.
  const items = page.locator(".article-list > li").filter({ visible: true });
  await expect(items).toHaveCount(20);
  await expect(items.first()).toContainText("一小时前的测试稿件");

  const pagination = page.getByRole("navigation", { name: "分页" });
  await pagination.getByRole("link", { name: "下一页" }).click();
  await expect(page).toHaveURL(new RegExp(`/channels/${channel.slug}\\?page=2$`));
  await expect(pagination.locator('[aria-current="page"]')).toHaveText("2");
  await expect(items).toHaveCount(20);

  await page.goto(`/channels/${channel.slug}?page=3`);
  await expect(items).toHaveCount(7);
  await expect(items.last()).toContainText("测试稿件第1篇");
  await expect(pagination.getByRole("link", { name: "下一页" })).toHaveCount(0);

  for (const bad of ["99", "0", "abc", "-1"]) {
    const response = await page.goto(`/channels/${channel.slug}?page=${bad}`);
    expect(response?.status()).toBeLessThan(500);
    await expect(page.getByText("没有这一页")).toBeVisible();
  }
});

test("author page lists the author's public articles with pagination", async ({ page }) => {
  const { authorId, publicIds } = fixtures();
  await page.goto(`/articles/${publicIds[3]}`);
  await page.locator(".byline").getByRole("link", { name: "端到端记者" }).click();
  await expect(page).toHaveURL(new RegExp(`/authors/${authorId}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("端到端记者");
  await expect(page.getByText("测试用的作者。")).toBeVisible();
  await expect(page.locator(".article-list > li").filter({ visible: true })).toHaveCount(20);
  await page.getByRole("navigation", { name: "分页" }).getByRole("link", { name: "第 3 页" }).click();
  await expect(page.locator(".article-list > li").filter({ visible: true })).toHaveCount(7);
});

test("front page lists the newest articles and the channels", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "最新文章" })).toBeVisible();
  await expect(page.locator(".article-list")).toContainText("一小时前的测试稿件");
  await expect(page.getByRole("complementary").getByRole("link", { name: "平阴新闻" })).toBeVisible();
});

test("unknown pages get the Chinese 404 page", async ({ page }) => {
  for (const path of ["/articles/999999", "/articles/abc", "/articles/1.5", "/channels/no-such-channel", "/authors/999999", "/no/such/page"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
    await expect(page.getByRole("link", { name: "返回首页" })).toBeVisible();
  }
});
