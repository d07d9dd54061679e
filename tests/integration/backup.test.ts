// Online backup and restore on real SQLite files: a backup taken while another process and this
// one keep writing holds one consistent moment, a restore brings exactly that moment back (also to
// a connection that stays open, like a running site's), and bad files are refused untouched.
import Database from "better-sqlite3";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { backupFileName, createBackup } from "@/lib/backup/backup";
import { restoreDatabase } from "@/lib/backup/restore";
import { dbBackupCommand, dbRestoreCommand } from "@/lib/cli/commands/database";
import { prisma } from "@/lib/db";
import { databaseFile } from "@/lib/env";

const live = databaseFile();
const dir = path.resolve("tests/.tmp", `backup-${crypto.randomUUID()}`);
const SEEDED = 3000;
const BODY = "平阴县统筹推进疫情防控和经济社会发展，企业复工复产有序进行。".repeat(40);
const quiet = () => {};

// Each write inserts a row and records its number in the same transaction, so a consistent copy
// holds rows 1..N with N recorded, never a row without its number or the reverse.
const WRITER = `
const db = new (require("better-sqlite3"))(process.argv[1], { timeout: 5000 });
const insert = db.prepare("INSERT INTO Article (title, bodyHtml, bodyText, updatedAt) VALUES (?, '<p>x</p>', 'x', '2026-11-29T00:00:00.000+00:00')");
const record = db.prepare("INSERT INTO Setting (key, value) VALUES ('child', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
const write = db.transaction((n) => { insert.run("child " + n); record.run(String(n)); });
let n = 0, stopping = false;
process.stdin.on("end", () => (stopping = true)).resume();
(function loop() {
  if (stopping) return db.close();
  write(++n);
  process.stdout.write(n + "\\n");
  setTimeout(loop, 1);
})();`;

function startWriter(file: string): { child: ChildProcess; written: () => number } {
  const child = spawn(process.execPath, ["-e", WRITER, file], { stdio: ["pipe", "pipe", "inherit"] });
  let last = 0;
  child.stdout!.on("data", (chunk: Buffer) => (last = Number(chunk.toString().trim().split("\n").pop())));
  return { child, written: () => last };
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function read<T>(file: string, work: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return work(db);
  } finally {
    db.close();
  }
}

const counts = (file: string, prefix: string) =>
  read(file, (db) => ({
    rows: (db.prepare("SELECT count(*) AS n FROM Article WHERE title LIKE ?").get(`${prefix} %`) as { n: number }).n,
    highest:
      (db.prepare("SELECT max(CAST(substr(title, ?) AS INTEGER)) AS n FROM Article WHERE title LIKE ?").get(prefix.length + 2, `${prefix} %`) as { n: number | null }).n ?? 0,
    recorded: Number((db.prepare("SELECT value FROM Setting WHERE key = ?").get(prefix) as { value: string } | undefined)?.value ?? 0),
  }));

/** Everything a reader could notice: schema, articles, settings and migration records. */
const digest = (file: string) =>
  read(file, (db) => {
    const hash = crypto.createHash("sha256");
    for (const sql of [
      "SELECT type, name, sql FROM sqlite_master ORDER BY name",
      "SELECT id, title, bodyText FROM Article ORDER BY id",
      "SELECT * FROM Setting ORDER BY key",
      "SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name",
    ]) {
      hash.update(JSON.stringify(db.prepare(sql).all()));
    }
    return hash.digest("hex");
  });

const integrity = (file: string) => read(file, (db) => db.pragma("integrity_check", { simple: true }));

