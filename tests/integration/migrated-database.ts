// A fresh migrated database for one integration test: a real SQLite file copied from the run's
// template (migrated once in migrated-template.ts), switched to WAL mode as the site runs it.
import Database from "better-sqlite3";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { inject } from "vitest";

/** Creates `file` (which must not exist) as a copy of the migrated template and returns it. */
export function copyMigratedDatabase(file = path.resolve("tests/.tmp", `integration-${crypto.randomUUID()}.db`)): string {
  const template = inject("migratedTemplate");
  if (!template || !fs.existsSync(template)) throw new Error('no migrated template database: run integration tests through the vitest project "integration"');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.copyFileSync(template, file, fs.constants.COPYFILE_EXCL);
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
  } finally {
    db.close();
  }
  return file;
}

/** Removes a database file and its WAL, shared-memory and journal companions. */
export function removeDatabase(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
}
