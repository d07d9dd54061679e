// After a JSON import, asks a running server (if any) to expire every public page the new content shows on.
import "server-only";
import { tags } from "../site/cache-tags";
import { refreshRunningSite } from "../site/release";

export type ImportedIds = { channels: number[]; authors: number[]; articles: number[] };

/** What happened, as one line for the CLI. */
export function refreshPublicPages(ids: ImportedIds): Promise<string> {
  return refreshRunningSite([
    tags.front,
    tags.channels,
    tags.feed,
    tags.sitemap,
    ...ids.channels.map(tags.channel),
    ...ids.authors.map(tags.author),
    ...ids.articles.map(tags.article),
  ]);
}
