// Builds the Next.js app when its sources changed since the last build, never because content did:
// a starting server trusts no page cached before it started (lib/site/tag-sync.ts), so pages the
// build prerendered are rendered again on their first request.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { info } from "./output";
import { OperationError } from "../errors";
import { secrets } from "../env";

const SOURCES = ["app", "lib", "prisma/schema.prisma", "next.config.js", "instrumentation.ts", "package-lock.json", "tsconfig.json"];
const STAMP = "newsdesk-build.json";

export async function buildIfNeeded(): Promise<void> {
  const distDir = path.resolve(process.env.NEXT_DIST_DIR || ".next");
  const stampFile = path.join(distDir, STAMP);
  const { actionsKey } = secrets();
  const fingerprint = currentFingerprint(actionsKey);
  const previous = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, "utf8") : "";
  if (previous === fingerprint && fs.existsSync(path.join(distDir, "BUILD_ID"))) {
    info("build is up to date");
    return;
  }
  info("building the site (next build)…");
  // The same code and data/secrets.json build the same build id and server-action ids on every host,
  // so a form opened through one instance saves through any other.
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: actionsKey, NEWSDESK_BUILD_ID: buildIdOf(fingerprint) };
  const result = spawnSync(path.resolve("node_modules", ".bin", "next"), ["build"], { stdio: "inherit", env });
  if (result.status !== 0) throw new OperationError("next build failed (see the output above)");
  fs.writeFileSync(stampFile, fingerprint);
}

function currentFingerprint(actionsKey: string): string {
  const hash = crypto.createHash("sha256");
  for (const file of SOURCES.flatMap(listFiles).sort()) hash.update(file).update(fs.readFileSync(file));
  const key = crypto.createHash("sha256").update(actionsKey).digest("hex").slice(0, 16);
  return JSON.stringify({ sources: hash.digest("hex"), key });
}

function buildIdOf(fingerprint: string): string {
  return crypto.createHash("sha256").update(fingerprint).digest("hex").slice(0, 20);
}

function listFiles(entry: string): string[] {
  if (!fs.existsSync(entry)) return [];
  if (!fs.statSync(entry).isDirectory()) return [entry];
  if (entry === path.join("lib", "generated")) return [];
  return fs.readdirSync(entry).flatMap((name) => listFiles(path.join(entry, name)));
}
