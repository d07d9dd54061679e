// Benchmark: the photo pipeline in-process (no HTTP), as uploads run it: lib/media's createPhoto on
// a fresh SQLite file and media folder under bench/.tmp. Measures a 24-megapixel JPEG (time to the
// first usable variant and to all variants), peak memory during 4 concurrent 24-MP uploads, the
// modern-format candidates (time, bytes, SSIM), and what a phone and a desktop download for an
// article's ten photos. Then the server part (bench/lib/media-server.ts): the article page's
// throughput under `next start` without and during 4 concurrent 24-MP uploads through POST
// /api/media, and the server's peak memory meanwhile. Prints the tables and appends a dated section
// to bench/RESULTS.md.
//   npm run bench:media [-- --runs 10] [--duration 10] [--connections 32] [--only in-process|server] [--print-only]
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import sharp, { type Sharp } from "sharp";
import type { Viewer } from "../lib/auth/viewer";
import type { PhotoVariantDto } from "../lib/media/dto";
import { ARTICLE_SET, BIG_PHOTO } from "./lib/media-images";
import { ssim } from "./lib/media-quality";
import { measureServerUnderUploads, type ServerOptions } from "./lib/media-server";
import { serverReportPart } from "./lib/media-server-report";
import { prepareDatabase, removeDatabase } from "./lib/newsroom-setup";
import { appendResults, formatTargets, type ReportPart } from "./lib/report";
import { ROOT, TMP, log, readPeakRss, resetPeakRss } from "./lib/servers";
import { formatMs, formatSummaryTable, summarize } from "./lib/timing";

const DATABASE_FILE = path.join(TMP, "media.db");
const STORE = path.join(TMP, "media-store");
const IMAGES = path.join(TMP, "media-images");
const CONCURRENT_UPLOADS = 4;
const HANDOUT = "set-08-handout.jpg";
/** The server part's 题图: a 6 MP frame, a common size for a lead photo. */
const LEAD_PHOTO = "set-07-6mp.jpg";
const PHONE = { viewport: 390, dpr: 3 };
const DESKTOP = { viewport: 1366, dpr: 1 };
const TARGETS = { allP95Ms: 4000, firstMs: 1000, peakRssMb: 600, phoneShare: 0.15 };
const MB = 1e6;

const PARTS = ["in-process", "server"] as const;
type Options = { runs: number; printOnly: boolean; parts: (typeof PARTS)[number][]; duration: number; connections: number };

/** Candidates for the modern format, and the JPEG fallback for reference; the chosen settings are in lib/media/variants.ts. */
const CANDIDATES: { label: string; encode: (image: Sharp) => Sharp }[] = [
  { label: "JPEG q80 progressive (fallback)", encode: (image) => image.jpeg({ quality: 80, progressive: true }) },
  { label: "WebP q75 effort 4", encode: (image) => image.webp({ quality: 75, effort: 4 }) },
  { label: "WebP q80 effort 4", encode: (image) => image.webp({ quality: 80, effort: 4 }) },
  { label: "AVIF q50 effort 0", encode: (image) => image.avif({ quality: 50, effort: 0 }) },
  { label: "AVIF q55 effort 0 (chosen)", encode: (image) => image.avif({ quality: 55, effort: 0 }) },
  { label: "AVIF q60 effort 0", encode: (image) => image.avif({ quality: 60, effort: 0 }) },
  { label: "AVIF q55 effort 2", encode: (image) => image.avif({ quality: 55, effort: 2 }) },
];

async function loadMediaLib() {
  const [{ prisma }, upload, read, queue, image, picture, variants, env] = await Promise.all([
    import("../lib/db"),
    import("../lib/media/upload"),
    import("../lib/media/read"),
    import("../lib/media/work-queue"),
    import("../lib/media/image"),
    import("../lib/media/picture"),
    import("../lib/media/variants"),
    import("../lib/env"),
  ]);
  return { prisma, ...upload, ...read, ...queue, ...image, ...picture, ...variants, ...env };
}
type Lib = Awaited<ReturnType<typeof loadMediaLib>>;

