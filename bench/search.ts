// Search benchmark on a generated archive (default 100,000 published articles; --articles N):
// full reindex and 相关推荐 rebuild times, index size, reader search per query class in-process
// and through HTTP (`next start`), the same queries as a LIKE scan, and article saves including
// their index and 相关推荐 update. A dated section is appended to bench/RESULTS.md.
//   npm run bench:search [-- --articles 10000] [--reuse] [--no-http] [--print-only]
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeArchive } from "./lib/archive";
import { appendResults, formatTargets, type Target } from "./lib/report";
import { ROOT, TMP, assertPortFree, log, startNext, stop, waitForOk, type Server } from "./lib/servers";
import { prepareNextSite } from "./lib/setup";
import { formatMs, formatSummaryTable, summarize, timeRepeated, type SummaryRow } from "./lib/timing";

const QUERY_CLASSES: Record<string, string[]> = {
  "1 character": ["疫", "镇", "村", "网", "花"],
  "2 characters": ["平阴", "复工", "医院", "玫瑰", "高速"],
  "4 characters": ["复工复产", "疫情防控", "乡村振兴", "玫德集团", "营商环境"],
  "several words": ["平阴 复工复产", "疫情 企业 复工", "玫瑰 电商直播", "章丘 项目建设 签约", "“两手抓”"],
  "Latin and digits": ["5G", "AI", "2.6亿元", "5G基站", "1+N"],
};
const TARGET_QUERY_P95_MS = 30;
const TARGET_SAVE_P95_MS = 50;
const TARGET_REINDEX_MS = 180_000;
const REPEATS = 20;
const LIKE_REPEATS = 3;
const SAVES = 100;
const HTTP_PORT = 3160;

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const count = Number(option("--articles") ?? 100_000);
  if (!Number.isInteger(count) || count < 100) throw new Error("--articles takes a whole number of at least 100");
  const folder = path.join(TMP, "search");
  const file = path.join(folder, `archive-${count}.db`);
  fs.mkdirSync(folder, { recursive: true });
  process.env.DATABASE_URL = `file:${file}`;
  const reuse = process.argv.includes("--reuse") && fs.existsSync(file);
  if (!reuse) {
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    log(`migrating ${path.relative(ROOT, file)}…`);
    execFileSync(path.join(ROOT, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], { cwd: ROOT, env: process.env, stdio: "pipe" });
    const started = performance.now();
    writeArchive(file, count, progressLine("generating articles", count));
    log(`generated ${count.toLocaleString("en-US")} articles in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const loadAverage = os.loadavg()[0];
  const { prisma } = await import("../lib/db");
  const { reindexAll } = await import("../lib/search/index");
  const { refreshAllSimilar } = await import("../lib/search/similar");

  log("full reindex…");
  let started = performance.now();
  let indexing: ((done: number) => void) | null = null;
  await reindexAll({
    onProgress: ({ done, total }) => {
      indexing ??= progressLine("indexing", total);
      indexing(done);
    },
  });
  const reindexMs = performance.now() - started;
  log("相关推荐 for every article…");
  started = performance.now();
  let relating: ((done: number) => void) | null = null;
  await refreshAllSimilar({
    onProgress: ({ done, total }) => {
      relating ??= progressLine("related articles", total);
      relating(done);
    },
  });
  const similarMs = performance.now() - started;
  // What `cms search:reindex` records, so `cms prepare` (for the HTTP part) does not rebuild again.
  await (await import("../lib/search/rebuild")).markSearchCurrent();
  await prisma.$executeRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  const sizes = await databaseSizes(prisma);

  const rows: SummaryRow[] = [];
  const perClass: { label: string; inProcess: number; http?: number; likeMedian: number; ftsMedian: number; hits: number }[] = [];
  const { searchPublished } = await import("../lib/search/query");
  for (const [label, queries] of Object.entries(QUERY_CLASSES)) {
    for (const q of queries) await searchPublished({ q }); // warm the page cache
    const durations = await timeRepeated(REPEATS * queries.length, (index) => searchPublished({ q: queries[index % queries.length] }));
    const summary = summarize(durations);
    const like = summarize(await timeRepeated(LIKE_REPEATS * queries.length, (index) => likeSearch(prisma, queries[index % queries.length])));
    const hits = (await Promise.all(queries.map((q) => searchPublished({ q })))).map((result) => result.total);
    rows.push({ label: `search, ${label} (${queries.join(" / ")})`, summary }, { label: `LIKE scan, ${label}`, summary: like });
    perClass.push({ label, inProcess: summary.p95Ms, likeMedian: like.medianMs, ftsMedian: summary.medianMs, hits: Math.min(...hits) });
    log(`${label}: p95 ${formatMs(summary.p95Ms)}, LIKE median ${formatMs(like.medianMs)}; matches ${hits.join(", ")}`);
  }

  const saves = await measureSaves(prisma);
  rows.push({ label: "article save incl. index and 相关推荐", summary: saves });

  if (!process.argv.includes("--no-http")) {
    const http = await measureHttp(file);
    for (const entry of perClass) entry.http = http.get(entry.label)!.p95Ms;
    for (const [label, summary] of http) rows.push({ label: `HTTP GET /search, ${label}`, summary });
  }
  await prisma.$disconnect();

  const targets: Target[] = [
    ...perClass.map((entry) => {
      const worst = Math.max(entry.inProcess, entry.http ?? 0);
      const measured = `${formatMs(entry.inProcess)} in-process${entry.http === undefined ? "" : `, ${formatMs(entry.http)} HTTP`}`;
      return { label: `search p95 < ${TARGET_QUERY_P95_MS} ms: ${entry.label}`, measured, met: worst < TARGET_QUERY_P95_MS };
    }),
    { label: "full reindex < 3 min", measured: `${(reindexMs / 1000).toFixed(1)} s (+ ${(similarMs / 1000).toFixed(1)} s for 相关推荐)`, met: reindexMs < TARGET_REINDEX_MS },
    { label: `save incl. index and 相关推荐 p95 < ${TARGET_SAVE_P95_MS} ms`, measured: formatMs(saves.p95Ms), met: saves.p95Ms < TARGET_SAVE_P95_MS },
  ];
  const ratios = perClass.map((entry) => `${entry.label} ${(entry.likeMedian / entry.ftsMedian).toFixed(0)}×`).join(", ");
  const section = {
    command: `npm run bench:search${count === 100_000 ? "" : ` -- --articles ${count}`}`,
    settings: `${count.toLocaleString("en-US")} generated published articles (bench/lib/archive.ts, seed 20200302: 16 topics with their own vocabulary, 10 county and 2 topic channels, 168 authors, 2016-2020, sentences of the founding page mixed in); each class ${REPEATS} rounds of its 5 queries, page 1 (count + 20 ranked hits + snippets); LIKE: the same queries as \`(title LIKE '%q%' OR bodyText LIKE '%q%')\` with the same count and page, ${LIKE_REPEATS} rounds; ${SAVES} saves of random articles with a sentence appended (saveArticle: revision, index, 相关推荐 of the article and up to 6 neighbours); HTTP: one connection, sequential GETs of /search?q= on \`next start\``,
    loadAverage,
    table: formatSummaryTable(rows),
    targets: formatTargets(targets),
    notes: [
      `Index on disk: ${sizes.indexMb.toFixed(0)} MB (FTS5 tables) of a ${sizes.databaseMb.toFixed(0)} MB database; 相关推荐 table ${sizes.similarMb.toFixed(1)} MB.`,
      `Full reindex ${(reindexMs / 1000).toFixed(1)} s; 相关推荐 for every article ${(similarMs / 1000).toFixed(1)} s (${(similarMs / count).toFixed(2)} ms per article).`,
      `Median LIKE scan ÷ median indexed search: ${ratios}. LIKE cannot rank, and finds 平阴 inside 平阴县 but also fails on ５Ｇ or 復工.`,
      `Fewest matches in each class (of its 5 queries): ${perClass.map((entry) => `${entry.label} ${entry.hits.toLocaleString("en-US")}`).join(", ")}.`,
    ],
  };
  if (process.argv.includes("--print-only")) console.log(section);
  else log(`appended to ${appendResults(section)}`);
}

