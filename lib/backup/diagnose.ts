// Finds the SQLite error behind a failed migration by replaying it on a scratch copy; never touches live data.
import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import { removeDatabaseFiles } from "./backup";
import { replaceDatabaseFile } from "./copy";
import { withDatabase } from "./sqlite";

type Replay = { backupFile: string; migrationsDir: string; pending: string[]; failed: string };

/**
 * The SQLite error of the failed migration ("no such table: Nope"), or null when the replay does
 * not fail there. Prisma's WebAssembly engine reports a failing script only as "External error
 * id#0", so the pending migrations are replayed on a scratch copy of the state before them.
 */
export async function findMigrationError(replay: Replay): Promise<string | null> {
  const upTo = replay.pending.indexOf(replay.failed);
  if (upTo < 0) return null;
  const scratch = `${replay.backupFile}.replay`;
  try {
    await replaceDatabaseFile(replay.backupFile, scratch);
    return withDatabase(scratch, {}, (db) => {
      for (const name of replay.pending.slice(0, upTo + 1)) {
        const message = runScript(db, path.join(replay.migrationsDir, name, "migration.sql"));
        if (message !== null) return name === replay.failed ? message : null;
      }
      return null;
    });
  } catch {
    return null;
  } finally {
    removeDatabaseFiles(scratch);
  }
}

function runScript(db: Database.Database, file: string): string | null {
  try {
    db.exec(fs.readFileSync(file, "utf8"));
    return null;
  } catch (error) {
    if (error instanceof Database.SqliteError) return error.message;
    throw error;
  }
}
