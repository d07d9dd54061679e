// Gives each integration test file its own real SQLite file (WAL), a copy of the run's migrated
// template, removed afterwards. Runs before the file imports lib/db, which reads DATABASE_URL once.
import { afterAll } from "vitest";
import { copyMigratedDatabase, removeDatabase } from "./migrated-database";

const file = copyMigratedDatabase();
process.env.DATABASE_URL = `file:${file}`;

afterAll(async () => {
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
  removeDatabase(file);
});
