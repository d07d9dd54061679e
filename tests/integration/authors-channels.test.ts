// Authors and channels through lib/authors/manage and lib/channels/manage, and the audit log's
// filters through lib/audit/list, against a real SQLite file: editors and admins only, merges lose
// nothing, old channel slugs keep redirecting, and only empty channels can be deleted.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { auditTargetHref, listAuditEvents, listAuditFilterOptions, parseAuditFilters } from "@/lib/audit/list";
import type { Viewer } from "@/lib/auth/viewer";
import { snapshotOf, withRelations } from "@/lib/articles/snapshot";
import { restoreRevision } from "@/lib/articles/revisions";
import { createAuthor, getAuthorDetail, listAuthors, listMergeCandidates, mergeAuthors, updateAuthor } from "@/lib/authors/manage";
import { createChannel, deleteChannel, getChannelForEdit, listChannelsForAdmin, moveChannel, updateChannel } from "@/lib/channels/manage";
import { getChannelBySlug, getChannelRedirect } from "@/lib/channels/public";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { createArticle, createAuthor as storeAuthor, createChannel as storeChannel, unique } from "./factories";
import { createUser, createViewer, uniqueLabel } from "./newsroom-factories";

const ADDRESS = { clientAddress: "203.0.113.9" };

let admin: Viewer;
let editor: Viewer;
let reporter: Viewer;

beforeAll(async () => {
  admin = await createViewer("admin", { displayName: "管理员乙" });
  editor = await createViewer("editor", { displayName: "编辑丙" });
  reporter = await createViewer("reporter", { displayName: "记者丁" });
});

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

async function expectFieldError(promise: Promise<unknown>, field: string, message: string | RegExp) {
  const error = await caught(promise);
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).fieldErrors[field]).toMatch(message);
}

async function lastEvent(actorId: number) {
  return prisma.auditEvent.findFirst({ where: { actorId }, orderBy: { id: "desc" } });
}

async function bylinesOf(articleId: number) {
  return prisma.byline.findMany({ where: { articleId }, orderBy: { position: "asc" }, select: { authorId: true, roleLabel: true, position: true } });
}

