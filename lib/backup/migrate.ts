// Applies pending Prisma migrations offline (bundled WebAssembly engine), failing with one-line English errors.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { databaseFile } from "../env";
import { OperationError } from "../errors";
import { silentReport, type Report } from "../reporter";
import { DEFAULT_MIGRATIONS_DIR, getMigrationStatus } from "./migrations";
import { inUseMessage, isDatabaseInUse } from "./sqlite";

/** Where to migrate and with which Prisma configuration; tests point it at their own files. */
export type MigrationSetup = {
  databaseFile?: string;
  /** A prisma.config file; the project's prisma.config.ts when absent. */
  configFile?: string;
  /** The migrations folder that configuration uses. */
  migrationsDir?: string;
};

/** A failed `prisma migrate deploy`. `busy`: it could not take the database, so it changed nothing. */
export class MigrationError extends OperationError {
  constructor(
    message: string,
    readonly busy: boolean,
    readonly migrationName?: string,
  ) {
    super(message);
  }
}

/** Applies the pending migrations and returns their names. */
export function migrateDatabase(setup: MigrationSetup = {}, report: Report = silentReport): string[] {
  const file = setup.databaseFile ?? databaseFile();
  const migrationsDir = setup.migrationsDir ?? DEFAULT_MIGRATIONS_DIR;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const before = getMigrationStatus(file, migrationsDir);
  if (before.pending.length === 0 && before.failed.length === 0) {
    // Nothing for the engine to do, so it is not started: that also works while the site runs.
    report(`database ${file}: ${before.applied.length} migrations, none pending`);
    return [];
  }
  // The engine holds the file with locking_mode=EXCLUSIVE, which any other open connection blocks.
  if (fs.existsSync(file) && isDatabaseInUse(file)) throw new MigrationError(inUseMessage(file, "the migration"), true);
  const prismaBin = path.resolve("node_modules", ".bin", "prisma");
  const args = ["migrate", "deploy", ...(setup.configFile ? ["--config", setup.configFile] : [])];
  const result = spawnSync(prismaBin, args, { env: { ...process.env, DATABASE_URL: `file:${file}` }, encoding: "utf8" });
  if (result.status !== 0) throw toMigrationError(file, `${result.stdout ?? ""}\n${result.stderr ?? ""}`);
  const status = getMigrationStatus(file, migrationsDir);
  const applied = status.applied.filter((name) => !before.applied.includes(name));
  const news = applied.length > 0 ? `applied ${applied.join(", ")}` : "none pending";
  report(`database ${file}: ${status.applied.length} migrations, ${news}`);
  return applied;
}

function toMigrationError(file: string, output: string): MigrationError {
  // The adapter reports SQLITE_BUSY as the driver error kind "SocketTimeout".
  if (/SocketTimeout|SQLITE_BUSY|database is locked/.test(output)) return new MigrationError(inUseMessage(file, "the migration"), true);
  const migrationName = /migration_name="([^"]+)"/.exec(output)?.[1];
  const prefix = migrationName ? `migration ${migrationName} failed` : "migration failed";
  return new MigrationError(`${prefix}: ${readPrismaError(output)}`, false, migrationName);
}

/** The text of Prisma's "Error:" block without the engine's backtrace, on one line. */
function readPrismaError(output: string): string {
  const lines = output.split("\n").map((line) => line.trimEnd());
  const start = lines.findIndex((line) => line.startsWith("Error:"));
  if (start < 0) return lines.filter((line) => line.trim() !== "").pop() ?? "prisma migrate deploy failed";
  const text: string[] = [];
  for (const line of lines.slice(start)) {
    if (/^\s+\d+: /.test(line)) break;
    if (line.trim() !== "") text.push(line.trim());
  }
  return text.join(" ").replace(/^Error:\s*/, "");
}
