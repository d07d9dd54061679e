// Import of an export file into an empty database. The whole file is checked first, then written in
// ONE transaction: a broken or foreign file, a changed file or any failure leaves the database as it
// was, and removes the photo originals it had written. Photo variants are made after the commit.
import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { prisma, type Db, type Prisma } from "../db";
import { refreshAllSimilar } from "../search/similar";
import { recordAudit } from "../audit/record";
import { formatBytes } from "../backup/format";
import { checkExportFile, type Counts, type ImportPlan } from "./check";
import { silentProgress, silentReport, type ProgressFactory, type Report } from "../reporter";
import { plural, TransferError } from "./format";
import { ImportedOriginals } from "./photo-files";
import { readExport } from "./read-export";
import { EVERY_PAGE } from "../site/cache-tags";
import { recordTags } from "../site/tag-events";
import { resolveUsers } from "./users";
import { makeImportedVariants } from "./variants";
import { BatchWriter } from "./write";

export { jsonImportHelp } from "./help";

/** `db`: the database to import into (tests); photos need the site's own, which the photo pipeline writes their variants to. */
export type ImportOptions = { db?: Db; progress?: ProgressFactory; log?: Report; batchSize?: number };
/** `variantFailures`: imported photos whose variants could not be made (the import itself is complete). */
export type ImportSummary = Counts & { placeholderUsers: string[]; variantFailures: string[] };

const LONG_TRANSACTION = { maxWait: 60_000, timeout: 24 * 60 * 60 * 1000 };
const DEFAULT_BATCH = 200;
const MEGABYTE = 1024 * 1024;

export async function importExportFile(file: string, options: ImportOptions = {}): Promise<ImportSummary> {
  const db = options.db ?? prisma;
  const log = options.log ?? silentReport;
  const progress = options.progress ?? silentProgress;
  await requireEmptyDatabase(db); // before reading what may be a very large file
  const reportBytes = progress("checking file (MB)", Math.ceil(fileSize(file) / MEGABYTE));
  const plan = await checkExportFile(file, (bytes) => reportBytes(Math.ceil(bytes / MEGABYTE)));
  if (plan.counts.photos > 0 && db !== prisma) throw new TransferError(`${file}: photos can be imported only into the site's own database (DATABASE_URL)`);
  const originals = new ImportedOriginals();
  const placeholders = await db
    .$transaction((tx) => writeAll(tx, file, plan, originals, options), LONG_TRANSACTION)
    .catch(async (error: unknown) => {
      await originals.removeAll();
      throw asOneLine(file, error);
    });
  const similar = progress("related articles", plan.counts.articles);
  await refreshAllSimilar({ db, onProgress: ({ done }) => similar(done) });
  const variants = await makeImportedVariants(plan.ids.photos, progress);
  const { counts } = plan;
  const related = plural(counts.picks, "related entry", "related entries");
  log(
    `imported ${plural(counts.articles, "article")} (${plural(counts.revisions, "revision")}, ${plural(counts.bylines, "byline")}, ${related}), ${plural(counts.photos, "photo")}, ${plural(counts.channels, "channel")}, ${plural(counts.authors, "author")} from ${file}`,
  );
  if (counts.photos > 0)
    log(
      `photos: ${formatBytes(plan.originalBytes)} of originals written to the media store; ${plural(variants.variants, "variant")} (${formatBytes(variants.bytes)}) made from them`,
    );
  for (const failure of variants.failures) log(`  no variants for ${failure}`);
  if (placeholders.length > 0) log(`created ${plural(placeholders.length, "disabled account")} without a password for authors in the file: ${placeholders.join(", ")}`);
  return { ...counts, placeholderUsers: placeholders, variantFailures: variants.failures };
}

async function writeAll(tx: Prisma.TransactionClient, file: string, plan: ImportPlan, originals: ImportedOriginals, options: ImportOptions): Promise<string[]> {
  await requireEmptyDatabase(tx);
  // Every page of a running site showed the empty site until now.
  await recordTags(tx, [EVERY_PAGE]);
  const users = await resolveUsers(tx, plan.emails);
  const writer = new BatchWriter(tx, users, originals, options.batchSize ?? DEFAULT_BATCH);
  const progress = options.progress ?? silentProgress;
  const reportPhotos = plan.counts.photos > 0 ? progress("importing photos", plan.counts.photos) : () => {};
  const reportArticles = progress("importing articles", plan.counts.articles);
  const hash = crypto.createHash("sha256");
  let reported = { photos: -1, articles: -1 };
  for await (const entry of readExport(file, { hash })) {
    await writer.add(entry);
    if (writer.photos !== reported.photos) reportPhotos(writer.photos);
    if (writer.articles !== reported.articles) reportArticles(writer.articles);
    reported = { photos: writer.photos, articles: writer.articles };
  }
  await writer.finish();
  reportArticles(plan.counts.articles);
  if (hash.digest("hex") !== plan.digest) throw new TransferError("the file changed while it was being imported");
  const detail = `${plan.counts.articles} articles, ${plan.counts.photos} photos, ${plan.counts.channels} channels, ${plan.counts.authors} authors from ${path.basename(file)}`;
  await recordAudit({ actorId: null, action: "content.import", detail, clientAddress: "cli" }, tx);
  return users.placeholders;
}

/** Content tables must be empty; user accounts, settings and the audit log may hold rows. */
async function requireEmptyDatabase(db: Db | Prisma.TransactionClient): Promise<void> {
  const [articles, channels, authors, revisions, redirects, photos] = await Promise.all([
    db.article.count(),
    db.channel.count(),
    db.author.count(),
    db.revision.count(),
    db.channelSlugRedirect.count(),
    db.photo.count(),
  ]);
  if (articles + channels + authors + revisions + redirects + photos === 0) return;
  throw new TransferError(
    `the database already holds content (${articles} articles, ${channels} channels, ${authors} authors, ${photos} photos); import needs an empty database (point DATABASE_URL at a new file)`,
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
  const lastLine = String(prismaError.message ?? error)
    .trim()
    .split("\n")
    .filter(Boolean)
    .pop();
  return new TransferError(`import failed, nothing was imported: ${lastLine}`);
}
