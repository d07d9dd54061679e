// bench:media's server part: `next start` from the shared production build (.next-bench) serving a
// fresh database and media folder under bench/.tmp. The article page's throughput with no uploads,
// then while signed-in uploaders keep 4 uploads of the 24 MP JPEG going through POST /api/media,
// and the server's peak resident memory meanwhile.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { load, warmUp, type LoadResult } from "./load";
import { startUploads, uploadAndWait, type UploadStats } from "./media-uploads";
import { removeDatabase } from "./newsroom-setup";
import { ROOT, TMP, assertPortFree, log, readPeakRss, resetPeakRss, run, startNext, stop, stopServersOnSignal, treeRss, waitForOk, withPeakMemory, type Server } from "./servers";
import { benchServerEnv, prepareNextSite } from "./setup";
import { signIn } from "./sign-in";

export const SERVER_PORT = 3210;
const DATABASE = path.join(TMP, "media-server.db");
const STORE = path.join(TMP, "media-server-store");
const EDITOR = { email: "photo-desk@bench.example", password: "bench-media-password" };
/** Unmeasured load first, as in bench:article: a fresh `next start` spends its first seconds compiling and growing its heap. */
const WARM_UP_LOAD_SECONDS = 5;
const MEMORY_SAMPLE_MS = 10;
const PROGRESS_MS = 5000;
const MB = 1e6;

export type ServerOptions = { duration: number; connections: number; uploaders: number; uploadFile: string; leadFile: string };

export type ServerRun = {
  page: string;
  loadAverage: number;
  idle: LoadResult;
  busy: LoadResult;
  uploads: UploadStats;
  baselineMb: number;
  peakMb: number;
  /** Whether the server's VmHWM could be reset, so it counts towards the peak besides the samples. */
  highWaterMark: boolean;
  warmUpSeconds: number;
};

export async function measureServerUnderUploads(options: ServerOptions): Promise<ServerRun> {
  const env = benchServerEnv(SERVER_PORT, DATABASE, { MEDIA_DIR: STORE });
  const servers: Server[] = [];
  stopServersOnSignal(servers);
  try {
    await assertPortFree(SERVER_PORT);
    log("making sure the .next-bench build is current (bench:article's installation, bench/.tmp/bench.db)…");
    await prepareNextSite(benchServerEnv(SERVER_PORT));
    removeDatabase(DATABASE);
    fs.rmSync(STORE, { recursive: true, force: true });
    log(`preparing ${path.relative(ROOT, DATABASE)} (migrations, demo article, admin; no build)…`);
    await run("npm", ["run", "-s", "cms", "--", "prepare", "--no-build"], env);
    const articleId = seedNewsroom(env, options.leadFile);
    log(`starting next start on port ${SERVER_PORT}…`);
    const next = startNext(SERVER_PORT, env, "next-media");
    servers.push(next);
    const baseUrl = `http://127.0.0.1:${SERVER_PORT}`;
    await waitForOk(`${baseUrl}/api/health`, next);
    const cookie = await signIn(baseUrl, EDITOR);
    log(`signed in as ${EDITOR.email} (editor)`);
    const page = `/articles/${articleId}`;
    const html = await warmUp(`${baseUrl}${page}`);
    // The figure ArticleView renders for a 题图: without it, this would measure a page without a photo.
    if (!html.includes('<figure class="photo lead"')) throw new Error(`${page} shows no 题图 (no <figure class="photo lead">)`);
    log(`${page}: ${(Buffer.byteLength(html) / 1e3).toFixed(0)} kB of HTML, with its 题图`);
    const bytes = fs.readFileSync(options.uploadFile);
    log("warm-up upload (loads libvips' codecs in the server)…");
    await uploadAndWait({ baseUrl, cookie, bytes, fileName: "warm-up.jpg" });

    const loadAverage = os.loadavg()[0];
    const warmUpSeconds = Math.min(WARM_UP_LOAD_SECONDS, options.duration);
    log(`(a) ${page} without uploads: ${options.connections} connections, ${warmUpSeconds} s unmeasured, then ${options.duration} s…`);
    await load(`${baseUrl}${page}`, { connections: options.connections, duration: warmUpSeconds });
    const idle = await load(`${baseUrl}${page}`, options);
    log(`(a) ${describeLoad(idle)}`);
    log(`(b) ${page} for ${options.duration} s while ${options.uploaders} uploaders keep sending the ${path.basename(options.uploadFile)} (${(bytes.length / MB).toFixed(1)} MB)…`);
    const during = await loadDuringUploads({ pid: next.child.pid!, pageUrl: `${baseUrl}${page}`, upload: { baseUrl, cookie, bytes }, options });
    log(`(b) ${describeLoad(during.busy)}`);
    return { page, loadAverage, idle, warmUpSeconds, ...during };
  } finally {
    await Promise.all(servers.map(stop));
    removeDatabase(DATABASE);
    fs.rmSync(STORE, { recursive: true, force: true });
  }
}

