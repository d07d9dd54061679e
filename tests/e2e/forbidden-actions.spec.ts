// Forbidden journeys through the back door: every newsroom server action called directly, as an
// attacker would (an action id and a POST are enough), by each role that may not, with a forged
// session cookie and signed out. A refused call leaves the watched rows exactly as they were; the
// same call by a role that may succeeds and changes them, so no refusal is an artefact of a
// malformed call. One test reads the build's list of actions: a new one without cases here fails.
// The attempts themselves: forbidden-attempts.ts.
import { expect, test } from "@playwright/test";
import type { E2ERole } from "./environment";
import {
  changeDefaultSource,
  changeRole,
  changeUploadLimit,
  createActionWorld,
  createAuthor,
  createChannel,
  createNew,
  createUser,
  creditPhoto,
  deleteChannel,
  deletePhoto,
  disable,
  hijackMediaSettings,
  hijackSettings,
  mergeAuthors,
  moveChannel,
  NEW_USER,
  newUserEmail,
  resetPassword,
  restore,
  save,
  seeded,
  SITE_KEYS,
  spareUser,
  updateAuthor,
  updateChannel,
  updatePhoto,
  type ActionWorld,
  type Attempt,
} from "./forbidden-attempts";
import { articleRow, callerContext, REFUSAL_MESSAGES, userId, userRow, type Caller, type Refusal, type World } from "./forbidden-world";
import {
  articleInput,
  callAction,
  listNewsroomActions,
  queryDatabase,
  SAVE_INTENTS,
  saveArticleOrThrow,
  type ActionName,
  type ActionOutcome,
  type SaveIntent,
} from "./server-actions";
import { withSiteSettingsLock } from "./support";

// ---------------------------------------------------------------------------------------------
// The cases.

const reporterDraft = (world: World) => world.reporterDraft;
const reporterPublished = (world: World) => world.reporterPublished;
const reporter2Draft = (world: World) => world.reporter2Draft;
const editorPublished = (world: World) => world.editorPublished;
const spareArticle = (intent: SaveIntent | "restore") => (world: ActionWorld) => world.spare.articles[intent];
const editorPhoto = (world: ActionWorld) => world.editorPhoto;
const reporterPhoto = (world: ActionWorld) => world.reporterPhoto;

/** Every newsroom action by someone with no valid session: a forged cookie reaches the action, no cookie meets the proxy. */
function withoutSession(caller: "forged-session" | "signed-out"): [Caller, string, Attempt, Refusal][] {
  const refusal: Refusal = caller === "forged-session" ? "signed-out" : "sign-in redirect";
  const cases: [string, Attempt][] = [
    ["reporter2's draft", save(reporter2Draft, "save")],
    ["reporter's draft", save(reporterDraft, "submit")],
    ["reporter's draft", save(reporterDraft, "publish")],
    ["editor's published article", save(editorPublished, "unpublish")],
    ["editor's published article", save(editorPublished, "archive")],
    ...SAVE_INTENTS.map((intent): [string, Attempt] => ["a new article", createNew(intent)]),
    ["reporter2's draft", restore(reporter2Draft)],
    ["authors", createAuthor("越权")],
    ["an author", updateAuthor((world) => world.author)],
    [
      "two authors",
      mergeAuthors(
        (world) => world.author,
        (world) => world.otherAuthor,
      ),
    ],
    ["channels", createChannel("越权", "denied")],
    ["a channel", updateChannel((world) => world.channel)],
    ["a channel", moveChannel((world) => world.otherChannel)],
    ["a channel", deleteChannel((world) => world.channel)],
    ["users", createUser(caller)],
    ["users", changeRole(seeded("reporter"), "admin")],
    ["users", resetPassword(seeded("admin"))],
    ["users", disable(seeded("admin"))],
    ["site settings", hijackSettings],
    ["editor's photo", updatePhoto(editorPhoto, "越权")],
    ["editor's photo", creditPhoto(editorPhoto, "越权署名")],
    ["reporter's photo", deletePhoto(reporterPhoto)],
    ["media settings", hijackMediaSettings],
  ];
  return cases.map(([target, attempt]) => [caller, target, attempt, refusal]);
}

