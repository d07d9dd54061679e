// Scheduled publishing: articles whose publish time has just passed become public without anyone
// touching them. A timer in the server process asks its own internal route to invalidate their pages,
// because cache invalidation only works inside a request.
import "server-only";
import crypto from "node:crypto";
import { prisma } from "../db";
import { isBuildPhase, port, secrets } from "../env";
import { affectedTags } from "./cache-tags";

const TICK_MS = 10_000;
// Covers articles that fell due between the build's prerender and this process's start.
const STARTUP_LOOKBACK_MS = 30 * 60 * 1000;

/** Tags of the pages to refresh for articles that became public in (since, until]. */
export async function listReleasedTags(since: Date, until: Date): Promise<string[]> {
  const due = await prisma.article.findMany({
    where: { status: "published", publishedAt: { gt: since, lte: until } },
    select: { id: true, channelId: true, bylines: { select: { authorId: true } } },
  });
  const all = due.flatMap((article) => affectedTags({ id: article.id, channelId: article.channelId, authorIds: article.bylines.map((b) => b.authorId) }));
  return [...new Set(all)];
}

export function startReleaseScheduler(): void {
  if (isBuildPhase()) return;
  let since = new Date(Date.now() - STARTUP_LOOKBACK_MS);
  const tick = async () => {
    const until = new Date();
    try {
      const tagsToRefresh = await listReleasedTags(since, until);
      if (tagsToRefresh.length > 0) await requestRevalidation(tagsToRefresh);
      since = until;
    } catch (error) {
      console.error("release scheduler: will retry", error instanceof Error ? error.message : error);
    }
  };
  setInterval(tick, TICK_MS).unref();
  setTimeout(tick, 2000).unref();
}

/** Asks the running server to invalidate tags (used by the scheduler and the admin CLI). */
export async function requestRevalidation(tagsToRefresh: string[], baseUrl = `http://127.0.0.1:${port()}`): Promise<void> {
  const response = await fetch(`${baseUrl}/api/internal/revalidate`, {
    method: "POST",
    headers: { authorization: `Bearer ${secrets().internalToken}`, "content-type": "application/json" },
    body: JSON.stringify({ tags: tagsToRefresh }),
  });
  if (!response.ok) throw new Error(`revalidation request failed with HTTP ${response.status}`);
}

export function isInternalToken(header: string | null): boolean {
  const expected = `Bearer ${secrets().internalToken}`;
  if (!header || header.length !== expected.length) return false;
  return crypto.timingSafeEqual(Buffer.from(header), Buffer.from(expected));
}
