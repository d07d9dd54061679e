// Import of an export file into an empty database. The whole file is checked first, then written in
// ONE transaction: a broken or foreign file, a changed file or any failure leaves the database as it was.
import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { prisma, type Db, type Prisma } from "../db";
import { refreshAllSimilar } from "../search/similar";
import { recordAudit } from "../audit/record";
import { checkExportFile, type Counts, type ImportPlan } from "./check";
import { silentProgress, silentReport, type ProgressFactory, type Report } from "../reporter";
import { plural, TransferError } from "./format";
import { readExport } from "./read-export";
import { refreshPublicPages } from "./refresh";
import { resolveUsers } from "./users";
import { BatchWriter } from "./write";

export { jsonImportHelp } from "./help";

export type ImportOptions = { db?: Db; progress?: ProgressFactory; log?: Report; revalidate?: boolean; batchSize?: number };
export type ImportSummary = Counts & { placeholderUsers: string[] };

const LONG_TRANSACTION = { maxWait: 60_000, timeout: 24 * 60 * 60 * 1000 };
const DEFAULT_BATCH = 200;
const MEGABYTE = 1024 * 1024;

export async function importExportFile(file: string, options: ImportOptions = {}): Promise<ImportSummary> {
  const db = options.db ?? prisma;
  const log = options.log ?? silentReport;
  await requireEmptyDatabase(db); // before reading what may be a very large file
  const reportBytes = (options.progress ?? silentProgress)("checking file (MB)", Math.ceil(fileSize(file) / MEGABYTE));
  const plan = await checkExportFile(file, (bytes) => reportBytes(Math.ceil(bytes / MEGABYTE)));
  const placeholders = await db
    .$transaction((tx) => writeAll(tx, file, plan, options), LONG_TRANSACTION)
    .catch((error: unknown) => Promise.reject(asOneLine(file, error)));
  const similar = (options.progress ?? silentProgress)("related articles", plan.counts.articles);
  await refreshAllSimilar({ db, onProgress: ({ done }) => similar(done) });
  const { counts } = plan;
  const related = plural(counts.picks, "related entry", "related entries");
  log(`imported ${plural(counts.articles, "article")} (${plural(counts.revisions, "revision")}, ${plural(counts.bylines, "byline")}, ${related}), ${plural(counts.channels, "channel")}, ${plural(counts.authors, "author")} from ${file}`);
  if (placeholders.length > 0) log(`created ${plural(placeholders.length, "disabled account")} without a password for authors in the file: ${placeholders.join(", ")}`);
  if (options.revalidate !== false) log(await refreshPublicPages(plan.ids));
  return { ...counts, placeholderUsers: placeholders };
}

async function writeAll(tx: Prisma.TransactionClient, file: string, plan: ImportPlan, options: ImportOptions): Promise<string[]> {
  await requireEmptyDatabase(tx);
  const users = await resolveUsers(tx, plan.emails);
  const writer = new BatchWriter(tx, users, options.batchSize ?? DEFAULT_BATCH);
  const report = (options.progress ?? silentProgress)("importing articles", plan.counts.articles);
  const hash = crypto.createHash("sha256");
  let reported = -1;
  for await (const entry of readExport(file, { hash })) {
    await writer.add(entry);
    if (writer.articles !== reported) report((reported = writer.articles));
  }
  await writer.finish();
  report(plan.counts.articles);
  if (hash.digest("hex") !== plan.digest) throw new TransferError("the file changed while it was being imported");
  const detail = `${plan.counts.articles} articles, ${plan.counts.channels} channels, ${plan.counts.authors} authors from ${path.basename(file)}`;
  await recordAudit({ actorId: null, action: "content.import", detail, clientAddress: "cli" }, tx);
  return users.placeholders;
}

/** Content tables must be empty; user accounts, settings and the audit log may hold rows. */
async function requireEmptyDatabase(db: Db | Prisma.TransactionClient): Promise<void> {
  const [articles, channels, authors, revisions, redirects] = await Promise.all([
    db.article.count(),
    db.channel.count(),
    db.author.count(),
    db.revision.count(),
    db.channelSlugRedirect.count(),
  ]);
  if (articles + channels + authors + revisions + redirects === 0) return;
  throw new TransferError(
    `the database already holds content (${articles} articles, ${channels} channels, ${authors} authors); import needs an empty database (point DATABASE_URL at a new file)`,
  );
}

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    throw new TransferError(`${file}: no such file`);
  }
}

function asOneLine(file: string, error: unknown): Error {
  if (error instanceof TransferError) return new TransferError(`${file}: ${error.message}; nothing was imported`);
  const prismaError = error as { code?: string; meta?: { target?: unknown }; message?: string };
  if (prismaError.code === "P2002") return new TransferError(`${file}: a uniqueness rule failed (${String(prismaError.meta?.target ?? "unknown")}); nothing was imported`);
  const lastLine = String(prismaError.message ?? error).trim().split("\n").filter(Boolean).pop();
  return new TransferError(`import failed, nothing was imported: ${lastLine}`);
}