async function main(): Promise<number> {
  const options = readOptions();
  // Pictures are made in a child process so their decoded layers never count towards this one's memory.
  const generated = spawnSync(path.join(ROOT, "node_modules", ".bin", "tsx"), ["bench/lib/media-images.ts", IMAGES], { cwd: ROOT, stdio: "inherit" });
  if (generated.status !== 0) throw new Error("generating the test pictures failed");
  const inProcess = options.parts.includes("in-process") ? await measureInProcess(options) : null;
  const serverOptions: ServerOptions = {
    duration: options.duration,
    connections: options.connections,
    uploaders: CONCURRENT_UPLOADS,
    uploadFile: path.join(IMAGES, BIG_PHOTO.name),
    leadFile: path.join(IMAGES, LEAD_PHOTO),
  };
  const server = options.parts.includes("server") ? await measureServerUnderUploads(serverOptions) : null;
  const parts = [inProcess && inProcessReportPart(inProcess), server && serverReportPart(server, serverOptions, TARGETS.peakRssMb)].filter((part) => part !== null);
  report(options, inProcess?.loadAverage ?? server!.loadAverage, parts);
  return 0;
}

/** Parts 1-4: lib/media in this process. */
async function measureInProcess(options: Options) {
  prepareDatabase(DATABASE_FILE);
  fs.rmSync(STORE, { recursive: true, force: true });
  process.env.MEDIA_DIR = STORE;
  const lib = await loadMediaLib();
  try {
    const user = await lib.prisma.user.create({ data: { email: "photo-desk@bench.example", displayName: "图片编辑", passwordHash: "-", role: "editor" } });
    const viewer: Viewer = { id: user.id, email: user.email, displayName: user.displayName, role: "editor", authorId: null };
    const big = fs.readFileSync(path.join(IMAGES, BIG_PHOTO.name));
    const loadAverage = os.loadavg()[0];
    log(`load average (1 min) before the run: ${loadAverage.toFixed(2)} on ${os.cpus().length} CPUs; image slots: ${lib.imageWorkStatus().slots}`);

    await uploadAndWait(lib, viewer, big); // warm-up: loads libvips' codecs and Prisma's statements
    const concurrent = await measureConcurrent(lib, viewer, big);
    const single = await measureSingle(lib, viewer, big, options.runs);
    const formats = await compareFormats(lib, big);
    const article = await measureArticleSet(lib, viewer);
    return { options, loadAverage, slots: lib.imageWorkStatus().slots, bigBytes: big.length, single, concurrent, formats, article };
  } finally {
    await lib.prisma.$disconnect();
    removeDatabase(DATABASE_FILE);
    fs.rmSync(STORE, { recursive: true, force: true });
  }
}

async function uploadAndWait(lib: Lib, viewer: Viewer, bytes: Buffer, fileName = "bench.jpg") {
  const started = performance.now();
  const photo = await lib.createPhoto(viewer, { bytes, fileName });
  const firstMs = performance.now() - started;
  await lib.waitForImageWork();
  const allMs = performance.now() - started;
  const finished = (await lib.getPhoto(viewer, photo.id))!;
  if (finished.variantsPending || finished.variants.length === 0) throw new Error(`photo ${photo.id} did not get its variants`);
  return { firstMs, allMs, photo: finished };
}

async function measureSingle(lib: Lib, viewer: Viewer, bytes: Buffer, runs: number) {
  const first: number[] = [];
  const all: number[] = [];
  for (let run = 0; run < runs; run++) {
    const result = await uploadAndWait(lib, viewer, bytes);
    first.push(result.firstMs);
    all.push(result.allMs);
    log(`24 MP upload ${run + 1}/${runs}: first variant ${formatMs(result.firstMs)}, all ${result.photo.variants.length} variants ${formatMs(result.allMs)}`);
  }
  return { first: summarize(first), all: summarize(all) };
}

