// The end-to-end installation: its own database, build folder and port, never the real ones.
import path from "node:path";

/** E2E_PORT lets two checkouts run browser tests at once; 3100 by default. */
export const E2E_PORT = e2ePort(process.env.E2E_PORT);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
export const ROOT = path.resolve(__dirname, "../..");
export const E2E_DATABASE = path.join(ROOT, "tests/.tmp/e2e.db");
export const E2E_FIXTURES = path.join(ROOT, "tests/.tmp/e2e-fixtures.json");
/** Held by a spec while it writes or watches the site settings (see withSiteSettingsLock). */
export const E2E_SITE_SETTINGS_LOCK = path.join(ROOT, "tests/.tmp/e2e-site-settings.lock");
export const E2E_ADMIN = { email: "admin@e2e.test", password: "e2e-admin-password-1" };
export const E2E_PASSWORD = "e2e-password-123";
export const E2E_USERS = {
  admin: { email: E2E_ADMIN.email, password: E2E_ADMIN.password, name: "管理员" },
  editor: { email: "editor@e2e.test", password: E2E_PASSWORD, name: "编辑小王" },
  reporter: { email: "reporter@e2e.test", password: E2E_PASSWORD, name: "记者小李" },
  reporter2: { email: "reporter2@e2e.test", password: E2E_PASSWORD, name: "记者小赵" },
} as const;
export type E2ERole = keyof typeof E2E_USERS;
export const storageStatePath = (role: E2ERole) => path.join(ROOT, `tests/.tmp/state-${role}.json`);

export const e2eEnv: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: `file:${E2E_DATABASE}`,
  NEXT_DIST_DIR: ".next-e2e",
  PORT: String(E2E_PORT),
  SITE_URL: E2E_BASE_URL,
  ADMIN_EMAIL: E2E_ADMIN.email,
  ADMIN_PASSWORD: E2E_ADMIN.password,
};

/** Chromium: CHROMIUM_PATH, else Debian's, else Playwright's own download. */
export function chromiumPath(): string | undefined {
  const fs = require("node:fs") as typeof import("node:fs");
  return [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].find((candidate) => candidate && fs.existsSync(candidate));
}

function e2ePort(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return 3100;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`E2E_PORT must be a TCP port number, not "${value}"`);
  return port;
}