describe("authors", () => {
  it("creates an author with trimmed fields and records author.create", async () => {
    const name = uniqueLabel("冯经伟");
    const { author, publicTags } = await createAuthor(editor, { name: `  ${name} `, defaultRoleLabel: "通讯员", bio: " 平阴县融媒体中心 " }, ADDRESS);
    expect(author).toEqual({ id: expect.any(Number), name, defaultRoleLabel: "通讯员", bio: "平阴县融媒体中心", articleCount: 0, publishedCount: 0, userCount: 0 });
    expect(publicTags).toEqual([`author-${author.id}`]);
    expect(await lastEvent(editor.id)).toMatchObject({ action: "author.create", target: `author:${author.id}`, clientAddress: ADDRESS.clientAddress });
  });

  it("refuses bad input with Chinese messages next to the fields", async () => {
    await expectFieldError(createAuthor(editor, { name: "  ", defaultRoleLabel: "记者", bio: "" }), "name", "请填写姓名");
    await expectFieldError(createAuthor(editor, { name: "甲", defaultRoleLabel: "", bio: "" }), "defaultRoleLabel", "请填写默认署名身份");
    await expectFieldError(createAuthor(editor, { name: "甲".repeat(41), defaultRoleLabel: "记者", bio: "" }), "name", "姓名最多 40 个字");
  });

  it("lists authors with article counts (all and published) and linked users, searchable by name", async () => {
    const author = await storeAuthor("计数作者");
    await createArticle({ authorIds: [author.id] });
    await createArticle({ authorIds: [author.id], status: "draft", publishedAt: null });
    const user = await createUser("reporter");
    await prisma.user.update({ where: { id: user.id }, data: { authorId: author.id } });

    const { items, total } = await listAuthors(editor, { q: author.name });
    expect(total).toBe(1);
    expect(items[0]).toMatchObject({ id: author.id, articleCount: 2, publishedCount: 1, userCount: 1 });
    expect((await getAuthorDetail(editor, author.id)).users).toEqual([{ id: user.id, displayName: user.displayName, email: user.email }]);
  });

  it("updates name, role label and bio; a new name refreshes every published article crediting the author", async () => {
    const author = await storeAuthor("改名作者");
    const coAuthor = await storeAuthor("合写作者");
    const channel = await storeChannel();
    const published = await createArticle({ authorIds: [author.id, coAuthor.id], channelId: channel.id });
    const draft = await createArticle({ authorIds: [author.id], status: "draft", publishedAt: null });

    const bioOnly = await updateAuthor(editor, { authorId: author.id, name: author.name, defaultRoleLabel: "本报记者", bio: "新的简介" }, ADDRESS);
    expect(bioOnly.publicTags).toEqual([`author-${author.id}`]);

    const newName = uniqueLabel("新名字");
    const renamed = await updateAuthor(editor, { authorId: author.id, name: newName, defaultRoleLabel: "特约记者", bio: "新的简介" }, ADDRESS);
    expect(renamed).toMatchObject({ changed: true, author: { name: newName, defaultRoleLabel: "特约记者" } });
    expect(renamed.publicTags).toEqual(
      expect.arrayContaining([`author-${author.id}`, `author-${coAuthor.id}`, `article-${published.id}`, `channel-${channel.id}`, "front", "feed"]),
    );
    expect(renamed.publicTags).not.toContain(`article-${draft.id}`);
    const event = await lastEvent(editor.id);
    expect(event).toMatchObject({ action: "author.update", target: `author:${author.id}` });
    expect(event!.detail).toContain(`姓名 ${author.name} → ${newName}`);

    const again = await updateAuthor(editor, { authorId: author.id, name: newName, defaultRoleLabel: "特约记者", bio: "新的简介" });
    expect(again).toMatchObject({ changed: false, publicTags: [] });
    expect((await lastEvent(editor.id))!.id).toBe(event!.id);
  });

  it("answers not found for an unknown author", async () => {
    expect(await caught(updateAuthor(editor, { authorId: 999_999, name: "甲", defaultRoleLabel: "记者", bio: "" }))).toBeInstanceOf(NotFoundError);
    expect(await caught(getAuthorDetail(editor, 999_999))).toBeInstanceOf(NotFoundError);
  });

  it("is refused to reporters, with a permission.denied event and nothing written", async () => {
    const author = await storeAuthor();
    const before = await prisma.author.count();
    expect(await caught(createAuthor(reporter, { name: "越权作者", defaultRoleLabel: "记者", bio: "" }, ADDRESS))).toBeInstanceOf(ForbiddenError);
    expect(await prisma.author.count()).toBe(before);
    expect(await lastEvent(reporter.id)).toMatchObject({ action: "permission.denied", target: "author", detail: "author.create", clientAddress: ADDRESS.clientAddress });

    expect(await caught(updateAuthor(reporter, { authorId: author.id, name: "改名", defaultRoleLabel: "记者", bio: "" }))).toBeInstanceOf(ForbiddenError);
    expect((await prisma.author.findUniqueOrThrow({ where: { id: author.id } })).name).toBe(author.name);
    expect(await lastEvent(reporter.id)).toMatchObject({ action: "permission.denied", target: `author:${author.id}`, detail: "author.update" });

    const other = await storeAuthor();
    expect(await caught(mergeAuthors(reporter, { keepId: author.id, removeId: other.id }))).toBeInstanceOf(ForbiddenError);
    expect(await prisma.author.findUnique({ where: { id: other.id } })).not.toBeNull();
    expect(await lastEvent(reporter.id)).toMatchObject({ action: "permission.denied", target: `author:${author.id}`, detail: "author.merge" });
    expect(await caught(listAuthors(reporter))).toBeInstanceOf(ForbiddenError);
  });
});

