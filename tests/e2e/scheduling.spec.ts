import { expect, test } from "@playwright/test";
import { scheduleArticle } from "./support";

test("a scheduled article appears on its own within a minute of its publish time", async ({ request }) => {
  test.setTimeout(120_000);
  const title = `定时发布测试${Date.now()}`;
  const id = scheduleArticle(title, 8);
  expect((await request.get(`/articles/${id}`)).status()).toBe(404);
  expect(await (await request.get("/")).text()).not.toContain(title);

  await expect.poll(async () => (await request.get(`/articles/${id}`)).status(), { timeout: 70_000, intervals: [2000] }).toBe(200);
  await expect.poll(async () => (await (await request.get("/")).text()).includes(title), { timeout: 10_000 }).toBe(true);
  expect(await (await request.get("/feed.xml")).text()).toContain(title);
});
