// Wall-clock timing of in-process operations and their summary (min, median, p95, max).
import { performance } from "node:perf_hooks";

export type Summary = { count: number; minMs: number; medianMs: number; p95Ms: number; maxMs: number };

const MINIMUM_SAMPLES = 5;

/**
 * Runs `operation` `count` times one after another and returns each duration in ms. With a budget,
 * stops early once the samples so far took longer than `budgetMs` (but never before 5 samples), so
 * a pathological case of seconds per call does not hold the run for many minutes.
 */
export async function timeRepeated(count: number, operation: (index: number) => unknown, budgetMs = Infinity): Promise<number[]> {
  const durations: number[] = [];
  let total = 0;
  for (let index = 0; index < count; index++) {
    if (total > budgetMs && index >= MINIMUM_SAMPLES) break;
    const start = performance.now();
    await operation(index);
    durations.push(performance.now() - start);
    total += durations[index];
  }
  return durations;
}

/** Nearest-rank percentiles: p95 of 100 samples is the 95th fastest, never an interpolation. */
export function summarize(durations: readonly number[]): Summary {
  if (durations.length === 0) throw new Error("no samples to summarize");
  const sorted = [...durations].sort((a, b) => a - b);
  const rank = (percent: number) => sorted[Math.max(0, Math.ceil((percent / 100) * sorted.length) - 1)];
  return { count: sorted.length, minMs: sorted[0], medianMs: rank(50), p95Ms: rank(95), maxMs: sorted[sorted.length - 1] };
}

export function formatMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(2)} ms` : ms < 1000 ? `${ms.toFixed(1)} ms` : `${Math.round(ms).toLocaleString("en-US")} ms`;
}

export type SummaryRow = { label: string; summary: Summary };

export function formatSummaryTable(rows: readonly SummaryRow[]): string {
  return [
    "| measurement | n | min | median | p95 | max |",
    "|---|---:|---:|---:|---:|---:|",
    ...rows.map(({ label, summary: s }) => `| ${label} | ${s.count} | ${formatMs(s.minMs)} | ${formatMs(s.medianMs)} | ${formatMs(s.p95Ms)} | ${formatMs(s.maxMs)} |`),
  ].join("\n");
}