describe("merging authors", () => {
  it("moves bylines, keeps one byline where both are credited, moves users and deletes the duplicate", async () => {
    const channel = await storeChannel();
    const keep = await prisma.author.create({ data: { name: "冯经伟", defaultRoleLabel: "本报记者", bio: "" } });
    const remove = await prisma.author.create({ data: { name: "冯经伟", defaultRoleLabel: "记者", bio: "导入时带来的简介" } });
    const other = await storeAuthor("通讯员");
    const onlyRemoved = await createArticle({ authorIds: [remove.id], channelId: channel.id });
    const keptFirst = await createArticle({ authorIds: [keep.id, remove.id, other.id] });
    const removedFirst = await createArticle({ authorIds: [remove.id, other.id, keep.id] });
    await prisma.byline.updateMany({ where: { articleId: removedFirst.id, authorId: remove.id }, data: { roleLabel: "摄影" } });
    const draft = await createArticle({ authorIds: [remove.id], status: "draft", publishedAt: null });
    const untouched = await createArticle({ authorIds: [keep.id] });
    const linked = await createUser("reporter");
    await prisma.user.update({ where: { id: linked.id }, data: { authorId: remove.id } });

    const result = await mergeAuthors(editor, { keepId: keep.id, removeId: remove.id }, ADDRESS);

    expect(result).toMatchObject({
      removed: { id: remove.id, name: "冯经伟" },
      movedArticles: 4,
      movedUsers: 1,
      kept: { id: keep.id, articleCount: 5, publishedCount: 4, userCount: 1 },
    });
    expect(await prisma.author.findUnique({ where: { id: remove.id } })).toBeNull();
    expect(await bylinesOf(onlyRemoved.id)).toEqual([{ authorId: keep.id, roleLabel: "本报记者", position: 0 }]);
    expect(await bylinesOf(keptFirst.id)).toEqual([
      { authorId: keep.id, roleLabel: "本报记者", position: 0 },
      { authorId: other.id, roleLabel: "本报记者", position: 1 },
    ]);
    // The earlier byline stays, with its role label; the later one goes and positions close up.
    expect(await bylinesOf(removedFirst.id)).toEqual([
      { authorId: keep.id, roleLabel: "摄影", position: 0 },
      { authorId: other.id, roleLabel: "本报记者", position: 1 },
    ]);
    expect(await bylinesOf(draft.id)).toEqual([{ authorId: keep.id, roleLabel: "本报记者", position: 0 }]);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: linked.id } })).authorId).toBe(keep.id);
    // An empty bio is filled from the duplicate rather than lost.
    expect((await prisma.author.findUniqueOrThrow({ where: { id: keep.id } })).bio).toBe("导入时带来的简介");

    expect(result.publicTags).toEqual(
      expect.arrayContaining([
        `author-${keep.id}`,
        `author-${remove.id}`,
        `article-${onlyRemoved.id}`,
        `article-${keptFirst.id}`,
        `article-${removedFirst.id}`,
        `channel-${channel.id}`,
        `author-${other.id}`,
        "front",
        "feed",
      ]),
    );
    expect(result.publicTags).not.toContain(`article-${draft.id}`);
    expect(result.publicTags).not.toContain(`article-${untouched.id}`);

    const event = await lastEvent(editor.id);
    expect(event).toMatchObject({ action: "author.merge", target: `author:${keep.id}`, clientAddress: ADDRESS.clientAddress });
    expect(event!.detail).toContain(`#${remove.id}`);
  });

  it("rewrites revision snapshots so an old version can still be restored", async () => {
    const keep = await storeAuthor("保留");
    const remove = await storeAuthor("并入");
    const article = await createArticle({ authorIds: [remove.id, keep.id] });
    const stored = await prisma.article.findUniqueOrThrow({ where: { id: article.id }, include: withRelations });
    const snapshot = { ...snapshotOf(stored), title: "合并前的旧标题" };
    await prisma.revision.create({ data: { articleId: article.id, number: 1, snapshot: JSON.stringify(snapshot), authorId: editor.id } });

    await mergeAuthors(editor, { keepId: keep.id, removeId: remove.id });

    const revision = await prisma.revision.findFirstOrThrow({ where: { articleId: article.id, number: 1 } });
    expect(JSON.parse(revision.snapshot).bylines).toEqual([{ authorId: keep.id, roleLabel: "本报记者" }]);
    const restored = await restoreRevision(editor, { articleId: article.id, number: 1, baseVersion: 1 });
    expect(restored.changed).toBe(true);
    expect((await prisma.article.findUniqueOrThrow({ where: { id: article.id } })).title).toBe("合并前的旧标题");
    expect(await bylinesOf(article.id)).toEqual([{ authorId: keep.id, roleLabel: "本报记者", position: 0 }]);
  });

  it("refuses merging an author into itself or with one that no longer exists", async () => {
    const author = await storeAuthor();
    await expectFieldError(mergeAuthors(editor, { keepId: author.id, removeId: author.id }), "removeId", "不能把作者并入自己");
    await expectFieldError(mergeAuthors(editor, { keepId: author.id, removeId: 999_999 }), "removeId", /不存在/);
    expect(await caught(mergeAuthors(editor, { keepId: 999_999, removeId: author.id }))).toBeInstanceOf(NotFoundError);
    expect(await prisma.author.findUnique({ where: { id: author.id } })).not.toBeNull();
  });

  it("offers same-name authors first as merge candidates", async () => {
    const name = uniqueLabel("同名");
    const first = await prisma.author.create({ data: { name } });
    const second = await prisma.author.create({ data: { name } });
    const candidates = await listMergeCandidates(editor, first.id);
    expect(candidates[0]).toMatchObject({ id: second.id, sameName: true });
    expect(candidates.map((candidate) => candidate.id)).not.toContain(first.id);
  });
});

