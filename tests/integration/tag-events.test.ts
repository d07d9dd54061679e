// Changes record the cache tags they expire in their own transaction, and a server applies the rows
// to the table Next's caches consult (lib/site/tag-events.ts, tag-sync.ts).
import { createRequire } from "node:module";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createArticle, saveArticle } from "@/lib/articles/save";
import { updateChannel } from "@/lib/channels/manage";
import type { Viewer } from "@/lib/auth/viewer";
import { StaleVersionError } from "@/lib/errors";
import { EVERY_PAGE } from "@/lib/site/cache-tags";
import { lastTagEventId, pruneTagEvents, readTagEvents } from "@/lib/site/tag-events";
import { expireHere } from "@/lib/site/tag-sync";
import { prisma } from "@/lib/db";
import { createChannel } from "./factories";
import { articleInput, createViewer, uniqueLabel } from "./newsroom-factories";

type Manifest = { areTagsExpired: (tags: string[], timestamp: number) => boolean };
const nextTags = createRequire(path.join(process.cwd(), "package.json"))("next/dist/server/lib/incremental-cache/tags-manifest.external.js") as Manifest;

let editor: Viewer;

beforeAll(async () => {
  editor = await createViewer("editor");
});

/** The tags recorded by `change`, in the order of the rows. */
async function recordedBy(change: () => Promise<unknown>): Promise<string[][]> {
  const before = await lastTagEventId();
  await change().catch(() => undefined);
  return (await readTagEvents(before)).map((event) => event.tags);
}

describe("a change records the pages it expires with itself", () => {
  it("publishing records the article's pages; editing a draft records nothing", async () => {
    const channel = await createChannel();
    const { articleId } = await createArticle(editor, articleInput({ channelId: channel.id }));
    const form = async () => (await prisma.article.findUniqueOrThrow({ where: { id: articleId } })).version;
    expect(
      await recordedBy(async () => saveArticle(editor, { articleId, baseVersion: await form(), input: articleInput({ channelId: channel.id, title: uniqueLabel("草稿") }) })),
    ).toEqual([]);
    const published = await recordedBy(async () =>
      saveArticle(editor, { articleId, baseVersion: await form(), input: articleInput({ channelId: channel.id }), intent: "publish" }),
    );
    expect(published).toHaveLength(1);
    expect(published[0]).toEqual(expect.arrayContaining([`article-${articleId}`, `channel-${channel.id}`, "front", "feed", "sitemap"]));
  });

  it("a save refused as stale records nothing: the row goes with the rolled-back change", async () => {
    const { articleId } = await createArticle(editor, articleInput(), "publish");
    const refused = await recordedBy(() => saveArticle(editor, { articleId, baseVersion: 0, input: articleInput({ title: uniqueLabel("过期") }) }));
    expect(refused).toEqual([]);
    await expect(saveArticle(editor, { articleId, baseVersion: 0, input: articleInput() })).rejects.toBeInstanceOf(StaleVersionError);
  });

  it("renaming a channel records its pages", async () => {
    const channel = await createChannel();
    const renamed = await recordedBy(() => updateChannel(editor, { channelId: channel.id, name: uniqueLabel("改名"), slug: channel.slug, tagline: "" }));
    expect(renamed.flat()).toEqual(expect.arrayContaining([`channel-${channel.id}`, "front"]));
  });
});

describe("a server applies the rows", () => {
  it("expireHere expires pages cached before it, not those cached after", () => {
    const tag = uniqueLabel("tag");
    const cachedBefore = Date.now() - 1000;
    expireHere([tag]);
    expect(nextTags.areTagsExpired([tag], cachedBefore)).toBe(true);
    expect(nextTags.areTagsExpired([tag], Date.now() + 1)).toBe(false);
    expect(nextTags.areTagsExpired([uniqueLabel("other")], cachedBefore)).toBe(false);
  });

  it("rows are read in order after an id, and old ones pruned", async () => {
    const before = await lastTagEventId();
    await prisma.cacheTagEvent.create({ data: { tags: JSON.stringify(["front"]) } });
    await prisma.cacheTagEvent.create({ data: { tags: "not json" } });
    const rows = await readTagEvents(before);
    expect(rows.map((row) => row.tags)).toEqual([["front"], [EVERY_PAGE]]);
    expect(await pruneTagEvents(new Date(Date.now() + 1000))).toBeGreaterThanOrEqual(2);
    expect(await readTagEvents(before)).toEqual([]);
  });
});
