// Builds the Next.js app when its sources, its database or the content changed since the last build.
// Content counts: prerendered pages hold the content of build time, and a change made while no
// server was running (so nothing invalidated the cache) must not be served stale.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { prisma } from "../db";
import { databaseFile } from "../env";
import { info } from "./output";
import { OperationError } from "../errors";

const SOURCES = ["app", "lib", "prisma/schema.prisma", "next.config.js", "instrumentation.ts", "package-lock.json", "tsconfig.json"];
const STAMP = "newsdesk-build.json";

export async function buildIfNeeded(): Promise<void> {
  const distDir = path.resolve(process.env.NEXT_DIST_DIR || ".next");
  const stampFile = path.join(distDir, STAMP);
  const fingerprint = await currentFingerprint();
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

async function currentFingerprint(): Promise<string> {
  const hash = crypto.createHash("sha256");
  for (const file of SOURCES.flatMap(listFiles).sort()) hash.update(file).update(fs.readFileSync(file));
  const [articles, channels, authors] = await Promise.all([
    prisma.article.aggregate({ _count: true, _max: { updatedAt: true } }),
    prisma.channel.aggregate({ _count: true, _max: { updatedAt: true } }),
    prisma.author.aggregate({ _count: true, _max: { updatedAt: true } }),
  ]);
  return JSON.stringify({ sources: hash.digest("hex"), database: databaseFile(), content: [articles, channels, authors] });
}

function listFiles(entry: string): string[] {
  if (!fs.existsSync(entry)) return [];
  if (!fs.statSync(entry).isDirectory()) return [entry];
  if (entry === path.join("lib", "generated")) return [];
  return fs.readdirSync(entry).flatMap((name) => listFiles(path.join(entry, name)));
}
