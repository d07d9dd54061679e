// Benchmark: the public article page /articles/1 as served by `next start` (production build,
// own SQLite file) next to nginx serving the same HTML as a static file, the ceiling for this
// machine. Measures requests/s, latency p50/p99, non-2xx responses, errors and the Next server's
// peak memory under the same concurrent load, then appends a dated section to bench/RESULTS.md.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { appendResults, formatTable, formatTargets, type Row, type Target } from "./lib/report";
import { load, loadTool, warmUp, type LoadResult } from "./lib/load";
import { NGINX, benchServerEnv, prepareNextSite, startNginx, writeNginxConfig } from "./lib/setup";
import { ROOT, TMP, assertPortFree, log, startNext, stop, stopServersOnSignal, waitForOk, withPeakMemory, type Server } from "./lib/servers";

const NEXT_PORT = 3200;
const NGINX_PORT = 3201;
const PAGE = "/articles/1";
const WARM_UP_REQUESTS = 5;
// Unmeasured load before each measured run: a freshly started `next start` spends its first
// seconds under load compiling and growing its heap, with event-loop stalls of 100-170 ms that
// would otherwise make p99 a figure of the start, not of the running site.
const WARM_UP_LOAD_SECONDS = 5;
const MEMORY_SAMPLE_MS = 200;
const TARGETS = { minShareOfNginx: 6, maxP99Ms: 50, maxMemoryMb: 300 };

type Options = { duration: number; connections: number };

async function main(): Promise<number> {
  const options = readOptions();
  if (!fs.existsSync(NGINX)) {
    console.error(`error: ${NGINX} not found. Install it with: apt-get install -y nginx-light`);
    return 1;
  }
  const nginxDir = path.join(TMP, "nginx");
  fs.mkdirSync(nginxDir, { recursive: true });
  const env = benchServerEnv(NEXT_PORT);
  const servers: Server[] = [];
  stopServersOnSignal(servers);
  try {
    await assertPortFree(NEXT_PORT);
    await assertPortFree(NGINX_PORT);
    log("preparing the bench installation (bench/.tmp/bench.db, .next-bench)…");
    await prepareNextSite(env);

    log(`starting next start on port ${NEXT_PORT}…`);
    const next = startNext(NEXT_PORT, env);
    servers.push(next);
    await waitForOk(`http://127.0.0.1:${NEXT_PORT}/api/health`, next);
    const html = await warmUp(`http://127.0.0.1:${NEXT_PORT}${PAGE}`, WARM_UP_REQUESTS);
    fs.writeFileSync(path.join(nginxDir, "article.html"), html);
    log(`saved ${PAGE} (${Buffer.byteLength(html)} bytes) to ${path.relative(ROOT, nginxDir)}/article.html`);

    log(`starting nginx on port ${NGINX_PORT}…`);
    const config = writeNginxConfig(nginxDir, NGINX_PORT);
    const nginx = startNginx("nginx", nginxDir, config, path.join(TMP, "nginx-error.log"));
    servers.push(nginx);
    await waitForOk(`http://127.0.0.1:${NGINX_PORT}${PAGE}`, nginx, 10_000);

    const loadAverage = os.loadavg()[0];
    log(`loading nginx: ${options.connections} connections, ${WARM_UP_LOAD_SECONDS} s unmeasured, then ${options.duration} s…`);
    await load(`http://127.0.0.1:${NGINX_PORT}${PAGE}`, { ...options, duration: WARM_UP_LOAD_SECONDS });
    const nginxResult = await load(`http://127.0.0.1:${NGINX_PORT}${PAGE}`, options);
    log(`loading Next: ${options.connections} connections, ${WARM_UP_LOAD_SECONDS} s unmeasured, then ${options.duration} s…`);
    await load(`http://127.0.0.1:${NEXT_PORT}${PAGE}`, { ...options, duration: WARM_UP_LOAD_SECONDS });
    const nextResult = await withPeakMemory(next.child.pid!, MEMORY_SAMPLE_MS, () => load(`http://127.0.0.1:${NEXT_PORT}${PAGE}`, options));

    report(options, loadAverage, [toRow("nginx (static copy)", nginxResult, null), toRow("Next (next start)", nextResult.value, nextResult.peakMb)]);
    return 0;
  } finally {
    await Promise.all(servers.map(stop));
  }
}

function readOptions(): Options {
  const { values } = parseArgs({ options: { duration: { type: "string", default: "10" }, connections: { type: "string", default: "32" } } });
  const options = { duration: Number(values.duration), connections: Number(values.connections) };
  if (!(options.duration > 0) || !Number.isInteger(options.connections) || options.connections < 1) {
    throw new Error("usage: npm run bench:article -- [--duration seconds] [--connections count]");
  }
  return options;
}

function toRow(server: string, result: LoadResult, peakMemoryMb: number | null): Row {
  const { requestsPerSecond, p50Ms, p99Ms, non2xx, errors } = result;
  return { server, requestsPerSecond, p50Ms: Math.round(p50Ms * 10) / 10, p99Ms: Math.round(p99Ms * 10) / 10, peakMemoryMb, non2xx, errors };
}

function report(options: Options, loadAverage: number, [nginx, next]: Row[]): void {
  const share = (next.requestsPerSecond / nginx.requestsPerSecond) * 100;
  const targets: Target[] = [
    { label: `Next throughput ≥ ${TARGETS.minShareOfNginx} % of nginx`, measured: `${share.toFixed(1)} %`, met: share >= TARGETS.minShareOfNginx },
    { label: `Next p99 < ${TARGETS.maxP99Ms} ms`, measured: `${next.p99Ms} ms`, met: next.p99Ms < TARGETS.maxP99Ms },
    { label: `Next peak memory < ${TARGETS.maxMemoryMb} MB`, measured: `${Math.round(next.peakMemoryMb ?? 0)} MB`, met: (next.peakMemoryMb ?? Infinity) < TARGETS.maxMemoryMb },
  ];
  for (const row of [nginx, next]) {
    if (row.non2xx > 0 || row.errors > 0) log(`warning: ${row.server} had ${row.non2xx} non-2xx responses and ${row.errors} errors`);
  }
  const table = formatTable([nginx, next]);
  const args = process.argv.slice(2).join(" ");
  console.log(`\n${table}\n\nNext/nginx throughput: ${share.toFixed(1)} %\n\n${formatTargets(targets)}\n`);
  const file = appendResults({
    command: `npm run bench:article${args ? ` -- ${args}` : ""}`,
    settings: `${loadTool()}, ${options.connections} connections, ${options.duration} s per server after ${WARM_UP_LOAD_SECONDS} s of unmeasured load on each, nginx first then Next; page ${PAGE}; memory = peak RSS of the next start process tree, sampled every ${MEMORY_SAMPLE_MS} ms (1 MB = 10⁶ bytes)`,
    loadAverage,
    table: `${table}\n\nNext/nginx throughput: **${share.toFixed(1)} %**`,
    targets: formatTargets(targets),
    notes: [
      "The load generator runs on the same 2-core machine and competes with the server for CPU. wrk (one thread) is used when installed (`apt-get install wrk`); autocannon, the fallback, needs a whole core and caps nginx well below its real rate, which flatters the Next/nginx ratio (see bench/README.md).",
      "The machine is shared with other work (tests, builds), so figures are noisy from run to run; compare sections only from the same machine and with a similar load average.",
    ],
  });
  log(`appended the results to ${file}`);
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