/** An editor with a known password and a published copy of the founding article with a 题图, written by lib in a child process; returns that article's id. */
function seedNewsroom(env: NodeJS.ProcessEnv, leadFile: string): number {
  log(`seeding an editor and an article with ${path.basename(leadFile)} as its 题图…`);
  const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
  const args = ["--conditions=react-server", "bench/lib/media-server-seed.ts", leadFile, EDITOR.email, EDITOR.password];
  const seeded = spawnSync(tsx, args, { cwd: ROOT, env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  if (seeded.status !== 0) throw new Error(`seeding the server's database failed:\n${seeded.stdout}`);
  const lastLine = seeded.stdout.trim().split("\n").at(-1) ?? "";
  return (JSON.parse(lastLine) as { articleId: number }).articleId;
}

type During = { pid: number; pageUrl: string; upload: { baseUrl: string; cookie: string; bytes: Buffer }; options: ServerOptions };

/** The page's load for `duration` s from the moment the uploads start; memory until the last upload has all its variants. */
async function loadDuringUploads({ pid, pageUrl, upload, options }: During) {
  const baselineMb = treeRss(pid) / MB;
  const highWaterMark = resetPeakRss(pid);
  log(`server RSS before the uploads: ${baselineMb.toFixed(0)} MB; its VmHWM ${highWaterMark ? "reset" : "could not be reset (10 ms samples only)"}`);
  let open = true;
  const started = performance.now();
  const measured = await withPeakMemory(pid, MEMORY_SAMPLE_MS, async () => {
    const uploads = startUploads(upload, options.uploaders, () => open);
    const progress = setInterval(() => {
      const { sent, answered, completed, failed } = uploads.stats;
      const seconds = Math.round((performance.now() - started) / 1000);
      log(`… ${seconds} s: server RSS ${(treeRss(pid) / MB).toFixed(0)} MB; uploads ${sent} sent, ${answered} answered, ${completed} with all variants, ${failed} failed`);
    }, PROGRESS_MS);
    try {
      const busy = await load(pageUrl, options);
      open = false;
      log(`load window over; waiting for the ${uploads.stats.sent - uploads.stats.completed - uploads.stats.failed} uploads in flight to get all their variants…`);
      return { busy, uploads: await uploads.done };
    } finally {
      open = false;
      clearInterval(progress);
      await uploads.done;
    }
  });
  const peak = Math.max(measured.peakMb * MB, (highWaterMark ? readPeakRss(pid) : null) ?? 0);
  return { ...measured.value, baselineMb, peakMb: peak / MB, highWaterMark };
}

function describeLoad(result: LoadResult): string {
  const median = result.requestsPerSecondMedian === null ? "" : `median ${Math.round(result.requestsPerSecondMedian)} req/s, `;
  return `${median}mean ${Math.round(result.requestsPerSecond)} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ${result.non2xx} non-2xx, ${result.errors} errors`;
}
