// Export: every channel, author and article (bylines, picks, revisions) into one versioned JSON file,
// read in batches inside one read transaction (a consistent snapshot) and written as it goes.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { prisma, type Db, type Prisma } from "../db";
import { silentProgress, type ProgressFactory } from "../reporter";
import { FORMAT, TransferError, VERSION } from "./format";
import { articleInclude, channelInclude, toArticleRecord, toAuthorRecord, toChannelRecord } from "./records";

export type ExportOptions = { db?: Db; progress?: ProgressFactory; batchSize?: number };
export type ExportSummary = { file: string; channels: number; authors: number; articles: number; revisions: number };

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
    const counts = await (options.db ?? prisma).$transaction((tx) => writeDocument(tx, out, options), LONG_TRANSACTION);
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
  const header = { format: FORMAT, version: VERSION, exportedAt: new Date().toISOString() };
  await out.write(`${JSON.stringify(header).slice(0, -1)},\n`);
  const channels = await writeSection(out, "channels", (afterId) =>
    tx.channel.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" }, take: batchSize, include: channelInclude }).then((rows) => rows.map(toChannelRecord)),
  );
  await out.write(",\n");
  const authors = await writeSection(out, "authors", (afterId) =>
    tx.author.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" }, take: batchSize }).then((rows) => rows.map(toAuthorRecord)),
  );
  await out.write(",\n");
  const report = (options.progress ?? silentProgress)("exporting articles", await tx.article.count());
  let revisions = 0;
  const articles = await writeSection(out, "articles", async (afterId) => {
    const rows = await tx.article.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" }, take: batchSize, include: articleInclude });
    revisions += rows.reduce((sum, row) => sum + row.revisions.length, 0);
    return rows.map(toArticleRecord);
  }, report);
  await out.write("}\n");
  return { channels, authors, articles, revisions };
}

/** Writes `"key":[…]` one record per line, fetching a batch after the last id written. */
async function writeSection<T extends { id: number }>(out: Out, key: string, fetchAfter: (afterId: number) => Promise<T[]>, report?: (done: number) => void): Promise<number> {
  await out.write(`${JSON.stringify(key)}:[`);
  let written = 0;
  report?.(0);
  for (let batch = await fetchAfter(0); batch.length > 0; batch = await fetchAfter(batch[batch.length - 1].id)) {
    await out.write(batch.map((record, index) => `${written + index === 0 ? "" : ","}\n${JSON.stringify(record)}`).join(""));
    written += batch.length;
    report?.(written);
  }
  await out.write(written === 0 ? "]" : "\n]");
  return written;
}
