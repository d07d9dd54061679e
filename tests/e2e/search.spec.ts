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
