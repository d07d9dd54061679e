// Changes readers see reach every server process through the database: a change records the cache
// tags it expires in its own transaction (CacheTagEvent), and each server applies new rows within a
// second (tag-sync.ts). No process needs to know where another one listens.
import { type Prisma, prisma } from "../db";
import { EVERY_PAGE } from "./cache-tags";

type Tx = Prisma.TransactionClient;

/** Records `publicTags` in the transaction `tx` (nothing when there are none). */
export async function recordTags(tx: Tx, publicTags: string[]): Promise<void> {
  if (publicTags.length === 0) return;
  await tx.cacheTagEvent.create({ data: { tags: JSON.stringify([...new Set(publicTags)]) } });
}

/** Runs a change in one transaction that also records the cache tags the change returns. */
export function publicChange<T extends { publicTags: string[] }>(change: (tx: Tx) => Promise<T>, options?: { timeout?: number; maxWait?: number }): Promise<T> {
  return prisma.$transaction(async (tx) => {
    const result = await change(tx);
    await recordTags(tx, result.publicTags);
    return result;
  }, options);
}

export type TagEvent = { id: number; tags: string[] };

/** Rows after `afterId`, oldest first. */
export async function readTagEvents(afterId: number, limit = 1000): Promise<TagEvent[]> {
  const rows = await prisma.cacheTagEvent.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" }, take: limit });
  return rows.map((row) => ({ id: row.id, tags: parseTags(row.tags) }));
}

export async function lastTagEventId(): Promise<number> {
  return (await prisma.cacheTagEvent.aggregate({ _max: { id: true } }))._max.id ?? 0;
}

/** Deletes rows older than `before` (every server has applied them long ago). */
export async function pruneTagEvents(before: Date): Promise<number> {
  return (await prisma.cacheTagEvent.deleteMany({ where: { createdAt: { lt: before } } })).count;
}

function parseTags(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((tag): tag is string => typeof tag === "string") : [];
  } catch {
    return [EVERY_PAGE];
  }
}
