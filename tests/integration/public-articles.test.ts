import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { getPublicArticle } from "@/lib/articles/public";
import { parseLegacyPage } from "@/lib/legacy-import/parse-legacy-page";
import { importLegacyPage } from "@/lib/legacy-import/import-page";

describe("founding article", () => {
  it("imports the fixture and reads it back as a public article", async () => {
    const parsed = parseLegacyPage(fs.readFileSync("prisma/demo/jnrb-2020-03-02-pingyin.txt", "utf8"));
    if (!parsed.ok) throw new Error(parsed.reason);
    const { articleId } = await importLegacyPage(parsed.page);
    const article = await getPublicArticle(articleId);
    expect(article?.title).toBe("“两手抓、两手赢”平阴为什么能");
    const [{ journal_mode }] = await prisma.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    expect(journal_mode).toBe("wal");
  });
});
