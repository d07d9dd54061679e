import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkSources, checkTree, formatReport, type Violation } from "@/scripts/layer-rules";

/** One line per violation, so a test states exactly what must be reported and nothing else. */
function summary(violations: Violation[]): string[] {
  return violations.map((violation) =>
    "edge" in violation
      ? `${violation.rule}: ${violation.edge.from}:${violation.edge.line} -> ${violation.edge.target ?? violation.edge.packageName}`
      : `${violation.rule}: ${violation.members.join(" ")} (${violation.cycle.join(" -> ")})`,
  );
}

const CLEAN_TREE = {
  "app/(site)/page.tsx": 'import { listLatestArticles } from "@/lib/articles/public";\nexport default function Page() { return listLatestArticles(); }\n',
  "app/(editor)/editor/actions.ts":
    'import { saveArticle } from "../../../lib/articles/save";\nimport { affectedTags } from "@/lib/site/cache-tags";\nexport { saveArticle, affectedTags };\n',
  "app/_components/Byline.tsx": 'import { serialize } from "@/lib/db-serialize";\nexport const Byline = () => serialize;\n',
  "lib/db.ts": 'import { PrismaClient } from "./generated/prisma/client";\nexport const prisma = new PrismaClient();\n',
  "lib/db-serialize.ts": "export const serialize = 1;\n",
  "lib/articles/public.ts":
    'import "server-only";\nimport { prisma } from "../db";\nimport { isPublic } from "./status";\nexport const listLatestArticles = () => [prisma, isPublic];\n',
  "lib/articles/status.ts": "export const isPublic = true;\n",
  "lib/articles/save.ts": 'import { prisma } from "@/lib/db";\nimport { tags } from "../site/cache-tags";\nexport const saveArticle = () => [prisma, tags];\n',
  "lib/site/cache-tags.ts": "export const tags = {};\nexport const affectedTags = () => [];\n",
  "lib/cli/main.ts": 'import { saveArticle } from "../articles/save";\nimport { format } from "./output";\nexport const run = () => format(saveArticle);\n',
  "lib/cli/output.ts": "export const format = (value: unknown) => String(value);\n",
  "tests/unit/anything.test.ts": 'import { run } from "@/lib/cli/main";\nimport { prisma } from "@/lib/db";\nexport { run, prisma };\n',
};

