// Scheduled publishing: articles whose publish time has just passed become public without anyone
// touching them. A timer in the server process asks its own internal route to invalidate their pages,
// because cache invalidation only works inside a request.
import "server-only";
import crypto from "node:crypto";
import { prisma } from "../db";
import { isBuildPhase, port, secrets } from "../env";
import { becamePublicWhere } from "../articles/visibility";
import { affectedTags } from "./cache-tags";

const TICK_MS = 10_000;
// Covers articles that fell due between the build's prerender and this process's start.
const STARTUP_LOOKBACK_MS = 30 * 60 * 1000;

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

// The internal revalidation route accepts at most this many tags per request.
const TAGS_PER_REQUEST = 1000;

/**
 * For the CLI after it changed content: asks the running server to expire `tagsToRefresh` and
 * returns what happened as one line. No server answering is not an error: nothing is cached then.
 */
export async function refreshRunningSite(tagsToRefresh: string[], revalidate = requestRevalidation): Promise<string> {
  try {
    for (let start = 0; start < tagsToRefresh.length; start += TAGS_PER_REQUEST) await revalidate(tagsToRefresh.slice(start, start + TAGS_PER_REQUEST));
    return `public pages: asked the running server to refresh ${tagsToRefresh.length} cache tags`;
  } catch (error) {
    if (isNoServer(error)) return `public pages: no server answered on port ${port()} (run with the PORT the site runs with); the site shows the change when it next starts`;
    return `warning: public pages were not refreshed (${error instanceof Error ? error.message : String(error)}); restart the site to show the change`;
  }
}

function isNoServer(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } } | null)?.cause;
  return cause?.code === "ECONNREFUSED" || (error instanceof TypeError && error.message === "fetch failed");
}

export function isInternalToken(header: string | null): boolean {
  const expected = `Bearer ${secrets().internalToken}`;
  if (!header || header.length !== expected.length) return false;
  return crypto.timingSafeEqual(Buffer.from(header), Buffer.from(expected));
}
