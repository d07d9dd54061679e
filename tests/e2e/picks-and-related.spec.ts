import { expect, test } from "@playwright/test";
import { fixtures } from "./support";

test("新闻推荐 link to public targets, keep their own text otherwise; 相关推荐 exclude the article and its picks", async ({ page }) => {
  const { withPicksId, pickTargetId, hidden } = fixtures();
  await page.goto(`/articles/${withPicksId}`);
  const picks = page.getByRole("region", { name: "新闻推荐" }).getByRole("listitem");
  await expect(picks).toHaveCount(3);
  await expect(picks.nth(0).getByRole("link")).toHaveAttribute("href", `/articles/${pickTargetId}`);
  await expect(picks.nth(0)).toContainText("测试稿件第11篇");
  await expect(picks.nth(1)).toContainText("草稿推荐标题");
  await expect(picks.nth(1).getByRole("link")).toHaveCount(0);
  await expect(page.locator(`a[href="/articles/${hidden.draft}"]`)).toHaveCount(0);
  await expect(picks.nth(2)).toContainText("外部推荐摘要");

  const related = page.getByRole("region", { name: "相关推荐" }).getByRole("link");
  await expect(related).toHaveCount(6);
  const hrefs = await related.evaluateAll((links) => links.map((link) => link.getAttribute("href")));
  expect(hrefs).not.toContain(`/articles/${withPicksId}`);
  expect(hrefs).not.toContain(`/articles/${pickTargetId}`);

  await expect(page.getByRole("navigation", { name: "上一篇和下一篇" }).getByRole("link", { name: /^上一篇/ })).toBeVisible();
});
