// Newsroom search on a real SQLite file: the /editor list finds title and body text across every
// status the viewer may see, keeps a reporter to their own articles, and follows each save at once.
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createArticle, saveArticle } from "@/lib/articles/save";
import { listEditorArticles } from "@/lib/articles/editor";
import type { Viewer } from "@/lib/auth/viewer";
import { articleInput, createViewer } from "./newsroom-factories";
import { createChannel } from "./factories";

function uniqueHan(length = 4): string {
  return Array.from({ length }, () => String.fromCharCode(0x4e00 + crypto.randomInt(0x5000))).join("");
}

let editor: Viewer;
let reporter: Viewer;

beforeAll(async () => {
  [editor, reporter] = await Promise.all([createViewer("editor"), createViewer("reporter")]);
});

const foundIds = async (viewer: Viewer, q: string, filters: { status?: "draft" | "published" | "scheduled"; channelId?: number } = {}) =>
  (await listEditorArticles(viewer, { q, ...filters })).items.map((item) => item.id);

describe("the /editor list search", () => {
  it("finds words of the body as well as the title, in drafts, review and published articles", async () => {
    const word = uniqueHan();
    const draft = await createArticle(editor, articleInput({ bodyHtml: `<p>草稿正文写到${word}。</p>` }));
    const review = await createArticle(reporter, articleInput({ bodyHtml: `<p>送审正文也有${word}。</p>` }), "submit");
    const published = await createArticle(editor, articleInput({ title: `${word}上了标题` }), "publish");
    const ids = await foundIds(editor, word);
    expect(ids.sort()).toEqual([draft.articleId, review.articleId, published.articleId].sort());
    expect(ids.length).toBe(3);
    // Title matches rank first.
    expect((await foundIds(editor, word))[0]).toBe(published.articleId);
  });

  it("keeps a reporter to their own articles", async () => {
    const word = uniqueHan();
    const own = await createArticle(reporter, articleInput({ bodyHtml: `<p>${word}</p>` }));
    await createArticle(editor, articleInput({ bodyHtml: `<p>${word}</p>` }));
    expect(await foundIds(reporter, word)).toEqual([own.articleId]);
    expect(await foundIds(editor, word)).toHaveLength(2);
  });

  it("combines the query with the status and channel filters", async () => {
    const word = uniqueHan();
    const channel = await createChannel();
    const draft = await createArticle(editor, articleInput({ bodyHtml: `<p>${word}</p>`, channelId: channel.id }));
    const published = await createArticle(editor, articleInput({ bodyHtml: `<p>${word}</p>` }), "publish");
    expect(await foundIds(editor, word, { status: "draft" })).toEqual([draft.articleId]);
    expect(await foundIds(editor, word, { status: "published" })).toEqual([published.articleId]);
    expect(await foundIds(editor, word, { status: "scheduled" })).toEqual([]);
    expect(await foundIds(editor, word, { channelId: channel.id })).toEqual([draft.articleId]);
  });

  it("follows a save at once: the new text is found, the old is not", async () => {
    const [before, after] = [uniqueHan(), uniqueHan()];
    const { articleId, version } = await createArticle(editor, articleInput({ bodyHtml: `<p>${before}</p>` }));
    expect(await foundIds(editor, before)).toEqual([articleId]);
    await saveArticle(editor, { articleId, baseVersion: version, input: articleInput({ bodyHtml: `<p>${after}</p>` }) });
    expect(await foundIds(editor, after)).toEqual([articleId]);
    expect(await foundIds(editor, before)).toEqual([]);
  });

  it("answers odd queries with an empty list, never an error", async () => {
    for (const q of ['"', "*", "NEAR(", "，。", "%", "_"]) {
      expect(await listEditorArticles(editor, { q })).toMatchObject({ total: 0, items: [], page: 1, pageCount: 1 });
    }
  });
});
