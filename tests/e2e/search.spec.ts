import { expect, test } from "@playwright/test";

test("search from the site header finds the founding article with highlighted matches", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("searchbox", { name: "搜索文章" }).fill("复工复产");
  await page.getByRole("searchbox", { name: "搜索文章" }).press("Enter");
  await expect(page).toHaveURL(/\/search\?q=/);
  const results = page.locator(".search-results > li");
  await expect(results.first()).toBeVisible();
  const founding = results.filter({ hasText: "“两手抓、两手赢”平阴为什么能" });
  await expect(founding).toHaveCount(1);
  await expect(founding.locator("mark").first()).toHaveText("复工复产");

  for (const q of ["疫", "平阴", "玫德集团", "２．６亿元", '"两手抓"', 'NEAR OR ")(', "*"]) {
    const response = await page.goto(`/search?q=${encodeURIComponent(q)}`);
    expect(response?.status(), q).toBe(200);
  }
  await page.goto(`/search?q=${encodeURIComponent("隐藏草稿XDRAFT")}`);
  await expect(page.getByText("没有找到")).toBeVisible();
});

test("search results come in pages of 20 with working page links, and no article appears twice", async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent("测试稿件")}`);
  await expect(page.getByRole("status")).toContainText(/找到 (4[7-9]|[5-9]\d) 篇/);
  const titles = () => page.locator(".search-results > li h2").filter({ visible: true }).allTextContents();
  const first = await titles();
  expect(first).toHaveLength(20);
  const pagination = page.getByRole("navigation", { name: "分页" });
  await pagination.getByRole("link", { name: "下一页" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(pagination.locator('[aria-current="page"]')).toHaveText("2");
  const second = await titles();
  expect(second).toHaveLength(20);
  expect(second.filter((title) => first.includes(title))).toEqual([]);
  await pagination.getByRole("link", { name: "第 3 页" }).click();
  await expect(page).toHaveURL(/page=3/);
  expect((await titles()).length).toBeGreaterThan(0);
  await expect(page.locator(".search-results mark").first()).toHaveText("测试稿件");
});

test("a query in traditional characters finds the simplified founding article", async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent("復工復產")}`);
  const founding = page.locator(".search-results > li").filter({ hasText: "“两手抓、两手赢”平阴为什么能" });
  await expect(founding).toHaveCount(1);
  await expect(founding.locator("mark").first()).toHaveText("复工复产");
});

test("the date range narrows results, stays in the form and in the page links", async ({ page }) => {
  const founding = page.locator(".search-results > li").filter({ hasText: "“两手抓、两手赢”平阴为什么能" });
  await page.goto(`/search?q=${encodeURIComponent("平阴")}`);
  await page.getByLabel("起始日期").fill("2020-03-01");
  await page.getByLabel("截止日期").fill("2020-03-03");
  await page.locator(".search-form").getByRole("button", { name: "搜索" }).click();
  await expect(page).toHaveURL(/from=2020-03-01&to=2020-03-03/);
  await expect(founding).toHaveCount(1);
  await expect(page.getByLabel("起始日期")).toHaveValue("2020-03-01");
  await page.goto(`/search?q=${encodeURIComponent("平阴")}&from=2020-03-03&to=2020-03-31`);
  await expect(page.getByText("没有找到")).toBeVisible();
  await page.goto(`/search?q=${encodeURIComponent("测试稿件")}&from=2020-01-01`);
  await expect(page.getByRole("navigation", { name: "分页" }).getByRole("link", { name: "下一页" })).toHaveAttribute("href", /from=2020-01-01/);
});
