import { expect, test } from "@playwright/test";
import { fixtures } from "./support";

const bodyMetrics = (page: import("@playwright/test").Page) =>
  page
    .locator(".article-body p")
    .first()
    .evaluate((element) => {
      const style = getComputedStyle(element);
      return { fontSize: parseFloat(style.fontSize), lineHeight: parseFloat(style.lineHeight) };
    });

test("大字 enlarges the text and the choice persists across pages and visits", async ({ page, context }) => {
  const { publicIds } = fixtures();
  await page.goto(`/articles/${publicIds[0]}`);
  const toggle = page.getByRole("button", { name: "大字" });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  const before = await bodyMetrics(page);

  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  const after = await bodyMetrics(page);
  expect(after.fontSize).toBeGreaterThan(before.fontSize * 1.15);
  expect(after.lineHeight / after.fontSize).toBeGreaterThanOrEqual(1.5);

  await page.getByRole("link", { name: /^下一篇/ }).click();
  await expect(page.getByRole("button", { name: "大字" })).toHaveAttribute("aria-pressed", "true");
  expect((await bodyMetrics(page)).fontSize).toBeCloseTo(after.fontSize, 1);

  const later = await context.newPage();
  await later.goto(`/articles/${publicIds[5]}`);
  await expect(later.getByRole("button", { name: "大字" })).toHaveAttribute("aria-pressed", "true");

  await later.getByRole("button", { name: "大字" }).press("Enter");
  await expect(later.getByRole("button", { name: "大字" })).toHaveAttribute("aria-pressed", "false");
  expect((await bodyMetrics(later)).fontSize).toBeCloseTo(before.fontSize, 1);
});
