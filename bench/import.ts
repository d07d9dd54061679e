// Benchmark of `cms import`: 10,000 generated pages into a fresh SQLite file, then the same again (all unchanged).
// Time against the 2-minute target, memory at start, middle and end, a dated section appended to bench/RESULTS.md.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { writePages, type GeneratedPage } from "./lib/generate-pages";
import { describeMachine } from "./lib/report";

const ROOT = path.resolve(__dirname, "..");
const WORK = path.join(ROOT, "bench", ".tmp", "import");
const TARGET_MS = 120_000;
const FLAT_HEAP_MB = 25;
const FLAT_RSS_MB = 50;

v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc") as () => void;

type Sample = { at: string; heapMb: number; rssMb: number };
type Pass = { label: string; ms: number; cpuMs: number; counts: Record<string, number>; samples: Sample[] };

function sample(at: string): Sample {
  collectGarbage();
  const { heapUsed, rss } = process.memoryUsage();
  return { at, heapMb: heapUsed / 1e6, rssMb: rss / 1e6 };
}

async function main(): Promise<void> {
  const pageArg = process.argv.indexOf("--pages");
  const count = pageArg > 0 ? Number(process.argv[pageArg + 1]) : 10_000;
  if (!Number.isInteger(count) || count < 2) throw new Error("--pages takes a whole number of at least 2");
  fs.rmSync(WORK, { recursive: true, force: true });
  const generated = writePages(path.join(WORK, "pages"), count);
  const database = path.join(WORK, "import.db");
  process.env.DATABASE_URL = `file:${database}`;
  const migrated = spawnSync(path.join(ROOT, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], { cwd: ROOT, env: process.env, encoding: "utf8" });
  if (migrated.status !== 0) throw new Error(`migration failed: ${migrated.stderr || migrated.stdout}`);
  const { importPageFiles } = await import("../lib/legacy-import/import-files");
  const { listPageFiles } = await import("../lib/legacy-import/list-files");
  const files = listPageFiles([path.join(WORK, "pages")]).files;
  const loadAverage = os.loadavg()[0];

  const runPass = async (label: string): Promise<Pass> => {
    const samples = [sample("start")];
    const [started, cpuBefore] = [performance.now(), process.cpuUsage()];
    const tenth = Math.max(1, Math.floor(files.length / 10));
    // The end is sampled before the batch returns, while everything it keeps is still alive.
    const onFile = (_outcome: unknown, done: number) => void ((done % tenth === 0 || done === files.length) && samples.push(sample(`${done}`)));
    const summary = await importPageFiles(files, { via: "bench", onFile });
    const ms = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    console.log(`[bench] ${label}: ${(ms / 1000).toFixed(1)} s`, summary.counts);
    return { label, ms, cpuMs: (cpu.user + cpu.system) / 1000, counts: summary.counts, samples };
  };
  const first = await runPass(`import of ${count.toLocaleString("en-US")} new pages`);
  const second = await runPass("the same pages again (re-import)");
  const facts = await databaseFacts(generated);
  const peakRssMb = (process.resourceUsage().maxRSS * 1024) / 1e6;
  const section = formatSection({ count, passes: [first, second], facts, peakRssMb, loadAverage });
  console.log(section);
  if (!process.argv.includes("--print-only")) {
    // Appended, not rewritten: other benchmarks may be writing their own sections meanwhile.
    fs.appendFileSync(path.join(ROOT, "bench", "RESULTS.md"), `\n${section}`);
    console.log("[bench] appended to bench/RESULTS.md");
  }
  const { prisma } = await import("../lib/db");
  await prisma.$disconnect();
  if (!process.argv.includes("--keep")) fs.rmSync(WORK, { recursive: true, force: true });
}

async function databaseFacts(generated: GeneratedPage[]) {
  const { prisma } = await import("../lib/db");
  const [articles, channels, authors, picks, linkedPicks, revisions] = await Promise.all([
    prisma.article.count(),
    prisma.channel.count(),
    prisma.author.count(),
    prisma.relatedEntry.count(),
    prisma.relatedEntry.count({ where: { targetArticleId: { not: null } } }),
    prisma.revision.count(),
  ]);
  const gb18030 = generated.filter((page) => page.encoding === "gb18030").length;
  return { articles, channels, authors, picks, linkedPicks, revisions, gb18030, withPicks: generated.filter((page) => page.hasPicks).length };
}

/** With a sample every tenth between start and end, the one in the middle is taken at half the batch. */
function middleOf(pass: Pass): Sample {
  return pass.samples[Math.floor(pass.samples.length / 2)];
}

