// Applies the cache tags other processes recorded (tag-events.ts) to this server's caches.
// Both of Next's caches — pages (incremental cache) and 'use cache' reads — ask one in-process
// table when a tag was last expired: next/dist/server/lib/incremental-cache/tags-manifest.external,
// the table revalidateTag writes. Writing it directly expires pages outside any request, with the
// same effect as revalidateTag(tag, { expire: 0 }): the next reader waits for a fresh render.
import "server-only";
import { createRequire } from "node:module";
import path from "node:path";
import { isBuildPhase } from "../env";
import { EVERY_PAGE } from "./cache-tags";
import { lastTagEventId, pruneTagEvents, readTagEvents } from "./tag-events";

type TagsManifest = Map<string, { stale?: number; expired?: number }>;

const POLL_MS = 250;
const PRUNE_EVERY_MS = 60 * 60 * 1000;
const KEEP_MS = 24 * 60 * 60 * 1000;

function tagsManifest(): TagsManifest {
  // Resolved at run time from the app folder, so it is the very module next-server loaded.
  const load = createRequire(path.join(process.cwd(), "package.json"));
  return (load("next/dist/server/lib/incremental-cache/tags-manifest.external.js") as { tagsManifest: TagsManifest }).tagsManifest;
}

/** Expires `tags` in this process now: pages and reads cached before this moment are rendered again. */
export function expireHere(tags: Iterable<string>, at = Date.now()): void {
  const manifest = tagsManifest();
  for (const tag of tags) manifest.set(tag, { ...manifest.get(tag), stale: at, expired: at });
}

/**
 * Starts following the database. A starting server trusts no page cached before it started (the
 * build's prerenders and pages another run left on disk may predate changes it never saw).
 */
export async function startTagSync(): Promise<void> {
  if (isBuildPhase()) return;
  expireHere([EVERY_PAGE]);
  let lastId = await lastTagEventId();
  let lastPrune = 0;
  let busy = false;
  const poll = async () => {
    if (busy) return;
    busy = true;
    try {
      const newest = await lastTagEventId();
      if (newest < lastId) {
        // The table went back (db:restore of an older backup): anything may have changed.
        expireHere([EVERY_PAGE]);
        lastId = newest;
      }
      for (let events = await readTagEvents(lastId); events.length > 0; events = await readTagEvents(lastId)) {
        // This process's own rows too: a request expired them already, but a background job (photo
        // variants) did not; expiring twice costs one more render at most.
        expireHere(events.flatMap((event) => event.tags));
        lastId = events[events.length - 1].id;
      }
      if (Date.now() - lastPrune > PRUNE_EVERY_MS) {
        lastPrune = Date.now();
        await pruneTagEvents(new Date(Date.now() - KEEP_MS));
      }
    } catch (error) {
      console.error("cache tag sync: will retry", error instanceof Error ? error.message : error);
    } finally {
      busy = false;
    }
  };
  setInterval(poll, POLL_MS).unref();
}
