// Revision history: list, compare at character level, restore as a new revision; scoped by viewer.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createArticle, saveArticle } from "@/lib/articles/save";
import { getArticleForEdit } from "@/lib/articles/editor";
import { compareRevisions, listRevisions, restoreRevision } from "@/lib/articles/revisions";
import { parseSnapshot } from "@/lib/articles/snapshot";
import type { Viewer } from "@/lib/auth/viewer";
import { NotFoundError, StaleVersionError } from "@/lib/errors";
import { articleInput, auditActions, createViewer, revisionsOf, uniqueLabel } from "./newsroom-factories";
import { createAuthor } from "./factories";

let editor: Viewer;
let reporter: Viewer;
let otherReporter: Viewer;

beforeAll(async () => {
  editor = await createViewer("editor", { displayName: "值班编辑" });
  reporter = await createViewer("reporter", { displayName: "记者小冯" });
  otherReporter = await createViewer("reporter");
});

async function saveForm(viewer: Viewer, articleId: number, changes: Record<string, unknown> = {}, intent?: "save" | "publish") {
  const form = await getArticleForEdit(viewer, articleId);
  return saveArticle(viewer, { articleId, baseVersion: form.version, input: { ...form.input, ...changes }, intent });
}

describe("listRevisions", () => {
  it("lists every revision newest first, with who saved it", async () => {
    const { articleId } = await createArticle(reporter, articleInput({ title: "初稿" }));
    await saveForm(editor, articleId, { title: "二稿" });
    await saveForm(reporter, articleId, { title: "三稿" });
    const listed = await listRevisions(editor, articleId);
    expect(listed.article).toMatchObject({ id: articleId, title: "三稿", version: 3 });
    expect(listed.revisions.map((r) => [r.number, r.author])).toEqual([
      [3, "记者小冯"],
      [2, "值班编辑"],
      [1, "记者小冯"],
    ]);
    for (const revision of listed.revisions) expect(revision.createdAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });
});

describe("compareRevisions", () => {
  it("shows a one-character title change as one delete and one insert in 标题, other fields unchanged", async () => {
    const { articleId } = await createArticle(editor, articleInput({ title: "平阴县用不到一天时间建起了网格", source: "济南日报" }));
    await saveForm(editor, articleId, { title: "平阴县用不到两天时间建起了网格" });
    const fields = await compareRevisions(editor, articleId, 1, 2);
    const title = fields.find((field) => field.label === "标题")!;
    expect(title.changed).toBe(true);
    expect(title.parts.filter((part) => part.kind === "delete")).toEqual([{ kind: "delete", text: "一" }]);
    expect(title.parts.filter((part) => part.kind === "insert")).toEqual([{ kind: "insert", text: "两" }]);
    expect(fields.filter((field) => field.label !== "标题").every((field) => !field.changed)).toBe(true);
    expect(fields.map((field) => field.label)).toEqual(["标题", "副标题", "摘要", "正文", "来源", "栏目", "署名", "新闻推荐", "状态", "发布时间", "题图", "图说", "替代文字"]);
  });

  it("shows body, byline and status changes in their own fields by name", async () => {
    const author = await createAuthor("冯经伟");
    const { articleId } = await createArticle(editor, articleInput({ bodyHtml: "<p>第一段。</p>" }));
    await saveForm(
      editor,
      articleId,
      { bodyHtml: "<p>第一段。</p><p>新增一段。</p>", bylines: [{ authorId: author.id, authorName: author.name, roleLabel: "本报记者" }] },
      "publish",
    );
    const fields = Object.fromEntries((await compareRevisions(editor, articleId, 1, 2)).map((field) => [field.label, field]));
    expect(
      fields["正文"].parts
        .filter((p) => p.kind === "insert")
        .map((p) => p.text)
        .join(""),
    ).toBe("\n新增一段。");
    expect(fields["署名"].parts).toEqual([{ kind: "insert", text: `本报记者 ${author.name}` }]);
    expect(fields["状态"].changed).toBe(true);
    expect(fields["标题"].changed).toBe(false);
  });

  it("refuses a revision number that does not exist", async () => {
    const { articleId } = await createArticle(editor, articleInput());
    await expect(compareRevisions(editor, articleId, 1, 7)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("restoreRevision", () => {
  it("restores old content as revision N+1 and never rewrites earlier revisions", async () => {
    const original = articleInput({ title: "原始标题", summary: "原始摘要", bodyHtml: "<p>原始正文。</p>" });
    const { articleId } = await createArticle(editor, original);
    await saveForm(editor, articleId, { title: "改后标题", summary: "改后摘要", bodyHtml: "<p>改后正文。</p>" });
    await saveForm(editor, articleId, { title: "再改标题" });
    const before = (await revisionsOf(articleId)).map((r) => ({ number: r.number, snapshot: r.snapshot, createdAt: r.createdAt }));
    expect(before.map((r) => r.number)).toEqual([1, 2, 3]);

    const outcome = await restoreRevision(editor, { articleId, number: 1, baseVersion: 3 });
    expect(outcome).toMatchObject({ version: 4, changed: true });

    const after = await revisionsOf(articleId);
    expect(after.map((r) => r.number)).toEqual([1, 2, 3, 4]);
    expect(after.slice(0, 3).map((r) => ({ number: r.number, snapshot: r.snapshot, createdAt: r.createdAt }))).toEqual(before);
    const restored = parseSnapshot(after[3].snapshot);
    expect(restored).toMatchObject({ title: "原始标题", summary: "原始摘要", bodyHtml: "<p>原始正文。</p>" });
    const article = await prisma.article.findUniqueOrThrow({ where: { id: articleId } });
    expect(article).toMatchObject({ title: "原始标题", summary: "原始摘要", bodyText: "原始正文。", version: 4 });
    expect(await auditActions(`article:${articleId}`)).toContain("article.restore");
    const fields = await compareRevisions(editor, articleId, 1, 4);
    expect(fields.filter((field) => field.changed)).toEqual([]);
  });

  it("restores bylines and picks too, but keeps the article's status", async () => {
    const author = await createAuthor("摄影");
    const { articleId } = await createArticle(
      editor,
      articleInput({ bylines: [{ authorId: author.id, authorName: author.name, roleLabel: "摄影" }], picks: [{ targetArticleId: null, title: "平阴新闻", excerpt: "", url: "" }] }),
    );
    await saveForm(editor, articleId, { bylines: [], picks: [] }, "publish");
    const outcome = await restoreRevision(editor, { articleId, number: 1, baseVersion: 2 });
    expect(outcome).toMatchObject({ version: 3, status: "published" });
    const article = await prisma.article.findUniqueOrThrow({ where: { id: articleId }, include: { bylines: true, relatedItems: true } });
    expect(article.status).toBe("published");
    expect(article.bylines.map((b) => [b.authorId, b.roleLabel])).toEqual([[author.id, "摄影"]]);
    expect(article.relatedItems.map((p) => p.title)).toEqual(["平阴新闻"]);
  });

  it("restoring the current content changes nothing and adds no revision", async () => {
    const { articleId } = await createArticle(editor, articleInput());
    const outcome = await restoreRevision(editor, { articleId, number: 1, baseVersion: 1 });
    expect(outcome).toMatchObject({ version: 1, changed: false });
    expect(await revisionsOf(articleId)).toHaveLength(1);
  });

  it("refuses a restore based on an old version", async () => {
    const { articleId } = await createArticle(editor, articleInput());
    await saveForm(editor, articleId, { title: uniqueLabel("别人改的") });
    await expect(restoreRevision(editor, { articleId, number: 1, baseVersion: 1 })).rejects.toBeInstanceOf(StaleVersionError);
    expect(await revisionsOf(articleId)).toHaveLength(2);
  });

  it("a reporter may restore a revision of their own draft", async () => {
    const { articleId } = await createArticle(reporter, articleInput({ title: "记者初稿" }));
    await saveForm(reporter, articleId, { title: "记者二稿" });
    await restoreRevision(reporter, { articleId, number: 1, baseVersion: 2 });
    expect((await prisma.article.findUniqueOrThrow({ where: { id: articleId } })).title).toBe("记者初稿");
  });
});

describe("revisions are scoped by viewer", () => {
  it("a reporter gets NotFoundError for another reporter's article: list, compare, restore", async () => {
    const { articleId } = await createArticle(otherReporter, articleInput({ title: "别人的稿" }));
    await saveForm(otherReporter, articleId, { title: "别人的二稿" });
    await expect(listRevisions(reporter, articleId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(compareRevisions(reporter, articleId, 1, 2)).rejects.toBeInstanceOf(NotFoundError);
    await expect(restoreRevision(reporter, { articleId, number: 1, baseVersion: 2 })).rejects.toBeInstanceOf(NotFoundError);
    expect((await prisma.article.findUniqueOrThrow({ where: { id: articleId } })).title).toBe("别人的二稿");
  });

  it("a reporter gets NotFoundError for revisions of their own article once it is published", async () => {
    const { articleId } = await createArticle(reporter, articleInput());
    await saveForm(editor, articleId, {}, "publish");
    await expect(listRevisions(reporter, articleId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(restoreRevision(reporter, { articleId, number: 1, baseVersion: 2 })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("an editor sees revisions of any reporter's article", async () => {
    const { articleId } = await createArticle(otherReporter, articleInput());
    expect((await listRevisions(editor, articleId)).revisions).toHaveLength(1);
  });
});
