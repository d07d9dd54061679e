// Benchmark: newsroom writes and revision diffs, in-process against a real SQLite file in WAL mode.
// Builds a 10,000-character Chinese article with 200 revisions, then times further small-edit
// saves, a no-change save, compareRevisions and characterDiff, prints a table and appends a dated
// section to bench/RESULTS.md.
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { composeParagraphs, fixtureSentences, plainTextLength, seededRandom, smallEdit } from "./lib/chinese-body";
import { createNewsroom, loadLib, prepareDatabase, removeDatabase, type Lib, type Newsroom } from "./lib/newsroom-setup";
import { reportNewsroom, type Measurements } from "./lib/newsroom-report";
import { TMP, log } from "./lib/servers";
import { summarize, timeRepeated } from "./lib/timing";

const DATABASE_FILE = path.join(TMP, "newsroom.db");
const BODY_CHARACTERS = 10_000;
const SCATTERED_EDITS = 20;
const PROGRESS_EVERY = 25;
const SEEDS = { body: 20200302, edits: 311, rewrite: 7 };

type Options = { history: number; saves: number; repeats: number; budgetSeconds: number; keepDatabase: boolean; printOnly: boolean };
type Article = { id: number; version: number; paragraphs: string[] };

async function main(): Promise<number> {
  const options = readOptions();
  const loadAverage = os.loadavg()[0];
  log(`load average (1 min) before the run: ${loadAverage.toFixed(2)} on ${os.cpus().length} CPUs`);
  prepareDatabase(DATABASE_FILE);
  const lib = await loadLib();
  try {
    const newsroom = await createNewsroom(lib);
    const sentences = fixtureSentences();
    const random = seededRandom(SEEDS.edits);
    const paragraphs = composeParagraphs(sentences, BODY_CHARACTERS, seededRandom(SEEDS.body));
    const created = await lib.createArticle(newsroom.viewer, newsroom.inputFor(paragraphs));
    const article: Article = { id: created.articleId, version: created.version, paragraphs };
    log(`created article ${article.id}: ${paragraphs.length} paragraphs, ${plainTextLength(paragraphs).toLocaleString("en-US")} characters of text`);

    await saveEdits(lib, newsroom, article, options.history, "building history", () => smallEdit(article.paragraphs, sentences, random));
    const saves = await saveEdits(lib, newsroom, article, options.saves, "timed saves", () => smallEdit(article.paragraphs, sentences, random));
    const unchanged = await timeRepeated(options.repeats, async () => {
      const outcome = await lib.saveArticle(newsroom.viewer, { articleId: article.id, baseVersion: article.version, input: newsroom.inputFor(article.paragraphs) });
      if (outcome.changed) throw new Error("a save without changes created a revision");
    });
    log(`timed ${options.repeats} saves without changes`);

    const scattered = await measureDiff(lib, newsroom, article.id, Math.max(1, article.version - SCATTERED_EDITS), article.version, options);
    const rewritten = composeParagraphs(sentences, BODY_CHARACTERS, seededRandom(SEEDS.rewrite));
    await saveEdits(lib, newsroom, article, 1, "rewrite", () => rewritten);
    const rewrite = await measureDiff(lib, newsroom, article.id, 1, article.version, options);

    const snapshotBytes = await largestSnapshotBytes(lib, article.id);
    reportNewsroom({
      options,
      loadAverage,
      bodyCharacters: plainTextLength(paragraphs),
      paragraphs: paragraphs.length,
      snapshotBytes,
      measurements: { saves: summarize(saves), unchanged: summarize(unchanged), scattered, rewrite } satisfies Measurements,
    });
    return 0;
  } finally {
    await lib.prisma.$disconnect();
    if (!options.keepDatabase) removeDatabase(DATABASE_FILE);
  }
}

/** Saves `count` edits one after another, each based on the version the previous one returned. */
async function saveEdits(lib: Lib, newsroom: Newsroom, article: Article, count: number, label: string, edit: () => string[]): Promise<number[]> {
  const durations: number[] = [];
  while (durations.length < count) {
    const batch = Math.min(PROGRESS_EVERY, count - durations.length);
    const timed = await timeRepeated(batch, async () => {
      const paragraphs = edit();
      const outcome = await lib.saveArticle(newsroom.viewer, { articleId: article.id, baseVersion: article.version, input: newsroom.inputFor(paragraphs) });
      if (!outcome.changed || outcome.version !== article.version + 1) throw new Error(`save ${article.version + 1} did not create a revision`);
      article.version = outcome.version;
      article.paragraphs = paragraphs;
    });
    durations.push(...timed);
    const mean = durations.reduce((sum, ms) => sum + ms, 0) / durations.length;
    log(`${label}: ${durations.length}/${count} saves, now at revision ${article.version} (mean ${mean.toFixed(1)} ms per save)`);
  }
  return durations;
}

/** compareRevisions end to end, then characterDiff alone on the same two body texts. */
async function measureDiff(lib: Lib, newsroom: Newsroom, articleId: number, from: number, to: number, { repeats, budgetSeconds }: Options) {
  const fields = await lib.compareRevisions(newsroom.viewer, articleId, from, to);
  const body = fields.find((field) => field.label === "正文");
  if (!body) throw new Error("compareRevisions returned no 正文 field");
  const before = body.parts
    .filter((part) => part.kind !== "insert")
    .map((part) => part.text)
    .join("");
  const after = body.parts
    .filter((part) => part.kind !== "delete")
    .map((part) => part.text)
    .join("");
  const changedCharacters = body.parts.filter((part) => part.kind !== "equal").reduce((sum, part) => sum + part.text.length, 0);
  const compare = await timeRepeated(repeats, () => lib.compareRevisions(newsroom.viewer, articleId, from, to), budgetSeconds * 1000);
  const diffOnly = await timeRepeated(repeats, () => lib.characterDiff(before, after), budgetSeconds * 1000);
  log(`timed the diff of revisions ${from} and ${to} (${before.length} → ${after.length} characters, ${changedCharacters} inserted or deleted)`);
  return { from, to, beforeCharacters: before.length, afterCharacters: after.length, changedCharacters, compare: summarize(compare), diffOnly: summarize(diffOnly) };
}

async function largestSnapshotBytes(lib: Lib, articleId: number): Promise<number> {
  const revisions = await lib.prisma.revision.findMany({ where: { articleId }, select: { snapshot: true } });
  return Math.max(...revisions.map((revision) => Buffer.byteLength(revision.snapshot)));
}

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      history: { type: "string", default: "200" },
      saves: { type: "string", default: "100" },
      repeats: { type: "string", default: "30" },
      budget: { type: "string", default: "60" },
      "keep-db": { type: "boolean", default: false },
      "print-only": { type: "boolean", default: false },
    },
  });
  const options = {
    history: Number(values.history),
    saves: Number(values.saves),
    repeats: Number(values.repeats),
    budgetSeconds: Number(values.budget),
    keepDatabase: values["keep-db"],
    printOnly: values["print-only"],
  };
  if (![options.history, options.saves, options.repeats].every((n) => Number.isInteger(n) && n >= 1) || options.history < SCATTERED_EDITS || !(options.budgetSeconds > 0)) {
    throw new Error(`usage: npm run bench:newsroom -- [--history revisions ≥ ${SCATTERED_EDITS}] [--saves count] [--repeats count] [--budget seconds] [--keep-db] [--print-only]`);
  }
  return options;
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  });
