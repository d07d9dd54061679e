import { expect, test } from "@playwright/test";
import { asRole, fixtures, openEditor } from "./support";

test("新闻推荐 link to public targets, keep their own text otherwise; 相关推荐 list similar articles, not the article nor its picks", async ({ page }) => {
  const { withPicksId, pickTargetId, hidden, similarIds } = fixtures();
  await page.goto(`/articles/${withPicksId}`);
  const picks = page.getByRole("region", { name: "新闻推荐" }).getByRole("listitem");
  await expect(picks).toHaveCount(3);
  await expect(picks.nth(0).getByRole("link")).toHaveAttribute("href", `/articles/${pickTargetId}`);
  await expect(picks.nth(0)).toContainText("测试稿件第11篇");
  await expect(picks.nth(1)).toContainText("草稿推荐标题");
  await expect(picks.nth(1).getByRole("link")).toHaveCount(0);
  await expect(page.locator(`a[href="/articles/${hidden.draft}"]`)).toHaveCount(0);
  await expect(picks.nth(2)).toContainText("外部推荐摘要");

  // The three articles about roses (and the founding article, which speaks of 平阴's roses too); not
  // the unrelated test articles of its own channel, nor the pick target, though it is about roses.
  const region = page.getByRole("region", { name: "相关推荐" });
  await expect(region).toContainText("玫瑰精油销路广");
  const hrefs = await region.getByRole("link").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
  expect(hrefs).toEqual(expect.arrayContaining(similarIds.map((id) => `/articles/${id}`)));
  expect(hrefs).not.toContain(`/articles/${withPicksId}`);
  expect(hrefs).not.toContain(`/articles/${pickTargetId}`);
  expect(hrefs.length).toBeLessThanOrEqual(4);
  await expect(region).not.toContainText("测试稿件");

  await expect(page.getByRole("navigation", { name: "上一篇和下一篇" }).getByRole("link", { name: /^上一篇/ })).toBeVisible();
});

test("the edit form shows the automatic 相关推荐 beside the picks, and one can be made a pick", async ({ browser }) => {
  const { withPicksId } = fixtures();
  const editor = await (await browser.newContext(asRole("editor"))).newPage();
  await openEditor(editor, `/editor/articles/${withPicksId}`);
  const suggestions = editor.getByRole("region", { name: "相关推荐（自动）" });
  await expect(suggestions).toContainText("玫瑰精油销路广");
  await expect(suggestions).not.toContainText("测试稿件");
  await suggestions.getByRole("button", { name: "设为新闻推荐：玫瑰精油销路广" }).click();
  await expect(editor.getByRole("group", { name: "新闻推荐" }).getByText("站内文章：玫瑰精油销路广")).toBeVisible();
  await expect(suggestions.getByRole("button", { name: "设为新闻推荐：玫瑰精油销路广" })).toHaveCount(0);
  await expect(suggestions.getByText("已在新闻推荐中")).toBeVisible();
  // Not saved: the fixture keeps its picks for the other tests.
});
