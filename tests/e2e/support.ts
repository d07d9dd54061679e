import { execFileSync } from "node:child_process";
import fs from "node:fs";
import type { Page } from "@playwright/test";
import { E2E_FIXTURES, e2eEnv, ROOT } from "./environment";
import type { E2EFixtures } from "./fixtures";

export function fixtures(): E2EFixtures {
  return JSON.parse(fs.readFileSync(E2E_FIXTURES, "utf8")) as E2EFixtures;
}

/** Creates an article that becomes public `seconds` from now; returns its id. */
export function scheduleArticle(title: string, seconds: number): number {
  const output = execFileSync("npx", ["tsx", "--conditions=react-server", "tests/e2e/schedule-article.ts", title, String(seconds)], { cwd: ROOT, env: e2eEnv, encoding: "utf8" });
  return Number(output.trim());
}

/** Parses XML with the browser's own parser; throws on a parse error. */
export async function parseXml(page: Page, xml: string): Promise<{ root: string; items: string[]; locs: string[] }> {
  await page.goto("about:blank");
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "application/xml");
    if (doc.querySelector("parsererror")) throw new Error(`invalid XML: ${doc.querySelector("parsererror")?.textContent}`);
    return {
      root: doc.documentElement.nodeName,
      items: Array.from(doc.getElementsByTagName("item")).map((item) => item.getElementsByTagName("title")[0]?.textContent ?? ""),
      locs: Array.from(doc.getElementsByTagName("loc")).map((loc) => loc.textContent ?? ""),
    };
  }, xml);
}
