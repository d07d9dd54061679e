// Prisma CLI configuration: migrations run through the bundled WebAssembly engine and the
// better-sqlite3 adapter, so nothing is downloaded (see shared stack notes).
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseUrl } from "./lib/database-url";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaBetterSQLite3({ url: databaseUrl() }),
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