function progressLine(label: string, total: number) {
  let shown = -1;
  return (done: number) => {
    const tenth = Math.floor((done / total) * 10);
    if (tenth === shown) return;
    shown = tenth;
    log(`${label}: ${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")}`);
  };
}

type Prisma = typeof import("../lib/db").prisma;

/** What a CMS without an index does: the same count and page, by scanning. */
async function likeSearch(prisma: Prisma, q: string) {
  const words = q.replace(/[“”"]/g, "").split(/\s+/).filter(Boolean);
  const where = words.map(() => "(title LIKE ? OR bodyText LIKE ?)").join(" AND ");
  const params = words.flatMap((word) => [`%${word}%`, `%${word}%`]);
  const now = new Date().toISOString().replace("Z", "+00:00");
  const filter = `status = 'published' AND publishedAt <= ? AND ${where}`;
  await prisma.$queryRawUnsafe(`SELECT count(*) AS n FROM "Article" WHERE ${filter}`, now, ...params);
  return prisma.$queryRawUnsafe(`SELECT id FROM "Article" WHERE ${filter} ORDER BY publishedAt DESC LIMIT 20`, now, ...params);
}

async function databaseSizes(prisma: Prisma) {
  const rows = await prisma.$queryRawUnsafe<{ name: string; bytes: number | bigint }[]>("SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name");
  const sum = (match: (name: string) => boolean) => rows.filter((row) => match(row.name)).reduce((total, row) => total + Number(row.bytes), 0) / 1e6;
  return {
    indexMb: sum((name) => name.startsWith("ArticleSearch")),
    similarMb: sum((name) => name.startsWith("SimilarArticle") || name.includes("SimilarArticle")),
    databaseMb: sum(() => true),
  };
}

async function measureSaves(prisma: Prisma) {
  const { saveArticle } = await import("../lib/articles/save");
  const { getArticleForEdit } = await import("../lib/articles/editor");
  const user = await prisma.user.upsert({
    where: { email: "search-bench@bench.example" },
    create: { email: "search-bench@bench.example", displayName: "检索基准编辑", passwordHash: "!", role: "editor", disabled: true },
    update: {},
  });
  const viewer = { id: user.id, email: user.email, displayName: user.displayName, role: "editor" as const, authorId: null };
  const total = await prisma.article.count();
  const durations: number[] = [];
  for (let index = 0; index < SAVES; index++) {
    const articleId = 1 + ((index * 7919) % total);
    const form = await getArticleForEdit(viewer, articleId);
    const started = performance.now();
    await saveArticle(viewer, { articleId, baseVersion: form.version, input: { ...form.input, bodyHtml: `${form.input.bodyHtml}<p>编辑补充第${index}条说明。</p>` } });
    durations.push(performance.now() - started);
  }
  return summarize(durations);
}

async function measureHttp(file: string): Promise<Map<string, ReturnType<typeof summarize>>> {
  const env = { ...process.env, DATABASE_URL: `file:${file}`, NEXT_DIST_DIR: ".next-bench", PORT: String(HTTP_PORT), NEXT_TELEMETRY_DISABLED: "1" };
  await assertPortFree(HTTP_PORT);
  log("preparing the site for HTTP (cms prepare, .next-bench)…");
  await prepareNextSite(env);
  const server: Server = startNext(HTTP_PORT, env);
  const results = new Map<string, ReturnType<typeof summarize>>();
  try {
    await waitForOk(`http://127.0.0.1:${HTTP_PORT}/api/health`, server);
    for (const [label, queries] of Object.entries(QUERY_CLASSES)) {
      const get = async (q: string) => {
        const response = await fetch(`http://127.0.0.1:${HTTP_PORT}/search?q=${encodeURIComponent(q)}`);
        if (!response.ok) throw new Error(`/search?q=${q} answered ${response.status}`);
        await response.text();
      };
      for (const q of queries) await get(q);
      results.set(label, summarize(await timeRepeated(REPEATS * queries.length, (index) => get(queries[index % queries.length]))));
      log(`HTTP ${label}: p95 ${formatMs(results.get(label)!.p95Ms)}`);
    }
  } finally {
    await stop(server);
  }
  return results;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
