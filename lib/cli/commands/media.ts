// `cms media:rebuild` and `cms media:check`: the photo store's maintenance from the shell.
import { recordAudit } from "../../audit/record";
import { checkMedia, hasProblems, listPhotoIdsForRebuild, rebuildPhotoVariants, type MediaCheckReport } from "../../media/maintenance";
import { describeMediaStore } from "../../media/store";
import type { Command } from "../command";
import { info, progress, reportPublicRefresh } from "../output";
import { OperationError } from "../../errors";

const REBUILD_HELP = `Usage: cms media:rebuild [--id N | --pending]
Makes every public variant of the photos again from their private originals, one photo after
another with bounded image concurrency, while the site keeps serving. Unchanged pictures keep their
file names; variants whose bytes change (new widths or encoder settings) get new names, the old
files are removed and the running site is asked to refresh the pages showing them.
  --id N      only the photo with id N
  --pending   only photos whose variants were never finished (an upload interrupted by a restart)
Exits 1 when a photo could not be rebuilt (for example, its original is missing).`;

const CHECK_HELP = `Usage: cms media:check
Compares the media store (MEDIA_DIR, default media/ beside the database; or the S3 bucket of
MEDIA_STORE=s3) with the database and
reports variant files and originals that are missing, files that no photo refers to, and photos
whose variants are still unfinished well after upload. Changes nothing. Exits 1 when it finds a
problem. Files of an upload in progress can show up as unreferenced for a moment.`;

const LIST_LIMIT = 20;

function parseRebuildArgs(args: string[]): { id?: number; pending: boolean } {
  const options: { id?: number; pending: boolean } = { pending: false };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (arg === "--pending") options.pending = true;
    else if (arg === "--id" || arg.startsWith("--id=")) {
      const value = arg === "--id" ? args[++index] : arg.slice("--id=".length);
      if (!value || !/^[1-9]\d*$/.test(value)) throw new OperationError("--id needs a photo id (a positive whole number)");
      options.id = Number(value);
    } else throw new OperationError(`unexpected argument "${arg}" (see cms media:rebuild --help)`);
  }
  if (options.id !== undefined && options.pending) throw new OperationError("give either --id or --pending, not both");
  return options;
}

async function rebuild(args: string[]): Promise<void> {
  const options = parseRebuildArgs(args);
  const ids = options.id !== undefined ? [options.id] : await listPhotoIdsForRebuild({ pendingOnly: options.pending });
  info(`media store: ${describeMediaStore()}`);
  if (ids.length === 0) return info(options.pending ? "no unfinished photos" : "no photos to rebuild");
  const tick = progress("rebuilding photos", ids.length);
  const failures: string[] = [];
  const renamed: number[] = [];
  let variants = 0;
  let bytes = 0;
  for (const [index, id] of ids.entries()) {
    try {
      const result = await rebuildPhotoVariants(id);
      variants += result.variants;
      bytes += result.bytes;
      if (result.removedFiles > 0) renamed.push(id);
    } catch (error) {
      failures.push(`photo ${id}: ${error instanceof Error ? error.message : String(error)}`);
    }
    tick(index + 1);
  }
  const rebuilt = ids.length - failures.length;
  info(`rebuilt ${rebuilt} photo${rebuilt === 1 ? "" : "s"}: ${variants} variants, ${(bytes / 1024 / 1024).toFixed(1)} MB; ${renamed.length} with new file names`);
  reportPublicRefresh(rebuilt);
  await recordAudit({ actorId: null, action: "media.rebuild", target: "media", detail: `${rebuilt}/${ids.length}`, clientAddress: "cli" });
  for (const failure of failures) console.error(`  ${failure}`);
  if (failures.length > 0) throw new OperationError(`${failures.length} photo${failures.length === 1 ? "" : "s"} could not be rebuilt`);
}

async function check(args: string[]): Promise<void> {
  if (args.length > 0) throw new OperationError(`unexpected argument "${args[0]}" (see cms media:check --help)`);
  info(`media store: ${describeMediaStore()}`);
  const report = await checkMedia();
  info(`${report.photos} photos, ${report.variants} variant files recorded`);
  printList(
    "missing variant files",
    report.missingVariants.map((item) => `photo ${item.photoId}: ${item.key}`),
  );
  printList(
    "missing originals (these photos cannot be rebuilt)",
    report.missingOriginals.map((item) => `photo ${item.photoId}: ${item.key}`),
  );
  printList("files no photo refers to", report.orphans);
  printList(
    "photos with unfinished variants (run cms media:rebuild --pending)",
    report.unfinished.map((id) => `photo ${id}`),
  );
  if (hasProblems(report)) throw new OperationError(`media check found ${countProblems(report)} problem${countProblems(report) === 1 ? "" : "s"}`);
  info("media check: no problems");
}

function printList(title: string, lines: string[]): void {
  if (lines.length === 0) return;
  info(`${title}: ${lines.length}`);
  for (const line of lines.slice(0, LIST_LIMIT)) info(`  ${line}`);
  if (lines.length > LIST_LIMIT) info(`  … and ${lines.length - LIST_LIMIT} more`);
}

function countProblems(report: MediaCheckReport): number {
  return report.missingVariants.length + report.missingOriginals.length + report.orphans.length + report.unfinished.length;
}

export const mediaCommands: Command[] = [
  { name: "media:rebuild", summary: "make photo variants again from the originals", help: REBUILD_HELP, run: rebuild },
  { name: "media:check", summary: "report missing, orphan and unfinished photo files", help: CHECK_HELP, run: check },
];
