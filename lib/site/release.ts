// Scheduled publishing: articles whose publish time has just passed become public without anyone
// touching them. A timer in every server process expires their pages in that process: each one
// finds the same articles, so several instances apply a release idempotently, without a lock.
import "server-only";
import { prisma } from "../db";
import { isBuildPhase } from "../env";
import { becamePublicWhere } from "../articles/visibility";
import { affectedTags } from "./cache-tags";
import { expireHere } from "./tag-sync";

const TICK_MS = 10_000;

/** Tags of the pages to refresh for articles that became public in (since, until]. */
export async function listReleasedTags(since: Date, until: Date): Promise<string[]> {
  const due = await prisma.article.findMany({
    where: becamePublicWhere(since, until),
    select: { id: true, channelId: true, bylines: { select: { authorId: true } } },
  });
  const all = due.flatMap((article) => affectedTags({ id: article.id, channelId: article.channelId, authorIds: article.bylines.map((b) => b.authorId) }));
  return [...new Set(all)];
}

export function startReleaseScheduler(): void {
  if (isBuildPhase()) return;
  // A starting server has expired every page already (tag-sync.ts): only what falls due from now on.
  let since = new Date();
  const tick = async () => {
    const until = new Date();
    try {
      const tagsToRefresh = await listReleasedTags(since, until);
      expireHere(tagsToRefresh);
      since = until;
    } catch (error) {
      console.error("release scheduler: will retry", error instanceof Error ? error.message : error);
    }
  };
  setInterval(tick, TICK_MS).unref();
  setTimeout(tick, 2000).unref();
}