/** Peak RSS while CONCURRENT_UPLOADS uploads of the 24 MP file arrive at once, until every variant is made. */
async function measureConcurrent(lib: Lib, viewer: Viewer, bytes: Buffer) {
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  // Not Linux, or not allowed: the 10 ms samples remain.
  const highWaterMark = resetPeakRss();
  let sampled = baseline;
  const sampler = setInterval(() => (sampled = Math.max(sampled, process.memoryUsage().rss)), 10);
  const started = performance.now();
  const firsts = await Promise.all(
    Array.from({ length: CONCURRENT_UPLOADS }, async (_, index) => {
      await lib.createPhoto(viewer, { bytes: Buffer.from(bytes), fileName: `concurrent-${index}.jpg` });
      return performance.now() - started;
    }),
  );
  await lib.waitForImageWork();
  const totalMs = performance.now() - started;
  clearInterval(sampler);
  const peak = Math.max(sampled, (highWaterMark ? readPeakRss() : null) ?? 0);
  log(
    `${CONCURRENT_UPLOADS} concurrent uploads: first variants after ${firsts.map((ms) => formatMs(ms)).join(", ")}; all done in ${formatMs(totalMs)}; peak RSS ${(peak / MB).toFixed(0)} MB (baseline ${(baseline / MB).toFixed(0)} MB)`,
  );
  return { baselineMb: baseline / MB, peakMb: peak / MB, firsts, totalMs };
}

type FormatRow = { label: string; allMs: number; bytes: number; bytesAt1280: number; ssimAt1280: number; handoutBytes: number; handoutSsim: number };

/** Every candidate on the same decoded master, one encode at a time (as the pipeline runs them). */
async function compareFormats(lib: Lib, bytes: Buffer): Promise<FormatRow[]> {
  const maxPixels = lib.mediaMaxPixels();
  const decode = async (file: Buffer) => lib.decodeMaster(file, await lib.inspectImage(file, maxPixels), maxPixels);
  const master = await decode(bytes);
  // A smoother picture too: grain is the worst case for AVIF's SSIM, a handout graphic-like frame the mild one.
  const handout = await decode(fs.readFileSync(path.join(IMAGES, HANDOUT)));
  const rows: FormatRow[] = [];
  for (const candidate of CANDIDATES) {
    let total = 0;
    let at1280: Buffer | null = null;
    const started = performance.now();
    for (const width of lib.planWidths(master.width)) {
      const image = sharp(master.data, { raw: { width: master.width, height: master.height, channels: master.channels } }).resize({ width });
      const data = await candidate.encode(image).toBuffer();
      total += data.length;
      if (width === 1280) at1280 = data;
    }
    const allMs = performance.now() - started;
    const handout1280 = await candidate
      .encode(sharp(handout.data, { raw: { width: handout.width, height: handout.height, channels: handout.channels } }).resize({ width: 1280 }))
      .toBuffer();
    rows.push({
      label: candidate.label,
      allMs,
      bytes: total,
      bytesAt1280: at1280!.length,
      ssimAt1280: await ssim(at1280!, master, 1280),
      handoutBytes: handout1280.length,
      handoutSsim: await ssim(handout1280, handout, 1280),
    });
    log(`${candidate.label}: ${formatMs(allMs)} for ${lib.planWidths(master.width).length} widths, ${(total / 1e3).toFixed(0)} kB`);
  }
  return rows;
}

