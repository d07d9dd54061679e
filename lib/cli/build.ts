// Builds the Next.js app when its sources changed since the last build, never because content did:
// a starting server trusts no page cached before it started (lib/site/tag-sync.ts), so pages the
// build prerendered are rendered again on their first request.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { info } from "./output";
import { OperationError } from "../errors";

const SOURCES = ["app", "lib", "prisma/schema.prisma", "next.config.js", "instrumentation.ts", "package-lock.json", "tsconfig.json"];
const STAMP = "newsdesk-build.json";

export async function buildIfNeeded(): Promise<void> {
  const distDir = path.resolve(process.env.NEXT_DIST_DIR || ".next");
  const stampFile = path.join(distDir, STAMP);
  const fingerprint = currentFingerprint();
  const previous = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, "utf8") : "";
  if (previous === fingerprint && fs.existsSync(path.join(distDir, "BUILD_ID"))) {
    info("build is up to date");
    return;
  }
  info("building the site (next build)…");
  const result = spawnSync(path.resolve("node_modules", ".bin", "next"), ["build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new OperationError("next build failed (see the output above)");
  fs.writeFileSync(stampFile, fingerprint);
}

function currentFingerprint(): string {
  const hash = crypto.createHash("sha256");
  for (const file of SOURCES.flatMap(listFiles).sort()) hash.update(file).update(fs.readFileSync(file));
  return JSON.stringify({ sources: hash.digest("hex") });
}

function listFiles(entry: string): string[] {
  if (!fs.existsSync(entry)) return [];
  if (!fs.statSync(entry).isDirectory()) return [entry];
  if (entry === path.join("lib", "generated")) return [];
  return fs.readdirSync(entry).flatMap((name) => listFiles(path.join(entry, name)));
}