beforeAll(() => {
  fs.mkdirSync(dir, { recursive: true });
  const db = new Database(live);
  const insert = db.prepare("INSERT INTO Article (title, bodyHtml, bodyText, status, updatedAt) VALUES (?, ?, ?, 'published', '2026-11-29T00:00:00.000+00:00')");
  db.transaction(() => {
    for (let i = 1; i <= SEEDED; i++) insert.run(`seeded ${i}`, `<p>${BODY}</p>`, BODY);
  })();
  db.close();
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("db:backup while the database is being written", () => {
  it("copies one consistent moment while another process and this one keep writing, and db:restore brings exactly that back", async () => {
    const writer = startWriter(live);
    let stopped = false;
    const inProcess = (async () => {
      for (let n = 1; !stopped; n++) {
        await prisma.$transaction([
          prisma.article.create({ data: { title: `inproc ${n}`, bodyHtml: "<p>y</p>", bodyText: "y" } }),
          prisma.setting.upsert({ where: { key: "inproc" }, create: { key: "inproc", value: String(n) }, update: { value: String(n) } }),
        ]);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    await until(() => writer.written() >= 50);
    const before = writer.written();
    const out = path.join(dir, backupFileName());
    const backup = await createBackup({ databaseFile: live, out });
    const after = writer.written();
    await until(() => writer.written() > after + 20);
    writer.child.stdin!.end();
    stopped = true;
    await Promise.all([inProcess, new Promise((resolve) => writer.child.once("close", resolve))]);

    expect(after).toBeGreaterThan(before); // the child kept writing while the copy ran
    expect(backup.restarted).toBe(true); // those writes made SQLite restart the stepwise copy
    expect(integrity(backup.file)).toBe("ok");
    const child = counts(backup.file, "child");
    const inproc = counts(backup.file, "inproc");
    for (const snapshot of [child, inproc]) {
      expect(snapshot.rows).toBeGreaterThan(0);
      expect(snapshot.highest).toBe(snapshot.rows);
      expect(snapshot.recorded).toBe(snapshot.rows);
    }
    expect(child.rows).toBeGreaterThanOrEqual(before);
    expect(counts(live, "child").rows).toBeGreaterThan(child.rows);
    expect(counts(backup.file, "seeded").rows).toBe(SEEDED);

    const previous = path.join(dir, "before-restore");
    const result = await restoreDatabase({ file: backup.file, databaseFile: live, backupDir: previous, report: quiet });
    expect(digest(live)).toBe(digest(backup.file));
    expect(integrity(live)).toBe("ok");
    expect(read(live, (db) => db.pragma("journal_mode", { simple: true }))).toBe("wal");
    expect(counts(result.previousBackup!, "child").rows).toBe(writer.written());
    // This process's client kept its connection open throughout, as a running site does.
    expect(await prisma.article.count({ where: { title: { startsWith: "child " } } })).toBe(child.rows);
    expect(await prisma.article.count()).toBe(SEEDED + child.rows + inproc.rows);
  });

  it("copies a quiet database in steps, reporting progress, into one self-contained file", async () => {
    const steps: [number, number][] = [];
    const backup = await createBackup({ databaseFile: live, out: path.join(dir, "quiet", "copy.db"), onProgress: (done, total) => steps.push([done, total]) });
    expect(backup.restarted).toBe(false);
    expect(new Set(steps.map(([done]) => done)).size).toBeGreaterThanOrEqual(4);
    expect(steps.at(-1)).toEqual([backup.pages, backup.pages]);
    expect(fs.readdirSync(path.dirname(backup.file)).sort()).toEqual(["copy.db", "copy.media"]);
    expect(fs.readdirSync(backup.media.folder)).toEqual(["manifest.json"]); // no photos here, so only the manifest
    expect(read(backup.file, (db) => db.pragma("journal_mode", { simple: true }))).toBe("delete");
    expect(digest(backup.file)).toBe(digest(live));
  });
});

describe("db:restore refuses what it cannot trust", () => {
  async function expectRefusal(file: string, message: RegExp) {
    const before = digest(live);
    const previous = path.join(dir, `refused-${crypto.randomUUID()}`);
    await expect(restoreDatabase({ file, databaseFile: live, backupDir: previous, report: quiet })).rejects.toThrow(message);
    expect(digest(live)).toBe(before);
    expect(fs.existsSync(previous)).toBe(false); // not even a backup of the current database was needed
  }

  it("refuses garbage, a damaged backup, a foreign SQLite file and a backup from a newer schema", async () => {
    const garbage = path.join(dir, "garbage.db");
    fs.writeFileSync(garbage, crypto.randomBytes(64 * 1024));
    await expectRefusal(garbage, /garbage\.db is damaged or not a SQLite database \(file is not a database.*nothing was changed$/);

    const damaged = (await createBackup({ databaseFile: live, out: path.join(dir, "damaged.db") })).file;
    const fd = fs.openSync(damaged, "r+");
    fs.writeSync(fd, crypto.randomBytes(16 * 4096), 0, 16 * 4096, Math.floor(fs.statSync(damaged).size / 2 / 4096) * 4096);
    fs.closeSync(fd);
    await expectRefusal(damaged, /damaged\.db (failed the integrity check|is damaged)/);

    const foreign = path.join(dir, "foreign.db");
    new Database(foreign).exec("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('hello')").close();
    await expectRefusal(foreign, /foreign\.db is not a newsdesk database \(it has no _prisma_migrations or Article table\)/);

    const newer = (await createBackup({ databaseFile: live, out: path.join(dir, "newer.db") })).file;
    new Database(newer)
      .exec(
        "INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ('x', 'x', '2099-01-01', '29991231000000_from_the_future', '2099-01-01', 1)",
      )
      .close();
    await expectRefusal(newer, /newer schema.*29991231000000_from_the_future.*upgrade newsdesk first/);
  });

  it("says so in one line through the command", async () => {
    const garbage = path.join(dir, "garbage-cli.db");
    fs.writeFileSync(garbage, "not a database at all, just text\n".repeat(200));
    await expect(dbRestoreCommand.run([garbage])).rejects.toThrow(/^[^\n]*not a SQLite database[^\n]*nothing was changed$/);
  });
});

describe("db:backup --keep", () => {
  it("keeps the newest N backups named newsdesk-<timestamp>.db and nothing else is touched", async () => {
    const folder = path.join(dir, "rotation");
    fs.mkdirSync(folder);
    const old = ["newsdesk-20260101T000000.000Z.db", "newsdesk-20260201T000000.000Z.db", "newsdesk-20260301T000000.000Z.db"];
    const others = ["notes.txt", "newsdesk-manual.db", "newsdesk-20260101T000000.000Z.db.partial"];
    for (const name of [...old, ...others]) fs.writeFileSync(path.join(folder, name), "x");
    const output = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const out = path.join(folder, backupFileName());
    let printed = "";
    try {
      await dbBackupCommand.run(["--out", out, "--keep", "2"]);
      printed = output.mock.calls.map(([text]) => String(text)).join("");
    } finally {
      output.mockRestore();
    }
    expect(fs.readdirSync(folder).sort()).toEqual([...others, old[2], path.basename(out), path.basename(out).replace(/\.db$/, ".media")].sort());
    expect(printed).toContain(`backup: ${out}`);
    expect(printed).toContain(`removed ${old[0]}, ${old[1]} (each with its .media folder)`);
    expect(integrity(out)).toBe("ok");
  });
});

describe("database command arguments", () => {
  it.each([
    [["--bogus"], "unknown option --bogus (see --help)"],
    [["--out"], "option --out needs a value"],
    [["--out", "--keep", "2"], "option --out needs a value"],
    [["--keep", "0"], "--keep needs the number of backups to keep, a whole number of at least 1"],
    [["--keep", "two"], "--keep needs the number of backups to keep, a whole number of at least 1"],
    [["--keep", "1", "--keep", "2"], "option --keep is given twice"],
    [["extra"], 'unexpected argument "extra" (see --help)'],
  ])("db:backup %j is refused: %s", async (args, message) => {
    await expect(dbBackupCommand.run(args)).rejects.toThrow(new RegExp(`^${message.replace(/[()]/g, "\\$&")}$`));
  });

  it("db:restore needs exactly one file", async () => {
    await expect(dbRestoreCommand.run([])).rejects.toThrow("db:restore needs exactly one FILE");
    await expect(dbRestoreCommand.run(["a.db", "b.db"])).rejects.toThrow("db:restore needs exactly one FILE");
  });

  it("the real command exits 1 with one English line on stderr", () => {
    const result = spawnSync(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", "lib/cli/main.ts", "db:backup", "--keep"], { encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("error: option --keep needs a value\n");
  });
});
