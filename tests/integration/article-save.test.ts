// Creating and saving articles through lib/articles/save: versions, revisions, sanitizing,
// workflow permissions and audit, against a real SQLite file.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createArticle, saveArticle } from "@/lib/articles/save";
import { getArticleForEdit, listEditorArticles } from "@/lib/articles/editor";
import { parseSnapshot } from "@/lib/articles/snapshot";
import type { Viewer } from "@/lib/auth/viewer";
import { ForbiddenError, NotFoundError, StaleVersionError, ValidationError } from "@/lib/errors";
import { formatShanghai } from "@/lib/text/time";
import { articleInput, auditActions, createViewer, revisionsOf, uniqueLabel } from "./newsroom-factories";
import { createArticle as createStoredArticle, createChannel } from "./factories";

let editor: Viewer;
let otherEditor: Viewer;
let reporter: Viewer;
let otherReporter: Viewer;

beforeAll(async () => {
  editor = await createViewer("editor", { displayName: "编辑甲" });
  otherEditor = await createViewer("editor", { displayName: "编辑乙" });
  reporter = await createViewer("reporter");
  otherReporter = await createViewer("reporter");
});

async function stored(articleId: number) {
  return prisma.article.findUniqueOrThrow({ where: { id: articleId }, include: { bylines: { include: { author: true } }, relatedItems: true } });
}

/** Saves what the edit form currently shows, with `changes` typed in. */
async function saveForm(viewer: Viewer, articleId: number, changes: Record<string, unknown> = {}, intent?: "save" | "submit" | "publish" | "unpublish" | "archive") {
  const form = await getArticleForEdit(viewer, articleId);
  return saveArticle(viewer, { articleId, baseVersion: form.version, input: { ...form.input, ...changes }, intent });
}

function minutesFromNow(minutes: number): string {
  return formatShanghai(new Date(Date.now() + minutes * 60_000));
}

