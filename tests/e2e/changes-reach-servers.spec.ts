// A change made outside the server process reaches its cached pages through the database
// (lib/site/tag-events.ts, tag-sync.ts): no request to the server, whatever port it listens on.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ROOT } from "./environment";
import { runCms } from "./support";

test("a page imported with the CLI while the site runs is on the front page within 2 s", async ({ request }) => {
  const title = `命令行导入测试${Date.now()}`;
  const now = new Date(Date.now() + 8 * 3600_000 - 60_000).toISOString(); // Shanghai time, a minute ago
  const file = path.join(ROOT, "tests/.tmp", `cli-import-${Date.now()}.txt`);
  fs.writeFileSync(file, [title, `济南日报 ${now.slice(0, 10)} ${now.slice(11, 16)}`, "命令行导入的正文。", "(记者 冯经伟)"].join("\n"));
  for (let i = 0; i < 2; i++) expect(await (await request.get("/")).text()).not.toContain(title); // cached without it

  const output = runCms(["import", file]);
  expect(output).toContain("1 imported");
  expect(output).toMatch(/public pages: \d+ cache tags recorded/);
  await expect
    .poll(async () => (await request.get("/")).text(), { message: "the front page shows the imported article within 2 s", timeout: 2000, intervals: [100] })
    .toContain(title);
  fs.rmSync(file);
});
