// Starts the end-to-end server: a fresh database with demo content and test fixtures, a production
// build of its own, then `next start`. Refuses to run against any database but the e2e one.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { E2E_DATABASE, E2E_PORT, E2E_SITE_SETTINGS_LOCK } from "./environment";

const configured = path.resolve((process.env.DATABASE_URL ?? "").replace(/^file:/, ""));
if (configured !== E2E_DATABASE || process.env.NEXT_DIST_DIR !== ".next-e2e") {
  console.error(`e2e set-up refuses database ${configured}: only ${E2E_DATABASE} with .next-e2e is allowed`);
  process.exit(1);
}
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(E2E_DATABASE + suffix, { force: true });
fs.rmSync(E2E_SITE_SETTINGS_LOCK, { recursive: true, force: true }); // left by an interrupted run

const run = (args: string[]) => {
  const result = spawnSync("npx", ["tsx", "--conditions=react-server", ...args], { stdio: "inherit", env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
run(["lib/cli/main.ts", "prepare", "--no-build"]);
run(["tests/e2e/seed.ts"]);
run(["lib/cli/main.ts", "prepare"]);

const server = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", String(E2E_PORT)], { stdio: "inherit", env: process.env });
const stop = () => server.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
server.on("exit", (code) => process.exit(code ?? 0));
