// Benchmark: `cms db:backup` of a database holding 100,000 articles while `next start` serves /articles/1
// under load (autocannon, 32 connections) and /api/health (a query per request) under a light one.
// Target: zero failed requests. Prints and appends to bench/RESULTS.md backup duration, size and load.
import autocannon, { type Result } from "autocannon";
import Database from "better-sqlite3";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { backupFileName } from "../lib/backup/backup";
import { composeParagraphs, fixtureSentences, seededRandom } from "./lib/chinese-body";
import { appendResults, formatTargets } from "./lib/report";
import { ROOT, TMP, assertPortFree, log, run, sleep, startNext, stop, waitForOk, type Server } from "./lib/servers";
import { benchServerEnv, prepareNextSite } from "./lib/setup";

const PORT = 3200;
const PAGE = "/articles/1";
const DATABASE = path.join(TMP, "backup-bench.db");
const BACKUPS = path.join(TMP, "backups");
const BODIES = 500;
const BODY_CHARACTERS = 1000;
const BATCH = 10_000;
const HEALTH = { path: "/api/health", connections: 4 };
const WARM_UP_SECONDS = 5;

type Options = { articles: number; connections: number; baseline: number };
type Load = { label: string; path: string; result: Result };
type Running = Promise<Result> & { stop(): void };

const env = benchServerEnv(PORT, DATABASE);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { articles: { type: "string", default: "100000" }, connections: { type: "string", default: "32" }, baseline: { type: "string", default: "10" } },
  });
  const options: Options = { articles: Number(values.articles), connections: Number(values.connections), baseline: Number(values.baseline) };
  if (![options.articles, options.connections, options.baseline].every((n) => Number.isInteger(n) && n > 0)) {
    throw new Error("usage: npm run bench:backup -- [--articles N] [--connections N] [--baseline seconds]");
  }
  let server: Server | undefined;
  process.on("SIGINT", () => void (server ? stop(server) : Promise.resolve()).finally(() => process.exit(130)));
  try {
    await assertPortFree(PORT);
    log("making sure the .next-bench build is current (the article benchmark's installation, bench/.tmp/bench.db)…");
    await prepareNextSite(benchServerEnv(PORT));
    log(`preparing ${path.relative(ROOT, DATABASE)} (migrations, demo article, admin; no build)…`);
    await run("npm", ["run", "cms", "--", "prepare", "--no-build"], env);
    seedArticles(options.articles);
    server = startNext(PORT, env, "next-backup");
    await waitForOk(`http://127.0.0.1:${PORT}/api/health`, server);
    log(`warm-up: ${WARM_UP_SECONDS} s of the same load, not measured…`);
    await Promise.all(startLoad(options, WARM_UP_SECONDS));
    const loadAverage = os.loadavg()[0];
    log(`baseline: ${options.connections} connections on ${PAGE} and ${HEALTH.connections} on ${HEALTH.path} for ${options.baseline} s, no backup…`);
    const baseline = await Promise.all(startLoad(options, options.baseline));
    const during = await loadDuringBackup(options);
    const loads = [...label("no backup (baseline)", baseline), ...label("during db:backup", during.results)];
    report(options, loadAverage, loads, during.backup);
  } finally {
    if (server) await stop(server);
  }
}

/** Tops the bench database up to `total` articles with raw inserts, one transaction per batch. */
function seedArticles(total: number): void {
  const db = new Database(DATABASE);
  const existing = (db.prepare("SELECT count(*) AS n FROM Article").get() as { n: number }).n;
  const channelId = (db.prepare("SELECT id FROM Channel ORDER BY id LIMIT 1").get() as { id: number } | undefined)?.id ?? null;
  const sentences = fixtureSentences();
  const random = seededRandom(20200302);
  const bodies = Array.from({ length: BODIES }, () => composeParagraphs(sentences, BODY_CHARACTERS, random));
  const insert = db.prepare(`INSERT INTO Article (title, summary, bodyHtml, bodyText, source, status, publishedAt, channelId, createdAt, updatedAt)
    VALUES (?, ?, ?, ?, '济南日报', 'published', ?, ?, ?, ?)`);
  const writeBatch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const paragraphs = bodies[i % BODIES];
      const at = new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString().replace("Z", "+00:00");
      insert.run(
        `平阴新闻 第${i + 1}篇 ${paragraphs[0].slice(0, 16)}`,
        paragraphs[0].slice(0, 80),
        paragraphs.map((p) => `<p>${p}</p>`).join(""),
        paragraphs.join("\n"),
        at,
        channelId,
        at,
        at,
      );
    }
  });
  for (let done = existing; done < total; done = Math.min(total, done + BATCH)) {
    writeBatch(done, Math.min(total, done + BATCH));
    log(`seeded ${Math.min(total, done + BATCH).toLocaleString("en-US")}/${total.toLocaleString("en-US")} articles`);
  }
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  log(`${path.relative(ROOT, DATABASE)}: ${(fs.statSync(DATABASE).size / 1e6).toFixed(0)} MB, ${Math.max(existing, total).toLocaleString("en-US")} articles`);
}