async function measureArticleSet(lib: Lib, viewer: Viewer) {
  const phoneSlot = lib.figureSlotWidth(PHONE.viewport);
  const desktopSlot = lib.figureSlotWidth(DESKTOP.viewport);
  const rows: { name: string; original: number; phone: PhotoVariantDto; phoneJpeg: PhotoVariantDto; desktop: PhotoVariantDto; desktopJpeg: PhotoVariantDto }[] = [];
  for (const spec of ARTICLE_SET) {
    const bytes = fs.readFileSync(path.join(IMAGES, spec.name));
    const { photo } = await uploadAndWait(lib, viewer, bytes, spec.name);
    const pick = (format: string, slot: number, dpr: number) => lib.pickVariant(photo.variants, format, slot, dpr)!;
    rows.push({
      name: spec.name,
      original: bytes.length,
      phone: pick(lib.MODERN_FORMAT, phoneSlot, PHONE.dpr),
      phoneJpeg: pick(lib.FALLBACK_FORMAT, phoneSlot, PHONE.dpr),
      desktop: pick(lib.MODERN_FORMAT, desktopSlot, DESKTOP.dpr),
      desktopJpeg: pick(lib.FALLBACK_FORMAT, desktopSlot, DESKTOP.dpr),
    });
  }
  const sum = (select: (row: (typeof rows)[number]) => number) => rows.reduce((total, row) => total + select(row), 0);
  return {
    phoneSlot,
    desktopSlot,
    originals: sum((row) => row.original),
    phone: sum((row) => row.phone.bytes),
    phoneJpeg: sum((row) => row.phoneJpeg.bytes),
    desktop: sum((row) => row.desktop.bytes),
    desktopJpeg: sum((row) => row.desktopJpeg.bytes),
    phoneWidths: [...new Set(rows.map((row) => row.phone.width))],
    desktopWidths: [...new Set(rows.map((row) => row.desktop.width))],
  };
}

type InProcessRun = Awaited<ReturnType<typeof measureInProcess>>;

function inProcessReportPart(run: InProcessRun): ReportPart {
  const { single, concurrent, formats, article } = run;
  const mb = (bytes: number) => `${(bytes / MB).toFixed(2)} MB`;
  const percent = (part: number) => `${((part / article.originals) * 100).toFixed(1)} %`;
  const table = formatSummaryTable([
    { label: "24 MP JPEG: upload to first usable variant (createPhoto returns)", summary: single.first },
    { label: "24 MP JPEG: upload to all 12 variants stored and recorded", summary: single.all },
  ]);
  const formatTable = [
    "| encoder | 24 MP: time, 6 widths | 24 MP: bytes, 6 widths | 24 MP: bytes at 1280 | 24 MP: SSIM at 1280 | handout: bytes at 1280 | handout: SSIM at 1280 |",
    "|---|---:|---:|---:|---:|---:|---:|",
    ...formats.map(
      (row) =>
        `| ${row.label} | ${formatMs(row.allMs)} | ${(row.bytes / 1e3).toFixed(0)} kB | ${(row.bytesAt1280 / 1e3).toFixed(0)} kB | ${row.ssimAt1280.toFixed(4)} | ${(row.handoutBytes / 1e3).toFixed(0)} kB | ${row.handoutSsim.toFixed(4)} |`,
    ),
  ].join("\n");
  const downloadTable = [
    "| 10-photo article, full-width figures | modern (AVIF) | JPEG fallback | share of originals (modern) |",
    "|---|---:|---:|---:|",
    `| originals (${ARTICLE_SET.length} camera/phone JPEGs) | ${mb(article.originals)} | | 100 % |`,
    `| phone ${PHONE.viewport} px, DPR ${PHONE.dpr} (slot ${article.phoneSlot} px → ${article.phoneWidths.join("/")} w) | ${mb(article.phone)} | ${mb(article.phoneJpeg)} | ${percent(article.phone)} |`,
    `| desktop ${DESKTOP.viewport} px, DPR ${DESKTOP.dpr} (slot ${article.desktopSlot} px → ${article.desktopWidths.join("/")} w) | ${mb(article.desktop)} | ${mb(article.desktopJpeg)} | ${percent(article.desktop)} |`,
  ].join("\n");
  const phoneShare = article.phone / article.originals;
  return {
    table: `${table}\n\n${formatTable}\n\n${downloadTable}`,
    targets: [
      { label: `all variants of a 24 MP JPEG, p95 ≤ ${TARGETS.allP95Ms / 1000} s`, measured: formatMs(single.all.p95Ms), met: single.all.p95Ms <= TARGETS.allP95Ms },
      { label: `first usable variant ≤ ${TARGETS.firstMs / 1000} s (p95)`, measured: formatMs(single.first.p95Ms), met: single.first.p95Ms <= TARGETS.firstMs },
      {
        label: `peak RSS during ${CONCURRENT_UPLOADS} concurrent 24 MP uploads ≤ ${TARGETS.peakRssMb} MB`,
        measured: `${concurrent.peakMb.toFixed(0)} MB`,
        met: concurrent.peakMb <= TARGETS.peakRssMb,
      },
      { label: `phone downloads ≤ ${TARGETS.phoneShare * 100} % of the originals`, measured: `${(phoneShare * 100).toFixed(1)} %`, met: phoneShare <= TARGETS.phoneShare },
    ],
    settings: [
      `in-process lib/media calls (createPhoto, then waitForImageWork) on a fresh SQLite file and media folder under bench/.tmp`,
      `${run.slots} image slot${run.slots === 1 ? "" : "s"} (MEDIA_CONCURRENCY default: half the cores), one libvips thread per image`,
      `24 MP = ${BIG_PHOTO.width}×${BIG_PHOTO.height} generated JPEG q90 (${mb(run.bigBytes)}; smooth scene + seeded noise at 4 scales), ${run.options.runs} sequential uploads after one warm-up`,
      `${CONCURRENT_UPLOADS} concurrent uploads of the same file started together; peak RSS = max of VmHWM (reset first) and 10 ms samples`,
      `download sizes: the variant a browser picks from srcset for sizes="(min-width: 48rem) 46rem, calc(100vw - 2rem)" (narrowest ≥ slot × DPR); SSIM on luma, 8×8 blocks, against the decoded master at the same width; "handout" = ${HANDOUT}`,
    ],
    notes: [
      `${CONCURRENT_UPLOADS} concurrent uploads: first variants after ${concurrent.firsts.map((ms) => formatMs(ms)).join(", ")} (queued one slot at a time, uploads ahead of background work); all 48 variants after ${formatMs(concurrent.totalMs)}; RSS baseline ${concurrent.baselineMb.toFixed(0)} MB.`,
      `Time per upload includes the SQLite transaction and audit event; no HTTP, no body streaming.`,
    ],
  };
}

