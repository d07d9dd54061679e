import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(__dirname),
  // lib modules are marked server-only for Next; in tests they run on the server anyway.
  "server-only": path.resolve(__dirname, "tests/server-only-stub.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/migrated-template.ts"],
          setupFiles: ["tests/integration/setup-database.ts"],
          // Tests that start real processes (tsx, the Prisma engine) share two cores with another file.
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Two files at a time (the newsroom's machines have two cores; VITEST_MAX_WORKERS=1 for one).
          // Safe because each file runs in its own process with its own environment and database file,
          // listens on no port, and writes only files of its own (uniquely named under tests/.tmp, or
          // in a fresh temporary folder).
          pool: "forks",
          maxWorkers: 2,
          // Its own group, so a plain `vitest run` may give the unit project a different worker count.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