describe("versions and revisions", () => {
  it("creates an article at version 1 with revision 1", async () => {
    const input = articleInput();
    const outcome = await createArticle(editor, input);
    expect(outcome).toMatchObject({ version: 1, changed: true, status: "draft" });
    const article = await stored(outcome.articleId);
    expect(article).toMatchObject({ title: input.title, version: 1, status: "draft", createdById: editor.id, updatedById: editor.id });
    const revisions = await revisionsOf(outcome.articleId);
    expect(revisions.map((r) => r.number)).toEqual([1]);
    expect(parseSnapshot(revisions[0].snapshot).title).toBe(input.title);
  });

  it("a save with a change makes version 2 and exactly one new revision with the new title", async () => {
    const { articleId } = await createArticle(editor, articleInput());
    const title = uniqueLabel("新标题");
    const outcome = await saveForm(otherEditor, articleId, { title });
    expect(outcome).toMatchObject({ version: 2, changed: true });
    expect((await stored(articleId)).title).toBe(title);
    const revisions = await revisionsOf(articleId);
    expect(revisions.map((r) => r.number)).toEqual([1, 2]);
    expect(parseSnapshot(revisions[1].snapshot).title).toBe(title);
    expect(revisions[1].authorId).toBe(otherEditor.id);
  });

  it("a save without a change keeps the version and adds no revision", async () => {
    const { articleId } = await createArticle(editor, articleInput({ summary: "编辑写的摘要" }));
    const outcome = await saveForm(editor, articleId);
    expect(outcome).toMatchObject({ version: 1, changed: false });
    expect((await stored(articleId)).version).toBe(1);
    expect(await revisionsOf(articleId)).toHaveLength(1);
  });

  it("a published article saved again with the time the form shows is not a change", async () => {
    const { articleId } = await createArticle(editor, articleInput(), "publish");
    const article = await stored(articleId);
    expect(article.status).toBe("published");
    const shown = formatShanghai(article.publishedAt!);
    const outcome = await saveArticle(editor, { articleId, baseVersion: article.version, input: { ...(await getArticleForEdit(editor, articleId)).input, publishedAt: shown } });
    expect(outcome.changed).toBe(false);
    expect((await stored(articleId)).publishedAt).toEqual(article.publishedAt);
    expect(await revisionsOf(articleId)).toHaveLength(1);
  });

  it("a publish time with seconds survives a save of the minute the form shows", async () => {
    const { articleId } = await createArticle(editor, articleInput({ publishedAt: "2020-03-02 11:09:42" }), "publish");
    const before = await stored(articleId);
    expect(before.publishedAt?.toISOString()).toBe("2020-03-02T03:09:42.000Z");
    const outcome = await saveForm(editor, articleId, { publishedAt: "2020-03-02 11:09" });
    expect(outcome.changed).toBe(false);
    expect((await stored(articleId)).publishedAt?.toISOString()).toBe("2020-03-02T03:09:42.000Z");
  });

  it("refuses a save based on an old version, naming who saved in between", async () => {
    const { articleId } = await createArticle(editor, articleInput());
    const mine = await getArticleForEdit(editor, articleId);
    await saveForm(otherEditor, articleId, { title: uniqueLabel("乙改的标题") });
    const error = await saveArticle(editor, { articleId, baseVersion: mine.version, input: { ...mine.input, title: uniqueLabel("甲改的标题") } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StaleVersionError);
    expect((error as StaleVersionError).info).toMatchObject({ currentVersion: 2, savedBy: "编辑乙" });
    expect((error as StaleVersionError).message).toBe("这篇文章已被他人修改");
    expect((await stored(articleId)).version).toBe(2);
    expect(await revisionsOf(articleId)).toHaveLength(2);
  });

  it("refuses a stale save even when it would change nothing", async () => {
    const { articleId } = await createArticle(editor, articleInput());
    const mine = await getArticleForEdit(editor, articleId);
    await saveForm(otherEditor, articleId, { title: uniqueLabel("乙改的标题") });
    await expect(saveArticle(editor, { articleId, baseVersion: mine.version, input: mine.input })).rejects.toBeInstanceOf(StaleVersionError);
  });
});

describe("content rules on write", () => {
  it("sanitizes body HTML: scripts, event handlers and javascript: links go, paragraphs and bold stay", async () => {
    const bodyHtml = [
      "<p><strong>平阴</strong>建起了网格。</p>",
      "<script>alert('x')</script>",
      '<p><img src="x" onerror="alert(1)">图片</p>',
      '<p onclick="alert(2)"><a href="javascript:alert(3)">链接</a></p>',
    ].join("");
    const { articleId } = await createArticle(editor, articleInput({ bodyHtml }));
    const article = await stored(articleId);
    expect(article.bodyHtml).toContain("<p><strong>平阴</strong>建起了网格。</p>");
    expect(article.bodyHtml).not.toMatch(/<script|alert\('x'\)|onerror|onclick|javascript:|<img/i);
    expect(article.bodyText).toBe("平阴建起了网格。\n图片\n链接");
    const revision = parseSnapshot((await revisionsOf(articleId))[0].snapshot);
    expect(revision.bodyHtml).toBe(article.bodyHtml);
  });

  it("derives the summary from the body when it is left empty, and follows later body edits", async () => {
    const { articleId } = await createArticle(editor, articleInput({ summary: "", bodyHtml: "<p>第一段：平阴县用不到一天时间建起了网格。</p><p>第二段。</p>" }));
    expect((await stored(articleId)).summary).toBe("第一段：平阴县用不到一天时间建起了网格。");
    await saveForm(editor, articleId, { bodyHtml: "<p>改过的第一段。</p><p>第二段。</p>" });
    expect((await stored(articleId)).summary).toBe("改过的第一段。");
  });

  it("keeps a summary the editor typed", async () => {
    const { articleId } = await createArticle(editor, articleInput({ summary: "编辑写的摘要" }));
    await saveForm(editor, articleId, { bodyHtml: "<p>全新的正文。</p>" });
    expect((await stored(articleId)).summary).toBe("编辑写的摘要");
  });

  it("creates an Author for a byline typed without picking one, and links it", async () => {
    const name = uniqueLabel("冯经伟");
    const { articleId } = await createArticle(editor, articleInput({ bylines: [{ authorId: null, authorName: name, roleLabel: "本报记者" }] }));
    const authors = await prisma.author.findMany({ where: { name } });
    expect(authors).toHaveLength(1);
    expect(authors[0].defaultRoleLabel).toBe("本报记者");
    const article = await stored(articleId);
    expect(article.bylines.map((b) => [b.author.name, b.roleLabel])).toEqual([[name, "本报记者"]]);
    // Saving the form again reuses the author instead of creating a second one.
    const outcome = await saveForm(editor, articleId);
    expect(outcome.changed).toBe(false);
    expect(await prisma.author.count({ where: { name } })).toBe(1);
  });

  it("refuses a pick pointing at an unpublished article, at picks.0.title, writing nothing", async () => {
    const draft = await createStoredArticle({ status: "draft", publishedAt: null });
    const authorName = uniqueLabel("通讯员");
    const title = uniqueLabel("不会保存");
    const error = await createArticle(
      editor,
      articleInput({ title, bylines: [{ authorId: null, authorName, roleLabel: "通讯员" }], picks: [{ targetArticleId: draft.id, title: "", excerpt: "", url: "" }] }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({ "picks.0.title": "推荐的文章不存在或尚未发布" });
    expect(await prisma.article.count({ where: { title } })).toBe(0);
    expect(await prisma.author.count({ where: { name: authorName } })).toBe(0);
  });

  it("accepts a pick pointing at a published article and stores it in order", async () => {
    const target = await createStoredArticle({ status: "published" });
    const { articleId } = await createArticle(
      editor,
      articleInput({
        picks: [
          { targetArticleId: target.id, title: "", excerpt: "", url: "" },
          { targetArticleId: null, title: "平阴新闻", excerpt: "新鲜有料", url: "https://example.com/" },
        ],
      }),
    );
    const picks = (await stored(articleId)).relatedItems.sort((a, b) => a.position - b.position);
    expect(picks.map((p) => [p.targetArticleId, p.title])).toEqual([
      [target.id, target.title],
      [null, "平阴新闻"],
    ]);
  });

  it("turns bad input into field errors, never a half-written row", async () => {
    const { articleId } = await createArticle(editor, articleInput());
    const error = await saveForm(editor, articleId, { title: "", publishedAt: "2020-02-30 10:00" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors).sort()).toEqual(["publishedAt", "title"]);
    expect((await stored(articleId)).version).toBe(1);
  });

  it("refuses a channel that does not exist", async () => {
    const error = await createArticle(editor, articleInput({ channelId: 999_999 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({ channelId: "栏目不存在" });
  });
});

describe("workflow permissions", () => {
  it("a reporter cannot publish their own draft: refused, audited, nothing changed", async () => {
    const { articleId } = await createArticle(reporter, articleInput());
    const before = await stored(articleId);
    const error = await saveForm(reporter, articleId, { title: uniqueLabel("想发布") }, "publish").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForbiddenError);
    const after = await stored(articleId);
    expect(after).toMatchObject({ status: "draft", version: 1, title: before.title, publishedAt: null });
    expect(await revisionsOf(articleId)).toHaveLength(1);
    const denied = await prisma.auditEvent.findMany({ where: { action: "permission.denied", target: `article:${articleId}` } });
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ actorId: reporter.id, detail: "publish" });
  });

  it("a reporter cannot create an article straight into published", async () => {
    const title = uniqueLabel("记者直接发布");
    await expect(createArticle(reporter, articleInput({ title }), "publish")).rejects.toBeInstanceOf(ForbiddenError);
    expect(await prisma.article.count({ where: { title } })).toBe(0);
  });

  it("a reporter may save and submit their own draft", async () => {
    const { articleId } = await createArticle(reporter, articleInput());
    expect(await saveForm(reporter, articleId, { title: uniqueLabel("改") })).toMatchObject({ version: 2, status: "draft" });
    expect(await saveForm(reporter, articleId, {}, "submit")).toMatchObject({ version: 3, status: "review" });
    expect(await saveForm(reporter, articleId, { title: uniqueLabel("待审中再改") })).toMatchObject({ version: 4, status: "review" });
  });

  it("another reporter's article is invisible to a reporter: NotFoundError for reading and saving", async () => {
    const { articleId } = await createArticle(otherReporter, articleInput());
    await expect(getArticleForEdit(reporter, articleId)).rejects.toBeInstanceOf(NotFoundError);
    const form = await getArticleForEdit(otherReporter, articleId);
    await expect(saveArticle(reporter, { articleId, baseVersion: form.version, input: { ...form.input, title: "篡改" } })).rejects.toBeInstanceOf(NotFoundError);
    expect((await stored(articleId)).title).toBe(form.input.title);
  });

  it("a reporter cannot edit their own article once it is published", async () => {
    const { articleId } = await createArticle(reporter, articleInput());
    await saveForm(editor, articleId, {}, "publish");
    const form = await getArticleForEdit(reporter, articleId);
    expect(form.status).toBe("published");
    await expect(saveArticle(reporter, { articleId, baseVersion: form.version, input: { ...form.input, title: "发布后偷改" } })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await stored(articleId)).title).toBe(form.input.title);
  });

  it("an editor may edit a reporter's published article", async () => {
    const { articleId } = await createArticle(reporter, articleInput());
    await saveForm(editor, articleId, {}, "publish");
    const title = uniqueLabel("编辑改标题");
    expect(await saveForm(otherEditor, articleId, { title })).toMatchObject({ changed: true, status: "published" });
    expect((await stored(articleId)).title).toBe(title);
  });
});

describe("publishing, scheduling, unpublishing", () => {
  it("publishing with a future time schedules the article: 定时 in the newsroom list", async () => {
    const title = uniqueLabel("定时稿件");
    const { articleId } = await createArticle(editor, articleInput({ title }));
    const outcome = await saveForm(editor, articleId, { publishedAt: minutesFromNow(120) }, "publish");
    expect(outcome.status).toBe("published");
    const list = await listEditorArticles(editor, { q: title });
    expect(list.items.map((item) => [item.id, item.state.label])).toEqual([[articleId, "定时"]]);
    const scheduled = await listEditorArticles(editor, { status: "scheduled", q: title });
    expect(scheduled.items.map((item) => item.id)).toEqual([articleId]);
    expect(await auditActions(`article:${articleId}`)).toEqual(["article.schedule"]);
  });

  it("publishing now shows 已发布; unpublishing (撤稿) returns it to 草稿; both audited", async () => {
    const title = uniqueLabel("撤稿稿件");
    const { articleId } = await createArticle(editor, articleInput({ title }));
    expect((await saveForm(editor, articleId, {}, "publish")).status).toBe("published");
    const published = await stored(articleId);
    expect(published.publishedAt!.getTime()).toBeLessThanOrEqual(Date.now());
    expect((await listEditorArticles(editor, { q: title })).items[0].state.label).toBe("已发布");

    expect((await saveForm(editor, articleId, {}, "unpublish")).status).toBe("draft");
    expect((await stored(articleId)).status).toBe("draft");
    expect((await listEditorArticles(editor, { q: title })).items[0].state.label).toBe("草稿");
    expect(await auditActions(`article:${articleId}`)).toEqual(["article.publish", "article.unpublish"]);
  });

  it("records the client address with workflow audit events", async () => {
    const { articleId } = await createArticle(editor, articleInput());
    const form = await getArticleForEdit(editor, articleId);
    await saveArticle(editor, { articleId, baseVersion: form.version, input: form.input, intent: "publish" }, { clientAddress: "203.0.113.9" });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { target: `article:${articleId}`, action: "article.publish" } });
    expect(event).toMatchObject({ actorId: editor.id, clientAddress: "203.0.113.9" });
  });

  it("cannot unpublish a draft", async () => {
    const { articleId } = await createArticle(editor, articleInput());
    await expect(saveForm(editor, articleId, {}, "unpublish")).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("names the public pages to refresh when publishing, and none when editing a draft", async () => {
    const channel = await createChannel();
    const { articleId, publicTags: createdTags } = await createArticle(editor, articleInput({ channelId: channel.id }));
    expect(createdTags).toEqual([]);
    const draftEdit = await saveForm(editor, articleId, { title: uniqueLabel("草稿改") });
    expect(draftEdit.changed).toBe(true);
    expect(draftEdit.publicTags).toEqual([]);
    const publish = await saveForm(editor, articleId, {}, "publish");
    expect(publish.publicTags).toEqual(expect.arrayContaining([`article-${articleId}`, `channel-${channel.id}`, "front", "feed"]));
    const unpublish = await saveForm(editor, articleId, {}, "unpublish");
    expect(unpublish.publicTags).toContain(`article-${articleId}`);
  });
});
