// Migrates one template database per integration run (vitest globalSetup). Each test file then starts
// from a copy of it (setup-database.ts) instead of running `prisma migrate deploy` again.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** Absolute path of the SQLite file every migration has been applied to; never written by tests. */
    migratedTemplate: string;
  }
}

export default function migrateTemplate(project: TestProject) {
  const folder = path.resolve("tests/.tmp");
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `template-${crypto.randomUUID()}.db`);
  // The real Prisma engine and migrations folder, exactly as `npm start` migrates a new database.
  execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: `file:${file}` }, stdio: "pipe" });
  project.provide("migratedTemplate", file);
  return () => {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
  };
}
