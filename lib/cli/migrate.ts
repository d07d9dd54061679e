// Applies pending Prisma migrations to the configured database, offline (bundled WebAssembly engine).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { databaseFile, databaseUrl } from "../env";
import { CliError, info } from "./output";

export function migrateDatabase(): void {
  fs.mkdirSync(path.dirname(databaseFile()), { recursive: true });
  const prismaBin = path.resolve("node_modules", ".bin", "prisma");
  const result = spawnSync(prismaBin, ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl() },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new CliError(`migration failed: ${(result.stderr || result.stdout).trim().split("\n").pop()}`);
  const applied = /(\d+) migrations? found/.exec(result.stdout)?.[1] ?? "0";
  const pending = result.stdout.includes("No pending migrations") ? "none pending" : "applied pending migrations";
  info(`database ${databaseFile()}: ${applied} migrations, ${pending}`);
}
