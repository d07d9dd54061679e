// Gives each integration test file its own real SQLite file (WAL), migrated from scratch and
// removed afterwards. Runs before the file imports lib/db, which reads DATABASE_URL once.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";

const folder = path.resolve("tests/.tmp");
fs.mkdirSync(folder, { recursive: true });
const file = path.join(folder, `integration-${crypto.randomUUID()}.db`);
process.env.DATABASE_URL = `file:${file}`;
execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], { env: process.env, stdio: "pipe" });

afterAll(async () => {
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
});
