import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { expect, type Page } from "@playwright/test";
import { E2E_FIXTURES, E2E_SITE_SETTINGS_LOCK, E2E_USERS, e2eEnv, ROOT, storageStatePath, type E2ERole } from "./environment";
import type { E2EFixtures } from "./fixtures";
import type { PhotoDetailsRequest } from "./photo-details";

export function fixtures(): E2EFixtures {
  return JSON.parse(fs.readFileSync(E2E_FIXTURES, "utf8")) as E2EFixtures;
}

/** Creates an article that becomes public `seconds` from now; returns its id. */
export function scheduleArticle(title: string, seconds: number): number {
  const output = execFileSync("npx", ["tsx", "--conditions=react-server", "tests/e2e/schedule-article.ts", title, String(seconds)], { cwd: ROOT, env: e2eEnv, encoding: "utf8" });
  return Number(output.trim());
}

/** Runs `npm run cms -- …args` against the e2e installation, as an admin at a shell would; returns stdout. */
export function runCms(args: string[]): string {
  return execFileSync("npx", ["tsx", "--conditions=react-server", "lib/cli/main.ts", ...args], { cwd: ROOT, env: e2eEnv, encoding: "utf8" });
}

/** Sets photos' details through lib while the server runs (tests/e2e/photo-details.ts). */
export function setPhotoDetails(requests: PhotoDetailsRequest[]): void {
  execFileSync("npx", ["tsx", "--conditions=react-server", "tests/e2e/photo-details.ts", JSON.stringify(requests)], {
    cwd: ROOT,
    env: e2eEnv,
    stdio: ["ignore", "ignore", "inherit"],
  });
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

/** A browser context signed in as `role` (stored by sign-in.setup.ts). */
export function asRole(role: E2ERole) {
  return { storageState: storageStatePath(role) };
}

/** Waits until the edit form is interactive (hydrated), so typing is never lost to hydration. */
export async function openEditor(page: Page, path: string) {
  await page.goto(path);
  await page.getByRole("textbox", { name: "正文" }).waitFor();
}

/** Signs in through the real form (as a seeded role or given credentials) and waits to arrive at `returnTo`. */
export async function signIn(page: Page, who: E2ERole | { email: string; password: string; name: string }, returnTo = "/editor") {
  const user = typeof who === "string" ? E2E_USERS[who] : who;
  await page.goto(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  await page.getByRole("button", { name: "登录" }).waitFor();
  await page.getByLabel("邮箱").fill(user.email);
  await page.getByLabel("密码").fill(user.password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(new RegExp(`${returnTo.replace(/[/?]/g, "\\$&")}$`));
  await expect(page.getByText(user.name, { exact: false }).first()).toBeVisible();
}

/**
 * Runs `work` while no other spec writes or watches the site settings. A save writes every setting
 * at once, so two specs saving side by side (in two workers) would overwrite each other's values.
 */
export async function withSiteSettingsLock<T>(work: () => Promise<T>): Promise<T> {
  // mkdir is atomic: exactly one worker creates the folder; the others retry until it is gone.
  await expect(() => fs.mkdirSync(E2E_SITE_SETTINGS_LOCK), "another spec keeps the site settings locked").toPass({ timeout: 60_000 });
  try {
    return await work();
  } finally {
    fs.rmSync(E2E_SITE_SETTINGS_LOCK, { recursive: true, force: true });
  }
}