const ACTION_CASES: [Caller, string, Attempt, Refusal][] = [
  ["reporter", "reporter2's draft", save(reporter2Draft, "save"), "not-found"],
  ["reporter", "reporter2's draft", save(reporter2Draft, "submit"), "not-found"],
  ["reporter", "reporter2's draft", restore(reporter2Draft), "not-found"],
  ["reporter", "editor's published article", save(editorPublished, "save"), "not-found"],
  ["reporter", "editor's published article", save(editorPublished, "unpublish"), "not-found"],
  ["reporter", "editor's published article", save(editorPublished, "archive"), "not-found"],
  ["reporter", "own published article", save(reporterPublished, "save"), "forbidden"],
  ["reporter", "own published article", save(reporterPublished, "unpublish"), "forbidden"],
  ["reporter", "own published article", save(reporterPublished, "archive"), "forbidden"],
  ["reporter", "own published article", restore(reporterPublished), "not-found"],
  ["reporter", "own draft", save(reporterDraft, "publish"), "forbidden"],
  ["reporter", "own draft", save(reporterDraft, "unpublish"), "forbidden"],
  ["reporter", "own draft", save(reporterDraft, "archive"), "forbidden"],
  ["reporter", "a new article", createNew("publish"), "forbidden"],
  ["reporter", "a new article", createNew("unpublish"), "forbidden"],
  ["reporter", "a new article", createNew("archive"), "forbidden"],
  // Nobody may unpublish what was never published.
  ["editor", "a new article", createNew("unpublish"), "forbidden"],
  ["reporter", "authors", createAuthor("越权"), "forbidden"],
  ["reporter", "an author", updateAuthor((world) => world.author), "forbidden"],
  [
    "reporter",
    "two authors",
    mergeAuthors(
      (world) => world.author,
      (world) => world.otherAuthor,
    ),
    "forbidden",
  ],
  ["reporter", "channels", createChannel("越权", "denied"), "forbidden"],
  ["reporter", "a channel", updateChannel((world) => world.channel), "forbidden"],
  ["reporter", "a channel", moveChannel((world) => world.otherChannel), "forbidden"],
  ["reporter", "a channel", deleteChannel((world) => world.channel), "forbidden"],
  ["reporter", "users", createUser("reporter"), "forbidden"],
  ["reporter", "users", changeRole(seeded("reporter"), "admin"), "forbidden"],
  ["reporter", "users", resetPassword(seeded("admin")), "forbidden"],
  ["reporter", "users", disable(seeded("admin")), "forbidden"],
  ["reporter", "site settings", hijackSettings, "forbidden"],
  ["editor", "users", createUser("editor"), "forbidden"],
  ["editor", "users", changeRole(seeded("editor"), "admin"), "forbidden"],
  ["editor", "users", changeRole(seeded("reporter"), "editor"), "forbidden"],
  ["editor", "users", resetPassword(seeded("admin")), "forbidden"],
  ["editor", "users", disable(seeded("reporter")), "forbidden"],
  ["editor", "site settings", hijackSettings, "forbidden"],
  // Everyone sees every photo; a reporter changes only their own, and nobody but editors and admins deletes.
  ["reporter", "editor's photo", updatePhoto(editorPhoto, "越权"), "photo-forbidden"],
  ["reporter", "editor's photo", creditPhoto(editorPhoto, "越权署名"), "photo-forbidden"],
  ["reporter", "editor's photo", deletePhoto(editorPhoto), "photo-delete-forbidden"],
  ["reporter", "own photo", deletePhoto(reporterPhoto), "photo-delete-forbidden"],
  ["reporter", "media settings", hijackMediaSettings, "forbidden"],
  ["editor", "media settings", hijackMediaSettings, "forbidden"],
  ...withoutSession("forged-session"),
  ...withoutSession("signed-out"),
];

function swappedWithPrevious(order: number[], id: number): number[] {
  const swapped = [...order];
  const at = swapped.indexOf(id);
  [swapped[at - 1], swapped[at]] = [swapped[at], swapped[at - 1]];
  return swapped;
}