function report(options: Options, loadAverage: number, parts: ReportPart[]): void {
  const table = parts.map((part) => part.table).join("\n\n");
  const targets = formatTargets(parts.flatMap((part) => part.targets));
  console.log(`\n${table}\n\n${targets}\n`);
  if (options.printOnly) return;
  const args = process.argv.slice(2).join(" ");
  const file = appendResults({
    command: `npm run bench:media${args ? ` -- ${args}` : ""}`,
    settings: parts.flatMap((part) => part.settings).join("; "),
    loadAverage,
    table,
    targets,
    notes: [
      ...parts.flatMap((part) => part.notes),
      "The machine is shared with other work, so figures move with the load average; compare sections only from the same machine and a similar load.",
    ],
  });
  log(`appended the results to ${file}`);
}

const USAGE = `usage: npm run bench:media -- [--runs count ≥ 1] [--duration seconds] [--connections count] [--only ${PARTS.join("|")}] [--print-only]`;

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      runs: { type: "string", default: "10" },
      duration: { type: "string", default: "10" },
      connections: { type: "string", default: "32" },
      only: { type: "string" },
      "print-only": { type: "boolean", default: false },
    },
  });
  const options = { runs: Number(values.runs), duration: Number(values.duration), connections: Number(values.connections), printOnly: values["print-only"] };
  const parts = PARTS.filter((part) => values.only === undefined || values.only === part);
  const valid = Number.isInteger(options.runs) && options.runs >= 1 && options.duration > 0 && Number.isInteger(options.connections) && options.connections >= 1;
  if (!valid || parts.length === 0) throw new Error(USAGE);
  return { ...options, parts };
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  });
