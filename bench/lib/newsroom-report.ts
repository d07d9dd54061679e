// The newsroom benchmark's printed table, its targets and the section appended to bench/RESULTS.md.
import { appendResults, formatTargets, type Target } from "./report";
import { log } from "./servers";
import { formatMs, formatSummaryTable, type Summary } from "./timing";

export const TARGETS = { saveP95Ms: 150, diffMs: 100 };

type DiffMeasurement = { from: number; to: number; beforeCharacters: number; afterCharacters: number; changedCharacters: number; compare: Summary; diffOnly: Summary };
export type Measurements = { saves: Summary; unchanged: Summary; scattered: DiffMeasurement; rewrite: DiffMeasurement };

type Run = {
  options: { history: number; saves: number; repeats: number; budgetSeconds: number; printOnly: boolean };
  loadAverage: number;
  bodyCharacters: number;
  paragraphs: number;
  snapshotBytes: number;
  measurements: Measurements;
};

const count = (n: number) => n.toLocaleString("en-US");

export function reportNewsroom(run: Run): void {
  const { saves, unchanged, scattered, rewrite } = run.measurements;
  const revisionsBefore = 1 + run.options.history;
  const table = formatSummaryTable([
    { label: `saveArticle, small edit (${revisionsBefore}–${revisionsBefore + run.options.saves - 1} earlier revisions)`, summary: saves },
    { label: "saveArticle, no change", summary: unchanged },
    { label: `compareRevisions ${scattered.from} → ${scattered.to} (${scatteredLabel(scattered)})`, summary: scattered.compare },
    { label: "characterDiff alone, same two body texts", summary: scattered.diffOnly },
    { label: `compareRevisions ${rewrite.from} → ${rewrite.to} (rewritten body, ${count(rewrite.changedCharacters)} characters inserted or deleted)`, summary: rewrite.compare },
    { label: "characterDiff alone, rewritten body", summary: rewrite.diffOnly },
  ]);
  const targets: Target[] = [
    { label: `save p95 < ${TARGETS.saveP95Ms} ms`, measured: formatMs(saves.p95Ms), met: saves.p95Ms < TARGETS.saveP95Ms },
    {
      label: `diff < ${TARGETS.diffMs} ms (compareRevisions p95, ${scattered.to - scattered.from} scattered edits)`,
      measured: formatMs(scattered.compare.p95Ms),
      met: scattered.compare.p95Ms < TARGETS.diffMs,
    },
    { label: `diff < ${TARGETS.diffMs} ms (compareRevisions p95, rewritten body)`, measured: formatMs(rewrite.compare.p95Ms), met: rewrite.compare.p95Ms < TARGETS.diffMs },
  ];
  const args = process.argv.slice(2).join(" ");
  console.log(`\n${table}\n\n${formatTargets(targets)}\n`);
  if (run.options.printOnly) return;
  const file = appendResults({
    command: `npm run bench:newsroom${args ? ` -- ${args}` : ""}`,
    settings: [
      `in-process lib calls on a fresh SQLite file (WAL, synchronous=NORMAL) under bench/.tmp`,
      `body ${count(run.bodyCharacters)} characters of text in ${run.paragraphs} <p> paragraphs (demo-article sentences reshuffled; largest revision snapshot ${count(run.snapshotBytes)} bytes)`,
      `${run.options.history} small-edit saves to build the history, then ${run.options.saves} timed small-edit saves (1-4 characters replaced in one paragraph, each based on the current version) and ${run.options.repeats} repetitions of every other measurement (a diff row stops early once its samples took ${run.options.budgetSeconds} s, after at least 5)`,
      `the rewritten body is another reshuffle of the same sentences; editor viewer, one byline, one link pick; p95 is nearest-rank`,
    ].join("; "),
    loadAverage: run.loadAverage,
    table,
    targets: formatTargets(targets),
    notes: [
      ...[scattered, rewrite].map(
        (diff) =>
          `Revisions ${diff.from} → ${diff.to}: characterDiff alone is ${share(diff)} of compareRevisions' median (${formatMs(diff.diffOnly.medianMs)} of ${formatMs(diff.compare.medianMs)}).`,
      ),
      "Wall-clock time of each awaited lib call in one Node process, the database included; no HTTP, no React rendering, no revalidation.",
      "The machine is shared with other work (tests, builds), so figures are noisy from run to run; compare sections only from the same machine and with a similar load average.",
    ],
  });
  log(`appended the results to ${file}`);
}

function share(diff: DiffMeasurement): string {
  return `${Math.round((diff.diffOnly.medianMs / diff.compare.medianMs) * 100)} %`;
}

function scatteredLabel(diff: DiffMeasurement): string {
  return `${diff.to - diff.from} scattered edits, ${count(diff.changedCharacters)} characters inserted or deleted`;
}
