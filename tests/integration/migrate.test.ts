// db:migrate and db:status on real SQLite files and the real Prisma engine, with temporary
// migrations folders: a failed migration leaves the database exactly as it was, restored from the
// backup the error names; a database another process holds open is refused before anything changes.
import Database from "better-sqlite3";
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { replaceDatabaseFile } from "@/lib/backup/copy";
import { getMigrationStatus, listCodeMigrations } from "@/lib/backup/migrations";
import { restoreDatabase } from "@/lib/backup/restore";
import { migrateWithBackup } from "@/lib/backup/upgrade";
import { dbStatusCommand } from "@/lib/cli/commands/database";
import { migrateDatabase, type MigrationSetup } from "@/lib/backup/migrate";
import { databaseFile } from "@/lib/env";

const dir = path.resolve("tests/.tmp", `migrate-${crypto.randomUUID()}`);
const CODE = listCodeMigrations();
const ADD_PROBE = 'CREATE TABLE "Probe" ("id" INTEGER NOT NULL PRIMARY KEY);\nALTER TABLE "Article" ADD COLUMN "probe" TEXT;\n';
const BROKEN = 'ALTER TABLE "Author" ADD COLUMN "nickname" TEXT;\nINSERT INTO "Nope" VALUES (1);\n';
const quiet = () => {};

/** A migrations folder: the first `keep` of the code's migrations plus `extra`, and a Prisma config using it. */
function migrationSetup(name: string, extra: Record<string, string> = {}, keep = CODE.length): Required<Omit<MigrationSetup, "databaseFile">> {
  const migrationsDir = path.join(dir, name, "migrations");
  fs.mkdirSync(migrationsDir, { recursive: true });
  fs.copyFileSync(path.resolve("prisma/migrations/migration_lock.toml"), path.join(migrationsDir, "migration_lock.toml"));
  for (const migration of CODE.slice(0, keep)) fs.cpSync(path.resolve("prisma/migrations", migration), path.join(migrationsDir, migration), { recursive: true });
  for (const [migration, sql] of Object.entries(extra)) {
    fs.mkdirSync(path.join(migrationsDir, migration));
    fs.writeFileSync(path.join(migrationsDir, migration, "migration.sql"), sql);
  }
  // .mjs: outside the TypeScript project's include globs.
  const configFile = path.join(dir, name, "prisma.config.mjs");
  fs.writeFileSync(
    configFile,
    `import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaBetterSQLite3({ url: process.env.DATABASE_URL }),
  schema: ${JSON.stringify(path.resolve("prisma/schema.prisma"))},
  migrations: { path: ${JSON.stringify(migrationsDir)} },
});
`,
  );
  return { configFile, migrationsDir };
}

/** A copy of this file's migrated database with a few articles, in WAL mode like the site's. */
async function databaseWithContent(name: string): Promise<string> {
  const file = path.join(dir, `${name}.db`);
  await replaceDatabaseFile(databaseFile(), file);
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  const insert = db.prepare("INSERT INTO Article (title, bodyHtml, bodyText, updatedAt) VALUES (?, '<p>正文</p>', '正文', '2026-11-29T00:00:00.000+00:00')");
  for (let i = 1; i <= 25; i++) insert.run(`文章 ${i}`);
  db.close();
  return file;
}

function digest(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const hash = crypto.createHash("sha256");
    for (const sql of [
      "SELECT type, name, sql FROM sqlite_master ORDER BY name",
      "SELECT * FROM Article ORDER BY id",
      "SELECT * FROM Author ORDER BY id",
      "SELECT id, migration_name, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY id",
    ]) {
      hash.update(JSON.stringify(db.prepare(sql).all()));
    }
    return hash.digest("hex");
  } finally {
    db.close();
  }
}

const hasTable = (file: string, table: string) => {
  const db = new Database(file, { readonly: true });
  const found = db.prepare("SELECT 1 FROM sqlite_master WHERE name = ?").get(table) !== undefined;
  db.close();
  return found;
};

beforeAll(() => fs.mkdirSync(dir, { recursive: true }));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("db:status", () => {
  it("lists applied and pending migrations", async () => {
    const file = await databaseWithContent("status");
    const { migrationsDir } = migrationSetup("status", { "29990101000000_add_probe": ADD_PROBE });
    expect(getMigrationStatus(file, migrationsDir)).toEqual({ applied: CODE, pending: ["29990101000000_add_probe"], failed: [], unknown: [] });
    expect(getMigrationStatus(path.join(dir, "absent.db"), migrationsDir).pending).toHaveLength(CODE.length + 1);
  });

  it("prints the database, its applied migrations and that nothing is pending", async () => {
    const output = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    let printed = "";
    try {
      await dbStatusCommand.run([]);
      printed = output.mock.calls.map(([text]) => String(text)).join("");
    } finally {
      output.mockRestore();
    }
    expect(printed).toContain(`database: ${databaseFile()}`);
    expect(printed).toContain(`applied (${CODE.length}):\n${CODE.map((name) => `  ${name}\n`).join("")}`);
    expect(printed).toContain("pending (0): none\nthe database is up to date\n");
  });
});

