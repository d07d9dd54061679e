// `cms import PATH…`: imports legacy article pages with a summary; pages that are not articles are skipped, not fatal.
import { z } from "zod";
import { importPageFiles, type BatchSummary, type FileOutcome } from "../../legacy-import/import-files";
import { listPageFiles } from "../../legacy-import/list-files";
import { importExportFile } from "../../json-transfer/import";
import { jsonImportHelp } from "../../json-transfer/help";
import type { Command } from "../command";
import { info, progress, reportPublicRefresh } from "../output";
import { OperationError } from "../../errors";

const help = `Usage: cms import [--dry-run] [--update] [--] PATH...
       cms import --json FILE
Imports article pages scraped from legacy sites (the format of 济南日报's old pages). PATH is a
page file or a folder, searched recursively for *.txt. UTF-8 (with or without BOM) and
GB18030/GBK files are told apart automatically; LF and CRLF line endings both work.

A page already imported (same title, publish time and 来源) is left unchanged. A page that
differs from its stored article is reported, and written as a new revision only with --update.
Each page is imported in its own transaction: a page is stored whole or not at all.

Files that are not article pages (empty, binary, no title or no date) are listed with the reason
and skipped while the rest of the batch goes on; the command then still exits with status 0.
It exits with status 1 on bad arguments, a missing PATH, or a page that could not be written.

Options:
  --dry-run   report what would happen, write nothing
  --update    write pages that differ from their stored article as a new revision
  --help      show this help
${jsonImportHelp}`;

const argsSchema = z.object({
  paths: z
    .array(
      z
        .string()
        .min(1)
        .refine((value) => !value.includes("\0"), "invalid PATH"),
    )
    .min(1, "missing PATH: name at least one page file or folder (see cms import --help)"),
  dryRun: z.boolean(),
  update: z.boolean(),
});
export type ImportArgs = z.infer<typeof argsSchema>;
// Below this a batch takes a second or two: a progress line would only repeat the summary.
const PROGRESS_FROM_FILES = 100;

export function parseImportArgs(args: string[]): ImportArgs {
  const raw = { paths: [] as string[], dryRun: false, update: false };
  let optionsEnded = false;
  for (const arg of args) {
    if (optionsEnded || !arg.startsWith("-") || arg === "-") raw.paths.push(arg);
    else if (arg === "--") optionsEnded = true;
    else if (arg === "--dry-run") raw.dryRun = true;
    else if (arg === "--update") raw.update = true;
    else throw new OperationError(`unknown option "${arg}" (see cms import --help)`);
  }
  const parsed = argsSchema.safeParse(raw);
  if (!parsed.success) throw new OperationError(parsed.error.issues[0].message);
  return parsed.data;
}

export async function runImport(args: string[]): Promise<BatchSummary> {
  const { paths, dryRun, update } = parseImportArgs(args);
  const { files, missing, unreadable } = listPageFiles(paths);
  if (missing.length > 0) throw new OperationError(`path not found: ${missing.join(", ")}`);
  info(`${dryRun ? "dry run: " : ""}${files.length} page file${files.length === 1 ? "" : "s"} to import${update ? " (--update)" : ""}`);
  const tick = files.length >= PROGRESS_FROM_FILES ? progress("importing", files.length) : () => {};
  let similarTick: ((done: number) => void) | null = null;
  const onSimilar = ({ done, total }: { done: number; total: number }) => {
    if (total < PROGRESS_FROM_FILES) return;
    similarTick ??= progress("related articles", total);
    similarTick(done);
  };
  const onFile = (outcome: Parameters<typeof reportFile>[0], done: number) => {
    reportFile(outcome, dryRun);
    tick(done);
  };
  const summary = await importPageFiles(files, { dryRun, update, via: "cli", onFile, onSimilar });
  for (const { file, reason } of unreadable) summary.problems.push({ file, status: "skipped", reason });
  summary.counts.skipped += unreadable.length;
  printSummary(summary, { dryRun, update });
  if (!dryRun) reportPublicRefresh(summary.publicTags.length);
  const failed = summary.counts.failed;
  if (failed > 0) throw new OperationError(`${failed} page${failed === 1 ? "" : "s"} could not be written (listed above); the rest of the batch went through`);
  return summary;
}

/** Pages that need attention are named as they happen; the rest only count. */
function reportFile(outcome: FileOutcome, dryRun: boolean): void {
  const article = `article ${outcome.articleId}: ${outcome.changes?.join(", ")}`;
  if (outcome.status === "changed") note(`changed: ${outcome.file} (${article}) differs from the stored article`);
  if (outcome.status === "updated") note(`${dryRun ? "would update" : "updated"}: ${outcome.file} (${article})`);
  if (outcome.status === "failed") note(`failed: ${outcome.file}: ${outcome.reason}`);
}

function printSummary(summary: BatchSummary, { dryRun, update }: { dryRun: boolean; update: boolean }): void {
  const { imported, updated, unchanged, changed, skipped, failed } = summary.counts;
  const verb = dryRun ? ["to import", "to update"] : ["imported", "updated"];
  const parts = [`${imported} ${verb[0]}`, `${updated} ${verb[1]}`, `${unchanged} unchanged`, `${changed} changed`, `${skipped} skipped`];
  if (failed > 0) parts.push(`${failed} failed`);
  note(`summary${dryRun ? " (dry run, nothing was written)" : ""}: ${parts.join(", ")}`);
  if (changed > 0 && !update) info("  changed pages were left as stored: run again with --update to write them as new revisions");
  const skippedFiles = summary.problems.filter((problem) => problem.status === "skipped");
  if (skippedFiles.length > 0) info("skipped:");
  for (const { file, reason } of skippedFiles) info(`  ${file}: ${reason}`);
}

/** An info line that does not end up glued to a progress line being redrawn on a terminal. */
function note(message: string): void {
  info(process.stdout.isTTY ? `\r\x1b[K${message}` : message);
}

export const importCommand: Command = {
  name: "import",
  summary: "import legacy article pages (files or folders of *.txt)",
  help,
  run: async (args) => {
    if (args[0] !== "--json") return void (await runImport(args));
    if (args.length !== 2 || args[1].startsWith("-")) throw new OperationError("usage: cms import --json FILE (see cms import --help)");
    const summary = await importExportFile(args[1], { progress, log: info });
    const failed = summary.variantFailures.length;
    if (failed > 0)
      throw new OperationError(
        `the import is complete, but ${failed} photo${failed === 1 ? " has" : "s have"} no variants yet (listed above): fix the cause, then run cms media:rebuild --pending`,
      );
  },
};
