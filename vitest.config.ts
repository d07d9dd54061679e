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
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Two files at a time (the newsroom's machines have two cores). Safe because each file has
          // its own database file, process and environment, listens on no port, and writes only files
          // of its own (uniquely named under tests/.tmp, or in a fresh temporary folder).
          maxWorkers: 2,
          // Its own group, so a plain `vitest run` may give the unit project a different worker count.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
