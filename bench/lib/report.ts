// Turns load results into the printed table and the dated section appended to bench/RESULTS.md.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "./servers";

export type Row = {
  server: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  peakMemoryMb: number | null;
  non2xx: number;
  errors: number;
};

export type Target = { label: string; measured: string; met: boolean };

const RESULTS_FILE = path.join(ROOT, "bench", "RESULTS.md");

const RESULTS_HEADER = `# Benchmark results

Newest section last. Each section is one run of the command it names; see bench/README.md for
what is measured. Compare runs only when they come from the same machine.
`;

export function describeMachine(): string {
  const cpus = execFileSync("nproc", { encoding: "utf8" }).trim();
  const memoryGiB = (os.totalmem() / 1024 ** 3).toFixed(1);
  const cpuModel = fs.readFileSync("/proc/cpuinfo", "utf8").match(/^model name\s*:\s*(.+)$/m)?.[1] ?? "unknown CPU";
  const nextVersion = (JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules/next/package.json"), "utf8")) as { version: string }).version;
  return `${cpus} CPUs (nproc), ${memoryGiB} GiB RAM, ${cpuModel}; Node ${process.version}; Next ${nextVersion}`;
}

/** The commit the build came from, and whether the served sources differed from it. */
export function describeCode(): string {
  const git = (...args: string[]) => execFileSync("git", args, { cwd: ROOT, encoding: "utf8" }).trim();
  const commit = git("rev-parse", "--short", "HEAD");
  const dirty = git("status", "--porcelain", "--", "app", "lib", "prisma", "next.config.js", "package-lock.json") !== "";
  return dirty ? `${commit} with uncommitted changes in the served sources` : commit;
}

export function formatTable(rows: Row[]): string {
  const lines = [
    "| server | req/s | p50 | p99 | peak memory | non-2xx | errors |",
    "|---|---:|---:|---:|---:|---:|---:|",
    ...rows
      .map((row) =>
        [
          row.server,
          Math.round(row.requestsPerSecond).toLocaleString("en-US"),
          `${row.p50Ms} ms`,
          `${row.p99Ms} ms`,
          row.peakMemoryMb === null ? "n/a" : `${Math.round(row.peakMemoryMb)} MB`,
          row.non2xx,
          row.errors,
        ].join(" | "),
      )
      .map((cells) => `| ${cells} |`),
  ];
  return lines.join("\n");
}

export function formatTargets(targets: Target[]): string {
  const lines = ["| target | measured | |", "|---|---:|---|", ...targets.map((t) => `| ${t.label} | ${t.measured} | ${t.met ? "met" : "**missed**"} |`)];
  return lines.join("\n");
}

/** One part of a section, for a benchmark that measures in several parts: its tables, targets, settings and notes. */
export type ReportPart = { table: string; targets: Target[]; settings: string[]; notes: string[] };

export type Section = { command: string; settings: string; loadAverage: number; table: string; targets: string; notes: string[] };

export function appendResults(section: Section): string {
  const date = new Date().toISOString();
  const text = [
    `## ${date}`,
    "",
    `- Machine: ${describeMachine()}`,
    `- Code: ${describeCode()}`,
    `- Command: \`${section.command}\``,
    `- Settings: ${section.settings}`,
    // How busy the shared machine already was: the figures only compare at a similar load.
    `- Load average (1 min) just before the load: ${section.loadAverage.toFixed(2)}`,
    "",
    section.table,
    "",
    section.targets,
    "",
    "Notes:",
    "",
    ...section.notes.map((note) => `- ${note}`),
    "",
  ].join("\n");
  const existing = fs.existsSync(RESULTS_FILE) ? fs.readFileSync(RESULTS_FILE, "utf8") : RESULTS_HEADER;
  fs.writeFileSync(RESULTS_FILE, `${existing.trimEnd()}\n\n${text}`);
  return path.relative(ROOT, RESULTS_FILE);
}
