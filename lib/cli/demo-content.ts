// Loads the founding article as demo content when the database has no article yet.
import fs from "node:fs";
import path from "node:path";
import { prisma } from "../db";
import { parseLegacyPage } from "../legacy-import/parse-legacy-page";
import { importLegacyPage } from "../legacy-import/import-page";
import { info } from "./output";
import { OperationError } from "../errors";

export const DEMO_FOLDER = path.resolve("prisma", "demo");

export async function loadDemoContent(): Promise<void> {
  if ((await prisma.article.count()) > 0) return;
  for (const name of fs
    .readdirSync(DEMO_FOLDER)
    .filter((file) => file.endsWith(".txt"))
    .sort()) {
    const parsed = parseLegacyPage(fs.readFileSync(path.join(DEMO_FOLDER, name), "utf8"));
    if (!parsed.ok) throw new OperationError(`demo page ${name}: ${parsed.reason}`);
    const outcome = await importLegacyPage(parsed.page);
    info(`demo content: ${name} ${outcome.status} as article ${outcome.articleId}`);
  }
}
