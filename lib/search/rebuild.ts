// A full rebuild of what search derives from articles: the FTS5 index, then every 相关推荐 list.
// The stored search version says which rebuild the database has had; a release that changes how
// articles are indexed or related raises SEARCH_VERSION, and `cms prepare` rebuilds once.
import "server-only";
import { prisma } from "../db";
import { reindexAll, type ReindexProgress } from "./index";
import { refreshAllSimilar } from "./similar";

export const SEARCH_VERSION = "2";
const VERSION_KEY = "search.version";

export type RebuildProgress = { stage: "index" | "similar" } & ReindexProgress;

export async function rebuildSearch({ onProgress }: { onProgress?: (progress: RebuildProgress) => void } = {}) {
  const index = await reindexAll({ onProgress: (progress) => onProgress?.({ stage: "index", ...progress }) });
  const similar = await refreshAllSimilar({ onProgress: (progress) => onProgress?.({ stage: "similar", ...progress }) });
  await markSearchCurrent();
  return { indexed: index.done, similar: similar.done, changed: similar.changed };
}

/** Records that search was rebuilt for this version. */
export async function markSearchCurrent(): Promise<void> {
  await prisma.setting.upsert({ where: { key: VERSION_KEY }, create: { key: VERSION_KEY, value: SEARCH_VERSION }, update: { value: SEARCH_VERSION } });
}

export async function searchIsCurrent(): Promise<boolean> {
  const stored = await prisma.setting.findUnique({ where: { key: VERSION_KEY } });
  return stored?.value === SEARCH_VERSION;
}