describe("layer rules (scripts/layer-rules.ts)", () => {
  it("reports nothing for a clean tree: app → lib → db, cli → lib, tests anywhere", () => {
    const report = checkSources(CLEAN_TREE);
    expect(summary(report.violations)).toEqual([]);
    expect(report.files).toBe(Object.keys(CLEAN_TREE).length);
    expect(formatReport(report)).toMatch(/the layer rules hold/);
  });

  it("reports every way app/ can reach the database client, and only those", () => {
    const report = checkSources({
      ...CLEAN_TREE,
      "app/(site)/a.tsx": 'import { prisma } from "@/lib/db";\nexport const a = prisma;\n',
      "app/(site)/articles/b.ts": 'import { prisma } from "../../../lib/db.ts";\nexport const b = prisma;\n',
      "app/c.ts": 'import { PrismaClient } from "@prisma/client";\nexport const c = PrismaClient;\n',
      "app/d.ts": '// a type import still couples a page to table rows\nimport type { Article } from "@/lib/generated/prisma/client";\nexport type D = Article;\n',
      "app/e.ts": 'export async function e() {\n  const { prisma } = await import("@/lib/db");\n  return prisma;\n}\n',
      "app/f.ts": 'export { prisma as f } from "@/lib/db";\n',
      "app/g.ts": 'import Database from "better-sqlite3";\nexport const g = Database;\n',
    });
    expect(summary(report.violations)).toEqual([
      "app-imports-db: app/(site)/a.tsx:1 -> lib/db.ts",
      "app-imports-db: app/(site)/articles/b.ts:1 -> lib/db.ts",
      "app-imports-db: app/c.ts:1 -> @prisma/client",
      "app-imports-db: app/d.ts:2 -> lib/generated/prisma/client",
      "app-imports-db: app/e.ts:2 -> lib/db.ts",
      "app-imports-db: app/f.ts:1 -> lib/db.ts",
      "app-imports-db: app/g.ts:1 -> better-sqlite3",
    ]);
  });

  it("reports lib/ importing lib/cli or app/, whatever the spelling", () => {
    const report = checkSources({
      ...CLEAN_TREE,
      "lib/backup/backup.ts": 'import { CliError } from "../cli/output";\nexport const backup = CliError;\n',
      "lib/text/time.ts": 'const output = require("@/lib/cli/output.ts");\nexport const time = output;\n',
      "lib/site/links.ts": 'import { Byline } from "@/app/_components/Byline";\nexport const links = Byline;\n',
    });
    expect(summary(report.violations)).toEqual([
      "lib-imports-cli: lib/backup/backup.ts:1 -> lib/cli/output.ts",
      "lib-imports-app: lib/site/links.ts:1 -> app/_components/Byline.tsx",
      "lib-imports-cli: lib/text/time.ts:1 -> lib/cli/output.ts",
    ]);
  });

  it("reports a cycle between lib folders (the lib/backup ↔ lib/cli shape) and a cycle between lib files", () => {
    const report = checkSources({
      ...CLEAN_TREE,
      // lib/backup → lib/cli → lib/backup: acyclic file by file, a cycle folder by folder.
      "lib/backup/restore.ts": 'import { migrate } from "../cli/migrate";\nexport const restore = migrate;\n',
      "lib/backup/sqlite.ts": "export const sqlite = 1;\n",
      "lib/cli/migrate.ts": 'import { sqlite } from "@/lib/backup/sqlite";\nexport const migrate = sqlite;\n',
      // Two files of one folder importing each other.
      "lib/search/index.ts": 'import { rebuild } from "./rebuild";\nexport const index = () => rebuild;\n',
      "lib/search/rebuild.ts": 'import { index } from "./index";\nexport const rebuild = () => index;\n',
    });
    expect(summary(report.violations)).toEqual([
      "lib-imports-cli: lib/backup/restore.ts:1 -> lib/cli/migrate.ts",
      "lib-folder-cycle: lib/backup lib/cli (lib/backup -> lib/cli -> lib/backup)",
      "lib-file-cycle: lib/search/index.ts lib/search/rebuild.ts (lib/search/index.ts -> lib/search/rebuild.ts -> lib/search/index.ts)",
    ]);
    const text = formatReport(report);
    expect(text).toContain("Import cycle among lib folders lib/backup, lib/cli");
    expect(text).toContain('lib/cli/migrate.ts:1 imports lib/backup/sqlite.ts ("@/lib/backup/sqlite")');
  });

  it("reports a longer cycle once, through every folder in it", () => {
    const report = checkSources({
      "lib/a/one.ts": 'import { two } from "../b/two";\nexport const one = two;\n',
      "lib/b/two.ts": 'import { three } from "../c/three";\nexport const two = three;\n',
      "lib/c/three.ts": 'import type { One } from "../a/types";\nexport const three = 3 as unknown as One;\n',
      "lib/a/types.ts": "export type One = number;\n",
      "lib/d/four.ts": 'import { one } from "../a/one";\nexport const four = one;\n',
    });
    expect(summary(report.violations)).toEqual(["lib-folder-cycle: lib/a lib/b lib/c (lib/a -> lib/b -> lib/c -> lib/a)"]);
  });
});

describe("layer rules on a tree on disk", () => {
  const files: Record<string, string> = {
    "app/page.tsx": 'import { prisma } from "../lib/db";\nexport default () => prisma;\n',
    "lib/db.ts": 'export { PrismaClient as prisma } from "./generated/prisma/client";\n',
    "lib/generated/prisma/client.ts": 'import { app } from "../../../app/page";\nexport const PrismaClient = app;\n',
    "lib/json-transfer/index.ts": 'export { progress } from "../cli";\n',
    "lib/cli/index.ts": 'import "../json-transfer";\nexport const progress = 1;\n',
    "node_modules/x/index.ts": 'import "../../app/page";\n',
    ".next/server/page.js": 'require("../../lib/db");\n',
  };
  let root = "";
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "check-layers-"));
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    }
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("resolves folder index files and skips generated code, dependencies and build output", () => {
    expect(summary(checkTree(root).violations)).toEqual([
      "app-imports-db: app/page.tsx:1 -> lib/db.ts",
      "lib-imports-cli: lib/json-transfer/index.ts:1 -> lib/cli/index.ts",
      "lib-folder-cycle: lib/cli lib/json-transfer (lib/cli -> lib/json-transfer -> lib/cli)",
      "lib-file-cycle: lib/cli/index.ts lib/json-transfer/index.ts (lib/cli/index.ts -> lib/json-transfer/index.ts -> lib/cli/index.ts)",
    ]);
  });

  // Starting tsx takes seconds on a busy 2-core machine.
  it("the command exits 1 and lists the violations", { timeout: 60_000 }, () => {
    const run = spawnSync(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), path.resolve("scripts/check-layers.ts"), root], { encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("check-layers: 4 violations of the layer rules");
    expect(run.stderr).toContain('app/page.tsx:1 imports lib/db.ts ("../lib/db")');
  });
});