type Facts = Awaited<ReturnType<typeof databaseFacts>>;
const mb = (value: number) => `${value.toFixed(0)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function formatSection({ count, passes, facts, peakRssMb, loadAverage }: { count: number; passes: Pass[]; facts: Facts; peakRssMb: number; loadAverage: number }): string {
  const [first, second] = passes;
  const rows = passes.map((pass) => {
    const [start, middle, end] = [pass.samples[0], middleOf(pass), pass.samples[pass.samples.length - 1]];
    const outcome = Object.entries(pass.counts)
      .filter(([, n]) => n > 0)
      .map(([status, n]) => `${n.toLocaleString("en-US")} ${status}`)
      .join(", ");
    const memory = [start, middle, end].map((s) => `${mb(s.heapMb)} / ${mb(s.rssMb)}`).join(" | ");
    return `| ${pass.label} | ${seconds(pass.ms)} | ${seconds(pass.cpuMs)} | ${Math.round((count / pass.ms) * 1000)} | ${outcome} | ${memory} |`;
  });
  const growth = (pass: Pass, key: "heapMb" | "rssMb") => pass.samples[pass.samples.length - 1][key] - middleOf(pass)[key];
  const heapGrowth = Math.max(...passes.map((pass) => growth(pass, "heapMb")));
  const rssGrowth = Math.max(...passes.map((pass) => growth(pass, "rssMb")));
  const tenths = (key: "heapMb" | "rssMb") => first.samples.map((s) => s[key].toFixed(0)).join(" → ");
  const targets = [
    ["import of the new pages < 2 min", seconds(first.ms), first.ms < TARGET_MS],
    ["every generated page imported, none skipped", `${first.counts.imported.toLocaleString("en-US")} of ${count.toLocaleString("en-US")}`, first.counts.imported === count],
    ["re-import changes nothing", `${second.counts.unchanged.toLocaleString("en-US")} unchanged`, second.counts.unchanged === count],
    [
      `memory flat: second half adds < ${FLAT_HEAP_MB} MB heap, < ${FLAT_RSS_MB} MB RSS`,
      `${heapGrowth.toFixed(1)} MB, ${rssGrowth.toFixed(1)} MB`,
      heapGrowth < FLAT_HEAP_MB && rssGrowth < FLAT_RSS_MB,
    ],
  ] as const;
  return [
    `## ${new Date().toISOString()} — legacy page import`,
    "",
    `- Machine: ${describeMachine()}`,
    `- Command: \`npm run bench:import${count === 10_000 ? "" : ` -- --pages ${count}`}\``,
    `- Settings: ${count.toLocaleString("en-US")} pages from bench/lib/generate-pages.ts (seed 20200302; ${facts.gb18030.toLocaleString("en-US")} GB18030, the rest UTF-8 with or without BOM, LF or CRLF; 10 channels, ${facts.authors} authors, 2016-2020; ${facts.withPicks.toLocaleString("en-US")} with 新闻推荐) imported in-process with importPageFiles (what \`cms import\` runs, without its console output) into a fresh SQLite file (WAL, synchronous=NORMAL); memory = heap used / RSS after a forced GC`,
    // Time depends on what else the shared machine runs; CPU time (this process) much less so.
    `- Load average (1 min) before the run: ${loadAverage.toFixed(2)}, after: ${os.loadavg()[0].toFixed(2)}`,
    "",
    "| pass | time | CPU time | pages/s | outcome | start heap / RSS | middle heap / RSS | end heap / RSS |",
    "|---|---:|---:|---:|---|---:|---:|---:|",
    ...rows,
    "",
    `Memory through the first pass, every tenth (MB): heap ${tenths("heapMb")}; RSS ${tenths("rssMb")}. Second half of either pass: heap ${heapGrowth >= 0 ? "+" : ""}${heapGrowth.toFixed(1)} MB, RSS ${rssGrowth >= 0 ? "+" : ""}${rssGrowth.toFixed(1)} MB at most.`,
    "",
    `Stored: ${facts.articles.toLocaleString("en-US")} articles, ${facts.revisions.toLocaleString("en-US")} revisions, ${facts.channels} channels, ${facts.authors} authors, ${facts.picks.toLocaleString("en-US")} 新闻推荐 entries of which ${facts.linkedPicks.toLocaleString("en-US")} link to an imported article. Peak RSS of the process: ${mb(peakRssMb)}.`,
    "",
    "| target | measured | |",
    "|---|---:|---|",
    ...targets.map(([label, measured, met]) => `| ${label} | ${measured} | ${met ? "met" : "**missed**"} |`),
    "",
  ].join("\n");
}

main().catch((error: unknown) => {
  console.error("[bench] failed:", error instanceof Error ? error.message : error);
  process.exit(1);
});