/** Positive controls: the same kind of call by a role that may, on this run's spare rows; the last item is what the watched rows then hold. */
const ALLOWED_CASES: [Caller, string, Attempt, (world: ActionWorld, before: unknown) => unknown][] = [
  ["reporter", "own draft", save(spareArticle("save"), "save"), (world) => ({ title: `${world.spare.articles.save.title}（改写）`, status: "draft" })],
  ["reporter", "own draft", save(spareArticle("submit"), "submit"), () => ({ status: "review" })],
  ["editor", "reporter's article in review", save(spareArticle("publish"), "publish"), () => ({ status: "published", updatedById: userId("editor") })],
  ["editor", "a published article", save(spareArticle("unpublish"), "unpublish"), () => ({ status: "draft" })],
  ["editor", "a published article", save(spareArticle("archive"), "archive"), () => ({ status: "archived" })],
  ["reporter", "a new article", createNew("save", "对照"), () => [{ status: "draft" }]],
  ["reporter", "a new article", createNew("submit", "对照"), () => [{ status: "review" }]],
  ["editor", "a new article", createNew("publish", "对照"), () => [{ status: "published" }]],
  ["editor", "a new article", createNew("archive", "对照"), () => [{ status: "archived" }]],
  ["editor", "reporter2's draft", restore(spareArticle("restore")), (world) => ({ bodyHtml: `<p>${world.spare.articles.restore.title}的正文。</p>`, revisions: 3 })],
  ["editor", "authors", createAuthor("对照"), () => [{ id: expect.any(Number) }]],
  ["editor", "an author", updateAuthor((world) => world.spare.author), (world) => ({ name: `${world.spare.author.name}改名`, bio: "改写的简介" })],
  [
    "editor",
    "two authors",
    mergeAuthors(
      (world) => world.spare.keptAuthor,
      (world) => world.spare.mergedAuthor,
    ),
    () => [{ bylines: 0 }, null],
  ],
  ["editor", "channels", createChannel("对照", "control"), () => [{ id: expect.any(Number) }]],
  ["editor", "a channel", updateChannel((world) => world.spare.channel), (world) => ({ name: `${world.spare.channel.name}改名`, oldSlugs: 1 })],
  ["editor", "a channel", moveChannel((world) => world.spare.movedChannel), (world, before) => swappedWithPrevious(before as number[], world.spare.movedChannel.id)],
  ["editor", "a channel", deleteChannel((world) => world.spare.deletedChannel), () => null],
  ["admin", "users", createUser("admin-control"), () => ({ role: "admin", disabled: 0 })],
  ["admin", "a user of this run", changeRole(spareUser, "editor"), () => ({ role: "editor" })],
  ["admin", "a user of this run", resetPassword(spareUser), () => ({ disabled: 0 })],
  ["admin", "a user of this run", disable(spareUser), () => ({ disabled: 1 })],
  ["admin", "site settings", changeDefaultSource, (world) => expect.arrayContaining([{ key: SITE_KEYS.defaultSource, value: `${world.tag}对照来源` }])],
  ["reporter", "own photo", updatePhoto((world) => world.spare.photo, "对照"), () => ({ caption: "对照图说", creditText: "对照摄影", focalX: 0.1 })],
  ["editor", "reporter's photo", creditPhoto((world) => world.spare.creditedPhoto, "对照署名"), () => ({ creditText: "对照署名", caption: "" })],
  ["editor", "reporter's photo", deletePhoto((world) => world.spare.deletedPhoto), () => null],
  ["admin", "media settings", changeUploadLimit, () => [{ value: "199" }]],
];

/** Read-only look-ups: refused, they answer nothing; allowed, they find something. */
const LOOKUPS = ["searchAuthorsAction", "searchPublishedArticlesAction", "listPickerPhotosAction"] as const satisfies readonly ActionName[];

const presenceRows = (articleId: number, who: E2ERole) => queryDatabase(`SELECT lastSeenAt FROM ArticlePresence WHERE articleId = ? AND userId = ?`, articleId, userId(who));
const exclusive = <T>(attempt: Attempt, work: () => Promise<T>) => (attempt.siteWide ? withSiteSettingsLock(work) : work());

