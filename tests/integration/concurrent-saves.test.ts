// 20 editors saving one article at the same time: every save either commits a new version with
// exactly one revision, or is refused as stale. No lost update, no gap, no duplicate, no other error.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createArticle, saveArticle } from "@/lib/articles/save";
import { getArticleForEdit } from "@/lib/articles/editor";
import { parseSnapshot } from "@/lib/articles/snapshot";
import type { Viewer } from "@/lib/auth/viewer";
import { StaleVersionError } from "@/lib/errors";
import { articleInput, createViewer } from "./newsroom-factories";

const EDITORS = 20;
const SAVES_EACH = 10;

type Committed = { editor: number; title: string; baseVersion: number; version: number };

let articleId: number;
const committed: Committed[] = [];
const stale: { baseVersion: number; error: StaleVersionError }[] = [];
const otherErrors: unknown[] = [];

async function editLoop(viewer: Viewer, editorIndex: number) {
  for (let attempt = 0; attempt < SAVES_EACH; attempt++) {
    const form = await getArticleForEdit(viewer, articleId);
    const title = `编辑${editorIndex}第${attempt}次保存`;
    try {
      const outcome = await saveArticle(viewer, { articleId, baseVersion: form.version, input: { ...form.input, title } });
      // Pushed when the commit resolves, so the array is in commit order.
      committed.push({ editor: viewer.id, title, baseVersion: form.version, version: outcome.version });
      if (!outcome.changed) otherErrors.push(new Error(`save of a new title reported no change: ${title}`));
    } catch (error) {
      if (error instanceof StaleVersionError) stale.push({ baseVersion: form.version, error });
      else otherErrors.push(error);
    }
  }
}

beforeAll(async () => {
  const editors = await Promise.all(Array.from({ length: EDITORS }, (_, index) => createViewer("editor", { displayName: `并发编辑${index}` })));
  ({ articleId } = await createArticle(editors[0], articleInput({ title: "并发测试稿件" })));
  await Promise.all(editors.map((viewer, index) => editLoop(viewer, index)));
}, 120_000);

describe(`${EDITORS} editors × ${SAVES_EACH} saves on one article`, () => {
  it("every save either committed or was refused as stale", () => {
    expect(otherErrors).toEqual([]);
    expect(committed.length + stale.length).toBe(EDITORS * SAVES_EACH);
    expect(committed.length).toBeGreaterThan(0);
  });

  it("stale refusals tell the editor who saved and which version is current", () => {
    for (const { baseVersion, error } of stale) {
      expect(error.info.savedBy).toMatch(/^并发编辑\d+$/);
      expect(error.info.currentVersion).toBeGreaterThan(baseVersion);
    }
  });

  it("one new revision per committed save, numbered 1..N without gaps or duplicates", async () => {
    const numbers = (await prisma.revision.findMany({ where: { articleId }, orderBy: { number: "asc" }, select: { number: true } })).map((r) => r.number);
    expect(numbers.length).toBe(committed.length + 1);
    expect(numbers).toEqual(Array.from({ length: committed.length + 1 }, (_, index) => index + 1));
  });

  it("the article's version is N, its title the last committed one", async () => {
    const article = await prisma.article.findUniqueOrThrow({ where: { id: articleId } });
    expect(article.version).toBe(committed.length + 1);
    expect(article.title).toBe(committed.at(-1)?.title);
  });

  it("each committed save was based on the version just before it: no lost update", () => {
    for (const save of committed) expect(save.version, save.title).toBe(save.baseVersion + 1);
  });

  it("each committed save got a unique version, increasing in commit order", () => {
    const versions = committed.map((save) => save.version);
    expect(new Set(versions).size).toBe(versions.length);
    for (let index = 1; index < versions.length; index++) expect(versions[index]).toBeGreaterThan(versions[index - 1]);
    expect(versions).toEqual(Array.from({ length: committed.length }, (_, index) => index + 2));
  });

  it("each revision holds the title its saver sent, and names that saver", async () => {
    const revisions = await prisma.revision.findMany({ where: { articleId, number: { gt: 1 } }, orderBy: { number: "asc" } });
    const byVersion = new Map(committed.map((save) => [save.version, save]));
    for (const revision of revisions) {
      const save = byVersion.get(revision.number);
      expect(save, `revision ${revision.number} has no committed save`).toBeDefined();
      expect(parseSnapshot(revision.snapshot).title).toBe(save!.title);
      expect(revision.authorId).toBe(save!.editor);
    }
  });
});
