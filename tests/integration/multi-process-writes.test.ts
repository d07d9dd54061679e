// Several processes write to one SQLite file (instances, the CLI): a transaction that reads, then
// writes, waits for another process's write instead of failing with SQLITE_BUSY_SNAPSHOT, and a
// read-only snapshot (export) holds no lock that would make other writers wait.
import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { prisma, readSnapshot } from "@/lib/db";
import { databaseFile } from "@/lib/env";

/** Another process inserts a setting (busy timeout 5 s, like the app); resolves with its exit code and the time it took. */
function writeFromAnotherProcess(key: string): Promise<{ code: number | null; ms: number }> {
  const started = Date.now();
  const script = `const D = require("better-sqlite3"); const db = new D(process.argv[1]); db.pragma("busy_timeout = 5000");
    db.prepare('INSERT INTO "Setting" ("key", "value") VALUES (?, ?)').run(process.argv[2], "x");`;
  const child = spawn(process.execPath, ["-e", script, databaseFile(), key], { stdio: "inherit" });
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, ms: Date.now() - started })));
}

describe("writes from several processes", () => {
  it("a transaction that reads, then writes, while another process writes: both go through", async () => {
    let other: Promise<{ code: number | null; ms: number }> | undefined;
    await prisma.$transaction(async (tx) => {
      await tx.setting.findMany();
      other = writeFromAnotherProcess("multi.other");
      await sleep(300); // the other process is at its INSERT by now, waiting for this transaction
      await tx.setting.create({ data: { key: "multi.mine", value: "x" } });
    });
    expect((await other!).code).toBe(0);
    expect(await prisma.setting.count({ where: { key: { in: ["multi.mine", "multi.other"] } } })).toBe(2);
  });

  it("a read-only snapshot lets another process write meanwhile", async () => {
    const other = await readSnapshot(async (tx) => {
      await tx.setting.findMany();
      return writeFromAnotherProcess("multi.during-snapshot");
    });
    expect(other.code).toBe(0);
    expect(other.ms).toBeLessThan(4000);
  });
});
