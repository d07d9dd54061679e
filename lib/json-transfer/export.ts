// Export: every channel, author, photo (with its original file) and article (bylines, picks, 题图,
// revisions) into one versioned JSON file, read in batches inside one read transaction (a consistent
// snapshot) and written as it goes; photos one at a time, as their originals may be large.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { type Db, type Prisma, readSnapshot } from "../db";
import { silentProgress, type ProgressFactory } from "../reporter";
import { mediaStore, originalKey } from "../media/store";
import { FORMAT, TransferError, VERSION, type PhotoRecord } from "./format";
import { articleInclude, channelInclude, photoInclude, toArticleRecord, toAuthorRecord, toChannelRecord, toPhotoRecord } from "./records";

export type ExportOptions = { db?: Db; progress?: ProgressFactory; batchSize?: number };
export type ExportSummary = { file: string; channels: number; authors: number; photos: number; originalBytes: number; articles: number; revisions: number };

// An export of a large archive takes minutes; Prisma's default would end the transaction after 5 s.
const LONG_TRANSACTION = { maxWait: 60_000, timeout: 24 * 60 * 60 * 1000 };
const DEFAULT_BATCH = 200;

type Tx = Prisma.TransactionClient;
type Out = { write: (text: string) => Promise<void> };

/** Writes the export to `file` (refusing to overwrite one); a failed export leaves no file behind. */
export async function exportToFile(file: string, options: ExportOptions = {}): Promise<ExportSummary> {
  if (fs.existsSync(file)) throw new TransferError(`${file} already exists; choose another --out`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const handle = await fs.promises.open(partial, "w");
  const out: Out = { write: async (text) => void (await handle.write(text)) };
  try {
    const counts = await readSnapshot((tx) => writeDocument(tx, out, options), LONG_TRANSACTION, options.db);
    await handle.close();
    await fs.promises.rename(partial, file);
    return { file, ...counts };
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.promises.rm(partial, { force: true });
    throw error;
  }
}

async function writeDocument(tx: Tx, out: Out, options: ExportOptions) {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const progress = options.progress ?? silentProgress;
  const header = { format: FORMAT, version: VERSION, exportedAt: new Date().toISOString() };
  await out.write(`${JSON.stringify(header).slice(0, -1)},\n`);
  const channels = await writeSection(
    out,
    "channels",
    pagesOf((afterId) =>
      tx.channel.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" }, take: batchSize, include: channelInclude }).then((rows) => rows.map(toChannelRecord)),
    ),
  );
  await out.write(",\n");
  const authors = await writeSection(
    out,
    "authors",
    pagesOf((afterId) => tx.author.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" }, take: batchSize }).then((rows) => rows.map(toAuthorRecord))),
  );
  await out.write(",\n");
  let originalBytes = 0;
  const photoRows = pagesOf((afterId) => tx.photo.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" }, take: batchSize, include: photoInclude }));
  const photos = await writeSection(
    out,
    "photos",
    withOriginals(photoRows, (bytes) => (originalBytes += bytes)),
    progress("exporting photos", await tx.photo.count()),
  );
  await out.write(",\n");
  let revisions = 0;
  const articleRows = pagesOf((afterId) => tx.article.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" }, take: batchSize, include: articleInclude }));
  const articles = await writeSection(
    out,
    "articles",
    (async function* () {
      for await (const rows of articleRows) {
        revisions += rows.reduce((sum, row) => sum + row.revisions.length, 0);
        yield rows.map(toArticleRecord);
      }
    })(),
    progress("exporting articles", await tx.article.count()),
  );
  await out.write("}\n");
  return { channels, authors, photos, originalBytes, articles, revisions };
}

/** Batches of rows by ascending id, each fetched after the last id of the one before. */
async function* pagesOf<T extends { id: number }>(fetchAfter: (afterId: number) => Promise<T[]>): AsyncGenerator<T[]> {
  for (let batch = await fetchAfter(0); batch.length > 0; batch = await fetchAfter(batch[batch.length - 1].id)) yield batch;
}

/** Photo records one at a time, each with its original read from the media store just before it is written. */
async function* withOriginals(pages: AsyncIterable<Parameters<typeof toPhotoRecord>[0][]>, onBytes: (bytes: number) => void): AsyncGenerator<PhotoRecord[]> {
  const store = mediaStore();
  for await (const rows of pages) {
    for (const row of rows) {
      const key = originalKey(row);
      const original = await store.get(key);
      if (!original) {
        throw new TransferError(
          `photo ${row.id}: its original ${key} is not in the media store (the photo was deleted or replaced while the export ran, or the file is lost: cms media:check tells which); nothing was exported`,
        );
      }
      onBytes(original.length);
      yield [toPhotoRecord(row, original)];
    }
  }
}

/** Writes `"key":[…]` one record per line, a batch at a time. */
async function writeSection<T>(out: Out, key: string, batches: AsyncIterable<T[]>, report?: (done: number) => void): Promise<number> {
  await out.write(`${JSON.stringify(key)}:[`);
  let written = 0;
  report?.(0);
  for await (const batch of batches) {
    await out.write(batch.map((record, index) => `${written + index === 0 ? "" : ","}\n${JSON.stringify(record)}`).join(""));
    written += batch.length;
    report?.(written);
  }
  await out.write(written === 0 ? "]" : "\n]");
  return written;
}