describe("channels", () => {
  it("creates a channel at the end of the order and records channel.create", async () => {
    const { channel, publicTags } = await createChannel(admin, { name: "平阴新闻", slug: "PingYin", tagline: "平阴新闻,新鲜有料。" }, ADDRESS);
    expect(channel).toMatchObject({ name: "平阴新闻", slug: "pingyin", tagline: "平阴新闻,新鲜有料。", articleCount: 0, oldSlugs: [] });
    expect(publicTags).toEqual(expect.arrayContaining(["channels", `channel-${channel.id}`, "front"]));
    expect(await lastEvent(admin.id)).toMatchObject({ action: "channel.create", target: `channel:${channel.id}`, clientAddress: ADDRESS.clientAddress });
    expect((await listChannelsForAdmin(admin)).at(-1)!.id).toBe(channel.id);
  });

  it("makes a free slug from the name when none is given", async () => {
    const first = await createChannel(editor, { name: "章丘频道", slug: "", tagline: "" });
    const second = await createChannel(editor, { name: "章丘新闻", slug: "", tagline: "" });
    expect([first.channel.slug, second.channel.slug]).toEqual(["zhangqiu", "zhangqiu-2"]);
  });

  it("refuses bad slugs, slugs in use and duplicate names", async () => {
    const taken = await storeChannel();
    await expectFieldError(createChannel(editor, { name: "历城新闻", slug: "历城", tagline: "" }), "slug", /只能用小写英文字母/);
    await expectFieldError(createChannel(editor, { name: "历城新闻", slug: "-licheng", tagline: "" }), "slug", /只能用小写英文字母/);
    await expectFieldError(createChannel(editor, { name: "历城新闻", slug: taken.slug, tagline: "" }), "slug", `该地址已被栏目「${taken.name}」使用`);
    await expectFieldError(createChannel(editor, { name: taken.name, slug: "licheng", tagline: "" }), "name", "已有同名栏目");
    await expectFieldError(createChannel(editor, { name: "", slug: "licheng", tagline: "" }), "name", "请填写栏目名称");
    expect(await prisma.channel.findUnique({ where: { slug: "licheng" } })).toBeNull();
  });

  it("renames and moves a channel; the old slug redirects and no other channel may take it", async () => {
    const channel = await storeChannel("长清");
    const author = await storeAuthor();
    await createArticle({ channelId: channel.id, authorIds: [author.id] });
    const oldSlug = channel.slug;
    const newSlug = unique("changqing").toLowerCase();

    const result = await updateChannel(editor, { channelId: channel.id, name: "长清新闻", slug: newSlug, tagline: "新的标语" }, ADDRESS);
    expect(result.channel).toMatchObject({ name: "长清新闻", slug: newSlug, tagline: "新的标语", oldSlugs: [oldSlug] });
    expect(result.publicTags).toEqual(expect.arrayContaining(["channels", `channel-${channel.id}`, "front", "feed", `author-${author.id}`]));
    expect(await getChannelBySlug(oldSlug)).toBeNull();
    expect(await getChannelRedirect(oldSlug)).toEqual({ slug: newSlug });
    expect(await getChannelRedirect(newSlug)).toBeNull();
    const event = await lastEvent(editor.id);
    expect(event).toMatchObject({ action: "channel.update", target: `channel:${channel.id}` });
    expect(event!.detail).toContain(`地址 ${oldSlug} → ${newSlug}`);

    await expectFieldError(createChannel(editor, { name: "别的栏目", slug: oldSlug, tagline: "" }), "slug", /旧地址/);
    const other = await storeChannel();
    await expectFieldError(updateChannel(editor, { channelId: other.id, name: other.name, slug: oldSlug, tagline: "" }), "slug", /旧地址/);

    // Taking back its own old slug: the redirect ends, and the slug it leaves starts redirecting.
    const back = await updateChannel(editor, { channelId: channel.id, name: "长清新闻", slug: oldSlug, tagline: "新的标语" });
    expect(back.channel.slug).toBe(oldSlug);
    expect(await getChannelRedirect(oldSlug)).toBeNull();
    expect(await getChannelRedirect(newSlug)).toEqual({ slug: oldSlug });
  });

  it("an old slug of an old slug follows the channel to its current slug", async () => {
    const channel = await storeChannel();
    const [second, third] = [unique("second").toLowerCase(), unique("third").toLowerCase()];
    await updateChannel(editor, { channelId: channel.id, name: channel.name, slug: second, tagline: channel.tagline });
    await updateChannel(editor, { channelId: channel.id, name: channel.name, slug: third, tagline: channel.tagline });
    expect(await getChannelRedirect(channel.slug)).toEqual({ slug: third });
    expect(await getChannelRedirect(second)).toEqual({ slug: third });
  });

  it("a tagline-only change does not refresh author pages, and no change records nothing", async () => {
    const channel = await storeChannel();
    const result = await updateChannel(editor, { channelId: channel.id, name: channel.name, slug: channel.slug, tagline: "只改标语" });
    expect(result.publicTags).toEqual(["channels", `channel-${channel.id}`, "front", "feed", "sitemap"]);
    const event = await lastEvent(editor.id);
    const again = await updateChannel(editor, { channelId: channel.id, name: channel.name, slug: channel.slug, tagline: "只改标语" });
    expect(again).toMatchObject({ changed: false, publicTags: [] });
    expect((await lastEvent(editor.id))!.id).toBe(event!.id);
  });

  it("moves channels up and down, renumbering the order", async () => {
    await prisma.channel.updateMany({ data: { position: 5 } }); // equal positions, as an import might leave them
    const order = async () => (await listChannelsForAdmin(editor)).map((channel) => channel.id);
    const ids = await order();
    const last = ids.at(-1)!;

    const up = await moveChannel(editor, { channelId: last, direction: "up" }, ADDRESS);
    expect(up).toMatchObject({ changed: true, publicTags: expect.arrayContaining(["channels", "front"]) });
    expect(await order()).toEqual([...ids.slice(0, -2), last, ids.at(-2)]);
    expect((await listChannelsForAdmin(editor)).map((channel) => channel.position)).toEqual(ids.map((_, index) => index));
    expect(await lastEvent(editor.id)).toMatchObject({ action: "channel.reorder", target: `channel:${last}` });

    expect(await moveChannel(editor, { channelId: ids[0], direction: "up" })).toEqual({ changed: false, publicTags: [] });
    await moveChannel(editor, { channelId: last, direction: "down" });
    expect(await order()).toEqual(ids);
    expect(await caught(moveChannel(editor, { channelId: 999_999, direction: "down" }))).toBeInstanceOf(NotFoundError);
  });

  it("deletes only an empty channel, with a clear message otherwise", async () => {
    const busy = await storeChannel();
    await createArticle({ channelId: busy.id, status: "draft", publishedAt: null });
    const error = await caught(deleteChannel(editor, { channelId: busy.id }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toBe(`栏目「${busy.name}」下还有 1 篇文章（含草稿和已归档），不能删除。请先把这些文章移到其他栏目。`);
    expect(await prisma.channel.findUnique({ where: { id: busy.id } })).not.toBeNull();

    const empty = await storeChannel();
    const renamedSlug = unique("gone").toLowerCase();
    await updateChannel(editor, { channelId: empty.id, name: empty.name, slug: renamedSlug, tagline: "" });
    const result = await deleteChannel(editor, { channelId: empty.id }, ADDRESS);
    expect(result).toMatchObject({ name: empty.name, publicTags: expect.arrayContaining(["channels", `channel-${empty.id}`, "front"]) });
    expect(await prisma.channel.findUnique({ where: { id: empty.id } })).toBeNull();
    // Its old slugs go with it and are free again.
    expect(await getChannelRedirect(empty.slug)).toBeNull();
    expect(await lastEvent(editor.id)).toMatchObject({ action: "channel.delete", target: `channel:${empty.id}` });
    expect(await caught(getChannelForEdit(editor, empty.id))).toBeInstanceOf(NotFoundError);
  });

  it("is refused to reporters, with permission.denied events and nothing changed", async () => {
    const channel = await storeChannel();
    const attempts: [string, () => Promise<unknown>][] = [
      ["channel.create", () => createChannel(reporter, { name: "越权栏目", slug: "yuequan", tagline: "" }, ADDRESS)],
      ["channel.update", () => updateChannel(reporter, { channelId: channel.id, name: "越权改名", slug: channel.slug, tagline: "" }, ADDRESS)],
      ["channel.reorder", () => moveChannel(reporter, { channelId: channel.id, direction: "up" }, ADDRESS)],
      ["channel.delete", () => deleteChannel(reporter, { channelId: channel.id }, ADDRESS)],
    ];
    for (const [action, attempt] of attempts) {
      expect(await caught(attempt()), action).toBeInstanceOf(ForbiddenError);
      const event = await lastEvent(reporter.id);
      expect(event, action).toMatchObject({ action: "permission.denied", detail: action, clientAddress: ADDRESS.clientAddress });
      expect(event!.target, action).toBe(action === "channel.create" ? "channel" : `channel:${channel.id}`);
    }
    expect(await prisma.channel.findUniqueOrThrow({ where: { id: channel.id } })).toMatchObject({ name: channel.name, position: channel.position });
    expect(await prisma.channel.findUnique({ where: { slug: "yuequan" } })).toBeNull();
    expect(await caught(listChannelsForAdmin(reporter))).toBeInstanceOf(ForbiddenError);
  });
});

describe("audit log filters", () => {
  it("reads filters from the query string and explains bad ones", () => {
    expect(parseAuditFilters({ actor: "7", action: "channel.update", target: " channel:3 ", from: "2026-01-01", to: "2026-01-31", page: "2" })).toEqual({
      filters: { actor: 7, action: "channel.update", target: "channel:3", from: "2026-01-01", to: "2026-01-31" },
      errors: {},
    });
    expect(parseAuditFilters({ actor: "", action: "", target: "", from: "", to: "" })).toEqual({ filters: {}, errors: {} });
    expect(parseAuditFilters({ actor: "none" }).filters).toEqual({ actor: "none" });
    expect(parseAuditFilters({ actor: "abc", from: "2026-02-30", to: "yesterday" }).errors).toEqual({
      actor: "请重新选择操作者",
      from: "日期格式应为 2020-03-02",
      to: "日期格式应为 2020-03-02",
    });
    expect(parseAuditFilters({ from: "2026-02-02", to: "2026-02-01" })).toEqual({ filters: { from: "2026-02-02" }, errors: { to: "截止日期不能早于起始日期" } });
  });

  it("links each target to its newsroom page", () => {
    expect(auditTargetHref("article:12")).toBe("/editor/articles/12");
    expect(auditTargetHref("user:3")).toBe("/editor/users");
    expect(auditTargetHref("channel:4")).toBe("/editor/channels/4");
    expect(auditTargetHref("author:5")).toBe("/editor/authors/5");
    expect(auditTargetHref("settings")).toBe("/editor/settings");
    expect(auditTargetHref("audit")).toBeNull();
    expect(auditTargetHref("article:abc")).toBeNull();
  });

  it("narrows by actor, action, target and Asia/Shanghai dates", async () => {
    const marker = uniqueLabel("filter").toLowerCase();
    const other = await createViewer("editor");
    // 2031-01-01 23:59 and 2031-01-02 00:00 in Shanghai.
    const lateOnFirst = new Date("2031-01-01T15:59:00Z");
    const startOfSecond = new Date("2031-01-01T16:00:00Z");
    await prisma.auditEvent.createMany({
      data: [
        { at: lateOnFirst, actorId: editor.id, action: "channel.update", target: `${marker}:1` },
        { at: startOfSecond, actorId: other.id, action: "channel.update", target: `${marker}:2` },
        { at: startOfSecond, actorId: other.id, action: "channel.delete", target: `${marker}:3` },
        { at: startOfSecond, actorId: null, action: "auth.sign-in-failed", target: `${marker}:4` },
      ],
    });
    const targets = async (filters: Parameters<typeof listAuditEvents>[1]) => (await listAuditEvents(admin, filters)).items.map((item) => item.target).sort();
    const byMarker = { target: marker };

    expect(await targets({ filters: byMarker })).toEqual([1, 2, 3, 4].map((n) => `${marker}:${n}`));
    expect(await targets({ filters: { ...byMarker, action: "channel.update" } })).toEqual([`${marker}:1`, `${marker}:2`]);
    expect(await targets({ filters: { ...byMarker, actor: other.id } })).toEqual([`${marker}:2`, `${marker}:3`]);
    expect(await targets({ filters: { ...byMarker, actor: "none" } })).toEqual([`${marker}:4`]);
    expect(await targets({ filters: { target: `${marker}:3` } })).toEqual([`${marker}:3`]);
    expect(await targets({ filters: { ...byMarker, from: "2031-01-02" } })).toEqual([2, 3, 4].map((n) => `${marker}:${n}`));
    expect(await targets({ filters: { ...byMarker, to: "2031-01-01" } })).toEqual([`${marker}:1`]);
    expect(await targets({ filters: { ...byMarker, from: "2031-01-01", to: "2031-01-01", actor: editor.id } })).toEqual([`${marker}:1`]);
    const page = await listAuditEvents(admin, { filters: { ...byMarker, action: "channel.update" } });
    expect(page).toMatchObject({ total: 2, pageCount: 1 });
    expect(page.items[0]).toMatchObject({ actionLabel: "修改栏目", targetHref: null });
  });

  it("offers every user and every labelled or recorded action as filter choices", async () => {
    await prisma.auditEvent.create({ data: { action: "some.unlabelled-action", target: "x" } });
    const options = await listAuditFilterOptions(admin);
    expect(options.actors.map((actor) => actor.id)).toEqual(expect.arrayContaining([admin.id, editor.id, reporter.id]));
    expect(options.actions).toEqual(
      expect.arrayContaining([
        { action: "author.merge", label: "合并作者" },
        { action: "some.unlabelled-action", label: "some.unlabelled-action" },
      ]),
    );
    expect(await caught(listAuditFilterOptions(editor))).toBeInstanceOf(ForbiddenError);
  });

  it("records author and channel changes with their actor for the filtered view", async () => {
    const { channel } = await createChannel(editor, { name: uniqueLabel("审计栏目"), slug: "", tagline: "" }, ADDRESS);
    const { items } = await listAuditEvents(admin, { filters: { target: `channel:${channel.id}`, action: "channel.create", actor: editor.id } });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ actor: "编辑丙", actionLabel: "新建栏目", targetHref: `/editor/channels/${channel.id}`, clientAddress: ADDRESS.clientAddress });
  });
});