function startLoad(options: Options, duration: number): Running[] {
  return [
    autocannon({ url: `http://127.0.0.1:${PORT}${PAGE}`, connections: options.connections, duration }),
    autocannon({ url: `http://127.0.0.1:${PORT}${HEALTH.path}`, connections: HEALTH.connections, duration }),
  ] as Running[];
}

const label = (phase: string, [page, health]: Result[]): Load[] => [
  { label: phase, path: PAGE, result: page },
  { label: phase, path: HEALTH.path, result: health },
];

type BackupRun = { ms: number; bytes: number; file: string; summary: string; exitCode: number | null };

/** Load starts, the backup runs one second later as its own process, the load stops one second after it. */
async function loadDuringBackup(options: Options): Promise<{ results: Result[]; backup: BackupRun }> {
  const loads = startLoad(options, 3600);
  await sleep(1000);
  const file = path.join(BACKUPS, backupFileName());
  log(`db:backup to ${path.relative(ROOT, file)} under load…`);
  const started = Date.now();
  const child = spawn("npm", ["run", "-s", "cms", "--", "db:backup", "--out", file, "--keep", "2"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exitCode = await new Promise<number | null>((resolve) => child.once("close", resolve));
  const ms = Date.now() - started;
  process.stdout.write(output);
  await sleep(1000);
  for (const load of loads) load.stop();
  const summary = /^backup: .*$/m.exec(output)?.[0] ?? "(no summary printed)";
  return { results: await Promise.all(loads), backup: { ms, bytes: exitCode === 0 ? fs.statSync(file).size : 0, file, summary, exitCode } };
}

function report(options: Options, loadAverage: number, loads: Load[], backup: BackupRun): void {
  const failed = (result: Result) => result.non2xx + result.errors + result.timeouts;
  const rows = loads.map(
    ({ label, path, result }) =>
      `| ${label} | ${path} | ${Math.round(result.duration)} s | ${result.requests.total.toLocaleString("en-US")} | ${Math.round(result.requests.average).toLocaleString("en-US")} | ${result.latency.p50} ms | ${result.latency.p99} ms | ${result.non2xx} | ${result.errors} | ${result.timeouts} |`,
  );
  const backupLine = `db:backup: exit ${backup.exitCode}, ${(backup.ms / 1000).toFixed(1)} s wall clock (npm and tsx start-up included), ${(backup.bytes / 1e6).toFixed(0)} MB; it printed: \`${backup.summary.replace(ROOT + "/", "")}\``;
  const table = ["| phase | URL | duration | requests | req/s | p50 | p99 | non-2xx | errors | timeouts |", "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|", ...rows].join(
    "\n",
  );
  const [page, health] = loads.slice(-2).map(({ result }) => result);
  const targets = formatTargets([
    { label: `zero failed requests on ${PAGE} during the backup (non-2xx + errors + timeouts)`, measured: String(failed(page)), met: failed(page) === 0 },
    { label: `zero failed requests on ${HEALTH.path} (a database query each) during the backup`, measured: String(failed(health)), met: failed(health) === 0 },
    { label: "the backup succeeds (exit 0, integrity ok)", measured: `exit ${backup.exitCode}`, met: backup.exitCode === 0 },
  ]);
  console.log(`\n${table}\n\n${backupLine}\n\n${targets}\n`);
  const file = appendResults({
    command: `npm run bench:backup${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`,
    settings: `${options.articles.toLocaleString("en-US")} published articles (about ${BODY_CHARACTERS.toLocaleString("en-US")} characters of body each) in bench/.tmp/backup-bench.db (WAL); \`next start\` from the .next-bench build; ${options.connections} autocannon connections on ${PAGE} and ${HEALTH.connections} on ${HEALTH.path} (two autocannon instances), after a ${WARM_UP_SECONDS} s warm-up: ${options.baseline} s without a backup, then from 1 s before \`db:backup --keep 2\` (a separate process, as an admin runs it) until 1 s after it ended`,
    loadAverage,
    table: `${table}\n\n${backupLine}`,
    targets,
    notes: [
      `${PAGE} is prerendered (static, revalidated hourly), so its load competes with the backup for CPU and disk, not for the database; ${HEALTH.path} runs a query on every request, so it shows whether the site's database connection stays usable. The backup reads through its own connection, which blocks neither the site's readers nor its writers (WAL).`,
      "The machine has 2 cores shared by the server, autocannon, the backup and other work, so durations are noisy; compare sections only from the same machine and a similar load average.",
    ],
  });
  log(`appended the results to ${file}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
