// After an import or a rebuild, asks a running server (if any) to expire every public page the changed content shows on.
import "server-only";
import { tags } from "../site/cache-tags";
import { requestRevalidation } from "../site/release";

// The internal revalidation route accepts at most this many tags per request.
const TAGS_PER_REQUEST = 1000;

export type ImportedIds = { channels: number[]; authors: number[]; articles: number[] };

/** Returns a warning line when a running server could not be told, null otherwise. */
export async function refreshPublicPages(ids: ImportedIds): Promise<string | null> {
  const all = [
    tags.front,
    tags.channels,
    tags.feed,
    tags.sitemap,
    ...ids.channels.map(tags.channel),
    ...ids.authors.map(tags.author),
    ...ids.articles.map(tags.article),
  ];
  try {
    for (let start = 0; start < all.length; start += TAGS_PER_REQUEST) await requestRevalidation(all.slice(start, start + TAGS_PER_REQUEST));
    return null;
  } catch (error) {
    if (isConnectionRefused(error)) return null; // no server running: nothing is cached
    return `warning: the running site did not refresh its pages (${error instanceof Error ? error.message : String(error)}); restart it to show the change`;
  }
}

function isConnectionRefused(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } })?.cause;
  return cause?.code === "ECONNREFUSED";
}
