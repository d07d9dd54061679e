import { defineConfig } from "@playwright/test";
import { chromiumPath, E2E_BASE_URL, e2eEnv, ROOT } from "./environment";

export default defineConfig({
  testDir: ".",
  projects: [
    { name: "sign-in", testMatch: "sign-in.setup.ts" },
    { name: "browser", testMatch: "**/*.spec.ts", dependencies: ["sign-in"] },
  ],
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never", outputFolder: "../../playwright-report" }]],
  outputDir: "../../test-results",
  use: {
    baseURL: E2E_BASE_URL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  webServer: {
    command: "npx tsx --conditions=react-server tests/e2e/server.ts",
    cwd: ROOT,
    url: `${E2E_BASE_URL}/api/health`,
    env: e2eEnv as Record<string, string>,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