describe("db:migrate", () => {
  it("backs up first, then applies the pending migrations", async () => {
    const file = await databaseWithContent("success");
    const setup = migrationSetup("success", { "29990101000000_add_probe": ADD_PROBE });
    const before = digest(file);
    const result = await migrateWithBackup({ ...setup, databaseFile: file, backupDir: path.join(dir, "success-backups"), report: quiet });
    expect(result.applied).toEqual(["29990101000000_add_probe"]);
    expect(hasTable(file, "Probe")).toBe(true);
    expect(digest(result.backup!.file)).toBe(before);
    expect(getMigrationStatus(file, setup.migrationsDir).pending).toEqual([]);
  });

  it("restores the database from the backup when a migration fails, and the error names that backup", async () => {
    const file = await databaseWithContent("failure");
    const setup = migrationSetup("failure", { "29990101000000_add_probe": ADD_PROBE, "29990102000000_broken": BROKEN });
    const backupDir = path.join(dir, "failure-backups");
    const before = digest(file);
    const error = await migrateWithBackup({ ...setup, databaseFile: file, backupDir, report: quiet }).catch((caught: Error) => caught);
    const [backup] = fs.readdirSync(backupDir);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(`migration 29990102000000_broken failed: no such table: Nope; the database was restored from the backup ${path.join(backupDir, backup)}`);
    // Even the migration that had succeeded before the broken one is gone: all or nothing.
    expect(digest(file)).toBe(before);
    expect(hasTable(file, "Probe")).toBe(false);
    expect(getMigrationStatus(file, setup.migrationsDir)).toMatchObject({ pending: ["29990101000000_add_probe", "29990102000000_broken"], failed: [] });
    const db = new Database(file, { readonly: true });
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  });

  it("refuses, changing nothing, while another process (a running site) has the database open", async () => {
    const file = await databaseWithContent("busy");
    const setup = migrationSetup("busy", { "29990101000000_add_probe": ADD_PROBE });
    const backupDir = path.join(dir, "busy-backups");
    const holder = spawn(
      process.execPath,
      ["-e", `const db = new (require("better-sqlite3"))(process.argv[1]); db.prepare("SELECT count(*) FROM Article").get(); console.log("open"); process.stdin.resume();`, file],
      { stdio: ["pipe", "pipe", "inherit"] },
    );
    try {
      await new Promise((resolve) => holder.stdout!.once("data", resolve));
      const before = digest(file);
      await expect(migrateWithBackup({ ...setup, databaseFile: file, backupDir, report: quiet })).rejects.toThrow(
        `the database ${file} is open in another process (is the site running?), so the migration cannot take it exclusively: stop the server, run the command again, then start the server`,
      );
      expect(digest(file)).toBe(before);
      expect(fs.existsSync(backupDir)).toBe(false);
      // With nothing pending the engine is not needed: `prepare` keeps working while the site runs.
      expect(migrateDatabase({ databaseFile: file })).toEqual([]);
    } finally {
      holder.kill();
    }
  });

  it("creates and migrates a database that does not exist yet, as `npm start` does", () => {
    const file = path.join(dir, "fresh", "newsdesk.db");
    expect(migrateDatabase({ databaseFile: file })).toEqual(CODE);
    expect(getMigrationStatus(file)).toEqual({ applied: CODE, pending: [], failed: [], unknown: [] });
  });
});

describe("db:restore of a backup from an older version", () => {
  it("restores it, then applies the migrations it predates", async () => {
    const older = path.join(dir, "older.db");
    migrateDatabase({ databaseFile: older, ...migrationSetup("older", {}, CODE.length - 1) });
    const target = await databaseWithContent("restore-target");
    const result = await restoreDatabase({ file: older, databaseFile: target, backupDir: path.join(dir, "restore-backups"), report: quiet });
    expect(result.applied).toEqual([CODE.at(-1)]);
    expect(getMigrationStatus(target)).toMatchObject({ applied: CODE, pending: [] });
    expect(result.articles).toBe(0);
    const db = new Database(target, { readonly: true });
    expect(db.prepare("SELECT count(*) AS n FROM Article").get()).toEqual({ n: 0 });
    db.close();
    expect(digest(result.previousBackup!)).not.toBe(digest(target));
  });
});