test.describe("server actions called directly", () => {
  let world: ActionWorld;
  test.beforeAll(async ({ browser }) => {
    world = await createActionWorld(browser);
  });

  for (const [caller, target, attempt, refusal] of ACTION_CASES) {
    test(`${caller}: ${attempt.label} on ${target} → ${refusal}, nothing changes`, async ({ browser }) => {
      const context = await callerContext(browser, caller);
      await exclusive(attempt, async () => {
        const before = attempt.watch(world);
        const call = await callAction(context.request, attempt.action, attempt.args(world), { pathId: attempt.pathId?.(world) });
        expect(call.status).toBeLessThan(500);
        if (refusal === "sign-in redirect") {
          expect(call.status).toBe(307);
          expect(call.location).toMatch(/^\/login\?callbackUrl=%2Feditor/);
        } else {
          expect(call.result, call.body.slice(0, 300)).toMatchObject({ ok: false, message: REFUSAL_MESSAGES[refusal] });
        }
        expect(attempt.watch(world)).toEqual(before);
      });
      await context.close();
    });
  }

  for (const [caller, target, attempt, after] of ALLOWED_CASES) {
    test(`positive control: ${caller}: ${attempt.label} on ${target} succeeds and changes the database`, async ({ browser }) => {
      const context = await callerContext(browser, caller);
      await exclusive(attempt, async () => {
        const previousSettings = attempt.siteWide?.stored();
        try {
          const before = attempt.watch(world);
          const call = await callAction(context.request, attempt.action, attempt.args(world), { pathId: attempt.pathId?.(world) });
          expect(call.result, call.body.slice(0, 300)).toMatchObject({ ok: true });
          const changed = attempt.watch(world);
          expect(changed).not.toEqual(before);
          const expected = after(world, before);
          // Rows are compared by the fields named; null (a deleted row) and matchers as they are.
          if (expected !== null && typeof expected === "object" && !("asymmetricMatch" in expected)) expect(changed).toMatchObject(expected as Record<string, unknown>);
          else expect(changed).toEqual(expected);
        } finally {
          if (attempt.siteWide) expect((await callAction(context.request, attempt.siteWide.restore, [previousSettings])).result).toMatchObject({ ok: true });
        }
      });
      await context.close();
    });
  }

  test("every newsroom server action in the build is attacked here, each with a positive control", () => {
    const actions = listNewsroomActions();
    const named = (cases: [Caller, string, Attempt, unknown][], caller?: Caller) =>
      [...new Set([...cases.filter(([who]) => !caller || who === caller).map(([, , attempt]) => attempt.action), ...LOOKUPS])].sort();
    expect(named(ACTION_CASES), "attacked").toEqual(actions);
    expect(named(ACTION_CASES, "forged-session"), "with a forged session").toEqual(actions);
    expect(named(ACTION_CASES, "signed-out"), "signed out").toEqual(actions);
    expect(named(ALLOWED_CASES), "with a positive control").toEqual(actions);
    // saveArticleAction: every intent, on an existing article and creating one.
    const intents = (cases: [Caller, string, Attempt, unknown][], creates: boolean) =>
      [...new Set(cases.flatMap(([, , attempt]) => (attempt.save?.creates === creates ? [attempt.save.intent] : [])))].sort();
    for (const creates of [false, true]) expect(intents(ACTION_CASES, creates), creates ? "refused creations" : "refused saves").toEqual([...SAVE_INTENTS].sort());
    expect(intents(ALLOWED_CASES, false), "allowed saves").toEqual([...SAVE_INTENTS].sort());
    // No role may create an article straight into "unpublished": that refusal has no positive control.
    expect(intents(ALLOWED_CASES, true), "allowed creations").toEqual(SAVE_INTENTS.filter((intent) => intent !== "unpublish").sort());
  });

  test("a refused publish is recorded in the audit log as permission.denied", async ({ browser }) => {
    const context = await callerContext(browser, "reporter");
    const { id } = world.reporterDraft;
    const denials = () => queryDatabase(`SELECT id FROM AuditEvent WHERE action = 'permission.denied' AND target = ? AND actorId = ?`, `article:${id}`, userId("reporter")).length;
    const before = denials();
    await callAction(context.request, "saveArticleAction", save(reporterDraft, "publish").args(world));
    expect(denials()).toBe(before + 1);
    await context.close();
  });

  test("presence heartbeats: someone else's article is not found, signed out is 401, and no row is written", async ({ browser }) => {
    const reporter = await callerContext(browser, "reporter");
    const before = presenceRows(world.reporter2Draft.id, "reporter");
    const denied = await reporter.request.post("/api/presence", { data: { articleId: world.reporter2Draft.id } });
    expect(denied.status()).toBe(404);
    expect(presenceRows(world.reporter2Draft.id, "reporter")).toEqual(before);
    const own = await reporter.request.post("/api/presence", { data: { articleId: world.reporterDraft.id } });
    expect(own.status()).toBe(200);
    expect(presenceRows(world.reporterDraft.id, "reporter")).toHaveLength(1);
    const visitor = await callerContext(browser, "signed-out");
    expect((await visitor.request.post("/api/presence", { data: { articleId: world.reporterDraft.id } })).status()).toBe(401);
    await Promise.all([reporter.close(), visitor.close()]);
  });

  test("author, article and photo look-ups answer nothing without a valid session", async ({ browser }) => {
    const forged = await callerContext(browser, "forged-session");
    const visitor = await callerContext(browser, "signed-out");
    const reporter = await callerContext(browser, "reporter");
    const queries: Record<(typeof LOOKUPS)[number], unknown> = {
      searchAuthorsAction: "端到端",
      searchPublishedArticlesAction: world.editorPublished.title,
      listPickerPhotosAction: { q: world.tag },
    };
    // The photo picker answers one page of the library (or null); the others a list.
    const found = (result: unknown) => (Array.isArray(result) ? result : ((result as { items: unknown[] } | null)?.items ?? []));
    for (const action of LOOKUPS) {
      expect((await callAction(forged.request, action, [queries[action]])).result, action).toEqual(action === "listPickerPhotosAction" ? null : []);
      const signedOut = await callAction(visitor.request, action, [queries[action]]);
      expect([signedOut.status, signedOut.result], action).toEqual([307, undefined]);
      expect(signedOut.location, action).toMatch(/^\/login\?callbackUrl=%2Feditor/);
      // Positive control: the same look-up by a signed-in user finds something.
      expect(found((await callAction(reporter.request, action, [queries[action]])).result).length, action).toBeGreaterThan(0);
    }
    await Promise.all([forged.close(), visitor.close(), reporter.close()]);
  });

  // Positive controls: the same helper, the same kind of request, by someone who may.
  test("positive control: an editor publishes the reporter's draft through the same helper", async ({ browser }) => {
    const reporter = await callerContext(browser, "reporter");
    const title = `${world.tag}待编辑发布的草稿`;
    const { articleId } = await saveArticleOrThrow(reporter.request, { articleId: null, baseVersion: 0, intent: "submit", input: articleInput({ title }) });
    const editor = await callerContext(browser, "editor");
    const before = articleRow(articleId);
    const call = await callAction(editor.request, "saveArticleAction", [{ articleId, baseVersion: before.version, intent: "publish", input: articleInput({ title }) }]);
    expect(call.result).toMatchObject({ ok: true, message: "已发布", data: { articleId, version: before.version + 1, status: "published" } });
    expect(articleRow(articleId)).toMatchObject({ status: "published", version: before.version + 1, updatedById: userId("editor") });
    expect((await editor.request.get(`/articles/${articleId}`)).status()).toBe(200);
    await Promise.all([reporter.close(), editor.close()]);
  });

  test("positive control: a reporter saves and restores their own draft through the same helper", async ({ browser }) => {
    const reporter = await callerContext(browser, "reporter");
    const title = `${world.tag}记者自己改的草稿`;
    const { articleId, version } = await saveArticleOrThrow(reporter.request, { articleId: null, baseVersion: 0, intent: "save", input: articleInput({ title }) });
    await saveArticleOrThrow(reporter.request, { articleId, baseVersion: version, intent: "save", input: articleInput({ title: `${title}第二版` }) });
    const call = await callAction(reporter.request, "restoreRevisionAction", [{ articleId, number: 1, baseVersion: version + 1 }], { pathId: articleId });
    expect((call.result as ActionOutcome<unknown>).ok, call.body.slice(0, 300)).toBe(true);
    expect(articleRow(articleId)).toMatchObject({ title, version: version + 2, revisions: 3 });
    await reporter.close();
  });

  test("positive control: an admin creates a user, changes the role and disables them through the same helper", async ({ browser }) => {
    const admin = await callerContext(browser, "admin");
    const email = newUserEmail(world, "admin");
    const created = await callAction(admin.request, "createUserAction", [{ ...NEW_USER, role: "reporter", email }]);
    expect(created.result).toMatchObject({ ok: true });
    const id = Number(userRow(email)!.id);
    expect((await callAction(admin.request, "changeRoleAction", [{ userId: id, role: "editor" }])).result).toMatchObject({ ok: true });
    expect((await callAction(admin.request, "setDisabledAction", [{ userId: id, disabled: true }])).result).toMatchObject({ ok: true });
    expect(userRow(email)).toMatchObject({ role: "editor", disabled: 1, sessionVersion: 2 });
    await admin.close();
  });
});
