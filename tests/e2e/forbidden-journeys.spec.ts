// Forbidden journeys: each role, and a signed-out visitor, against each newsroom route and each
// server action called directly. Forbidden means denied and the database unchanged; every table
// also holds allowed cases, so a check that always says "denied" fails.
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { E2E_BASE_URL, E2E_USERS, type E2ERole } from "./environment";
import { articleInput, callAction, queryDatabase, saveArticleOrThrow, type ActionName, type ActionOutcome, type SaveIntent } from "./server-actions";
import { asRole } from "./support";

// ---------------------------------------------------------------------------------------------
// The world each describe block builds for itself: four articles with unique titles.

type World = {
  tag: string;
  /** reporter's own draft */
  reporterDraft: Article;
  /** reporter's own article, published by an editor */
  reporterPublished: Article;
  /** reporter2's draft: someone else's article for reporter */
  reporter2Draft: Article;
  /** an editor's published article */
  editorPublished: Article;
};
type Article = { id: number; title: string };
type Who = E2ERole | "signed-out";

async function contextFor(browser: Browser, who: Who): Promise<BrowserContext> {
  return who === "signed-out" ? browser.newContext() : browser.newContext(asRole(who));
}

async function createWorld(browser: Browser): Promise<World> {
  const tag = `禁区${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const [reporter, reporter2, editor] = await Promise.all((["reporter", "reporter2", "editor"] as const).map((role) => contextFor(browser, role)));
  const create = async (context: BrowserContext, title: string, intent: SaveIntent) => {
    const saved = await saveArticleOrThrow(context.request, { articleId: null, baseVersion: 0, intent, input: articleInput({ title, bodyHtml: `<p>${title}的正文。</p>` }) });
    return { id: saved.articleId, title };
  };
  const reporterDraft = await create(reporter, `${tag}记者本人草稿`, "save");
  const reporterPublished = await create(reporter, `${tag}记者本人已发布`, "submit");
  await saveArticleOrThrow(editor.request, { articleId: reporterPublished.id, baseVersion: articleRow(reporterPublished.id).version, intent: "publish", input: articleInput({ title: reporterPublished.title, bodyHtml: `<p>${reporterPublished.title}的正文。</p>` }) });
  const reporter2Draft = await create(reporter2, `${tag}另一位记者的草稿`, "save");
  const editorPublished = await create(editor, `${tag}编辑发布的稿件`, "publish");
  await Promise.all([reporter, reporter2, editor].map((context) => context.close()));
  return { tag, reporterDraft, reporterPublished, reporter2Draft, editorPublished };
}

// ---------------------------------------------------------------------------------------------
// Database reads (read-only): the rows a forbidden call must leave exactly as they were.

type ArticleRow = { title: string; subtitle: string; summary: string; bodyHtml: string; status: string; publishedAt: string | null; version: number; updatedById: number | null; updatedAt: string; revisions: number; bylines: number; picks: number };

function articleRow(id: number): ArticleRow {
  const [row] = queryDatabase<ArticleRow>(
    `SELECT title, subtitle, summary, bodyHtml, status, publishedAt, version, updatedById, updatedAt,
       (SELECT count(*) FROM Revision WHERE articleId = a.id) AS revisions,
       (SELECT count(*) FROM Byline WHERE articleId = a.id) AS bylines,
       (SELECT count(*) FROM RelatedEntry WHERE articleId = a.id) AS picks
     FROM Article a WHERE id = ?`,
    id,
  );
  if (!row) throw new Error(`article ${id} not in the database`);
  return row;
}

function userRow(email: string) {
  return queryDatabase(`SELECT id, email, displayName, role, disabled, sessionVersion, passwordHash, authorId, updatedAt FROM User WHERE email = ?`, email)[0] ?? null;
}

function userId(role: E2ERole): number {
  return Number(userRow(E2E_USERS[role].email)!.id);
}

const articlesTitled = (title: string) => queryDatabase(`SELECT id, status FROM Article WHERE title = ?`, title);
const presenceRows = (articleId: number, who: E2ERole) => queryDatabase(`SELECT lastSeenAt FROM ArticlePresence WHERE articleId = ? AND userId = ?`, articleId, userId(who));

// ---------------------------------------------------------------------------------------------
// Routes: (who, route) → outcome.

type Outcome = "sign-in" | "not-found" | "no-permission" | "allowed";
type Route = {
  path: (world: World) => string;
  /** What must never reach a viewer who is refused this page. */
  secrets: (world: World) => string[];
  /** What an allowed viewer sees. */
  allowed: (page: Page, world: World, who: Who) => Promise<void>;
};

const titleField = (page: Page) => page.getByLabel("标题", { exact: true });
const editForm = (article: (world: World) => Article): Route => ({
  path: (world) => `/editor/articles/${article(world).id}`,
  secrets: (world) => [article(world).title],
  allowed: async (page, world) => await expect(titleField(page)).toHaveValue(article(world).title),
});
const revisions = (article: (world: World) => Article): Route => ({
  path: (world) => `/editor/articles/${article(world).id}/revisions`,
  secrets: (world) => [article(world).title],
  allowed: async (page, world) => await expect(page.getByRole("heading", { level: 1 })).toHaveText(`修订记录：${article(world).title}`),
});
const preview = (article: (world: World) => Article): Route => ({
  path: (world) => `/editor/articles/${article(world).id}/preview`,
  secrets: (world) => [article(world).title],
  allowed: async (page, world) => await expect(page.getByRole("heading", { level: 1 })).toHaveText(article(world).title),
});

const ROUTES = {
  "article list": {
    path: (world) => `/editor?q=${encodeURIComponent(world.tag)}`,
    secrets: (world) => [world.reporter2Draft.title, world.editorPublished.title],
    allowed: async (page, world, who) => {
      const own = [world.reporterDraft, world.reporterPublished];
      const others = [world.reporter2Draft, world.editorPublished];
      const visible = who === "reporter" ? own : [...own, ...others];
      for (const article of visible) await expect(page.getByRole("link", { name: article.title })).toBeVisible();
      await expect(page.getByText(`共 ${visible.length} 篇`)).toBeVisible();
      if (who === "reporter") for (const article of others) expect(await page.content()).not.toContain(article.title);
    },
  },
  "new article": {
    path: () => "/editor/articles/new",
    secrets: () => [],
    allowed: async (page) => await expect(page.getByRole("heading", { name: "新建文章" })).toBeVisible(),
  },
  "edit reporter's draft": editForm((world) => world.reporterDraft),
  "edit reporter2's draft": editForm((world) => world.reporter2Draft),
  "edit editor's published article": editForm((world) => world.editorPublished),
  "revisions of reporter's draft": revisions((world) => world.reporterDraft),
  "revisions of reporter's published article": revisions((world) => world.reporterPublished),
  "revisions of reporter2's draft": revisions((world) => world.reporter2Draft),
  "preview of reporter's published article": preview((world) => world.reporterPublished),
  "preview of reporter2's draft": preview((world) => world.reporter2Draft),
  "preview of editor's published article": preview((world) => world.editorPublished),
  users: {
    path: () => "/editor/users",
    secrets: () => [E2E_USERS.reporter2.email, E2E_USERS.admin.email, "重置密码"],
    allowed: async (page) => {
      await expect(page.getByRole("heading", { name: "用户", exact: true })).toBeVisible();
      await expect(page.getByRole("cell", { name: E2E_USERS.reporter2.email, exact: true })).toBeVisible();
    },
  },
  "audit log": {
    path: () => "/editor/audit",
    // createWorld published two articles, so the log holds at least these events.
    secrets: () => ["article.publish"],
    allowed: async (page) => {
      await expect(page.getByRole("heading", { name: "审计日志" })).toBeVisible();
      await expect(page.locator('td[title="article.publish"]').first()).toBeVisible();
    },
  },
} satisfies Record<string, Route>;
type RouteName = keyof typeof ROUTES;

const ROUTE_CASES: [Who, RouteName, Outcome][] = [
  ...(["article list", "new article", "edit reporter2's draft", "revisions of reporter2's draft", "preview of reporter2's draft", "users", "audit log"] as const).map(
    (route): [Who, RouteName, Outcome] => ["signed-out", route, "sign-in"],
  ),
  ["reporter", "article list", "allowed"],
  ["reporter", "new article", "allowed"],
  ["reporter", "edit reporter's draft", "allowed"],
  ["reporter", "edit reporter2's draft", "not-found"],
  ["reporter", "edit editor's published article", "not-found"],
  ["reporter", "revisions of reporter's draft", "allowed"],
  ["reporter", "revisions of reporter's published article", "not-found"],
  ["reporter", "revisions of reporter2's draft", "not-found"],
  ["reporter", "preview of reporter's published article", "allowed"],
  ["reporter", "preview of reporter2's draft", "not-found"],
  ["reporter", "preview of editor's published article", "not-found"],
  ["reporter", "users", "no-permission"],
  ["reporter", "audit log", "no-permission"],
  ["reporter2", "edit reporter2's draft", "allowed"],
  ["reporter2", "edit reporter's draft", "not-found"],
  ["editor", "article list", "allowed"],
  ["editor", "edit reporter2's draft", "allowed"],
  ["editor", "revisions of reporter2's draft", "allowed"],
  ["editor", "preview of reporter2's draft", "allowed"],
  ["editor", "edit editor's published article", "allowed"],
  ["editor", "users", "no-permission"],
  ["editor", "audit log", "no-permission"],
  ["admin", "article list", "allowed"],
  ["admin", "edit reporter2's draft", "allowed"],
  ["admin", "users", "allowed"],
  ["admin", "audit log", "allowed"],
];

async function expectOutcome(page: Page, world: World, who: Who, routeName: RouteName, outcome: Outcome) {
  const route: Route = ROUTES[routeName];
  const path = route.path(world);
  await page.goto(path);
  if (outcome === "sign-in") {
    await expect(page).toHaveURL((url) => url.pathname === "/login" && url.searchParams.get("callbackUrl") === path);
    await expect(page.getByRole("button", { name: "登录" })).toBeVisible();
  } else if (outcome === "not-found") {
    await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
    await expect(titleField(page)).toHaveCount(0);
  } else if (outcome === "no-permission") {
    await expect(page.getByRole("alert").filter({ hasText: "没有权限访问此页面" })).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
  } else {
    await route.allowed(page, world, who);
  }
  if (outcome !== "allowed") {
    // The whole document, the streamed RSC payload included: nothing of the refused page leaks.
    const html = await page.content();
    for (const secret of route.secrets(world)) expect(html, `${secret} leaked to ${who} on ${path}`).not.toContain(secret);
  }
}

test.describe("newsroom routes", () => {
  let world: World;
  test.beforeAll(async ({ browser }) => {
    world = await createWorld(browser);
  });

  for (const [who, route, outcome] of ROUTE_CASES) {
    test(`${who} → ${route}: ${outcome}`, async ({ browser }) => {
      const context = await contextFor(browser, who);
      await expectOutcome(await context.newPage(), world, who, route, outcome);
      await context.close();
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Server actions called directly: (who, action, arguments) → refusal, and the watched rows unchanged.

/**
 * "signed-out" has no cookie and is stopped by the proxy; "forged-session" carries a cookie that
 * passes the proxy's has-a-cookie test but names no one, so the action itself must refuse.
 */
type Caller = Exclude<E2ERole, "reporter2"> | "signed-out" | "forged-session";
type Refusal = "forbidden" | "not-found" | "signed-out" | "sign-in redirect";

const REFUSAL_MESSAGES: Record<Exclude<Refusal, "sign-in redirect">, string> = {
  forbidden: "没有权限执行此操作",
  "not-found": "找不到这篇文章，或您没有查看它的权限",
  "signed-out": "登录已失效，请在新标签页重新登录后再保存（表单内容不会丢失）",
};

type Attempt = {
  label: string;
  action: ActionName;
  /** Built at call time so every attempt carries the current version: the only reason to refuse is permission. */
  args: (world: World) => unknown[];
  /** The rows the attempt must not change. */
  watch: (world: World) => unknown;
  pathId?: (world: World) => number;
};

const NEW_USER = { displayName: "越权创建的用户", role: "admin", password: "forbidden-password-1" };
const newUserEmail = (world: World, label: string) => `forbidden-${label}-${world.tag.slice(2)}@e2e.test`.toLowerCase();

function save(article: (world: World) => Article, intent: SaveIntent): Attempt {
  return {
    label: `${intent} via saveArticleAction`,
    action: "saveArticleAction",
    args: (world) => {
      const { id, title } = article(world);
      return [{ articleId: id, baseVersion: articleRow(id).version, intent, input: articleInput({ title: `${title}（越权修改）`, bodyHtml: "<p>越权写入的正文。</p>" }) }];
    },
    watch: (world) => articleRow(article(world).id),
  };
}

function restore(article: (world: World) => Article): Attempt {
  return {
    label: "restoreRevisionAction",
    action: "restoreRevisionAction",
    args: (world) => [{ articleId: article(world).id, number: 1, baseVersion: articleRow(article(world).id).version }],
    watch: (world) => articleRow(article(world).id),
    pathId: (world) => article(world).id,
  };
}

const publishNew: Attempt = {
  label: "create and publish a new article",
  action: "saveArticleAction",
  args: (world) => [{ articleId: null, baseVersion: 0, intent: "publish", input: articleInput({ title: `${world.tag}越权发布的新稿件` }) }],
  watch: (world) => articlesTitled(`${world.tag}越权发布的新稿件`),
};
const createUser = (label: string): Attempt => ({
  label: "createUserAction",
  action: "createUserAction",
  args: (world) => [{ ...NEW_USER, email: newUserEmail(world, label) }],
  watch: (world) => userRow(newUserEmail(world, label)),
});
const changeRole = (target: E2ERole, role: string): Attempt => ({
  label: `changeRoleAction ${target} → ${role}`,
  action: "changeRoleAction",
  args: () => [{ userId: userId(target), role }],
  watch: () => userRow(E2E_USERS[target].email),
});
const resetPassword = (target: E2ERole): Attempt => ({
  label: `resetPasswordAction on ${target}`,
  action: "resetPasswordAction",
  args: () => [{ userId: userId(target), password: "taken-over-password-1" }],
  watch: () => userRow(E2E_USERS[target].email),
});
const disable = (target: E2ERole): Attempt => ({
  label: `setDisabledAction on ${target}`,
  action: "setDisabledAction",
  args: () => [{ userId: userId(target), disabled: true }],
  watch: () => userRow(E2E_USERS[target].email),
});

const reporterDraft = (world: World) => world.reporterDraft;
const reporterPublished = (world: World) => world.reporterPublished;
const reporter2Draft = (world: World) => world.reporter2Draft;
const editorPublished = (world: World) => world.editorPublished;

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
  ["reporter", "own draft", save(reporterDraft, "archive"), "forbidden"],
  ["reporter", "a new article", publishNew, "forbidden"],
  ["reporter", "users", createUser("reporter"), "forbidden"],
  ["reporter", "users", changeRole("reporter", "admin"), "forbidden"],
  ["reporter", "users", resetPassword("admin"), "forbidden"],
  ["reporter", "users", disable("admin"), "forbidden"],
  ["editor", "users", createUser("editor"), "forbidden"],
  ["editor", "users", changeRole("editor", "admin"), "forbidden"],
  ["editor", "users", changeRole("reporter", "editor"), "forbidden"],
  ["editor", "users", resetPassword("admin"), "forbidden"],
  ["editor", "users", disable("reporter"), "forbidden"],
  ["forged-session", "editor's published article", save(editorPublished, "unpublish"), "signed-out"],
  ["forged-session", "reporter's draft", save(reporterDraft, "publish"), "signed-out"],
  ["forged-session", "a new article", publishNew, "signed-out"],
  ["forged-session", "reporter2's draft", restore(reporter2Draft), "signed-out"],
  ["forged-session", "users", createUser("forged"), "signed-out"],
  ["forged-session", "users", changeRole("reporter", "admin"), "signed-out"],
  ["forged-session", "users", resetPassword("admin"), "signed-out"],
  ["forged-session", "users", disable("admin"), "signed-out"],
  ["signed-out", "editor's published article", save(editorPublished, "unpublish"), "sign-in redirect"],
  ["signed-out", "a new article", publishNew, "sign-in redirect"],
  ["signed-out", "reporter2's draft", restore(reporter2Draft), "sign-in redirect"],
  ["signed-out", "users", createUser("signed-out"), "sign-in redirect"],
  ["signed-out", "users", changeRole("reporter", "admin"), "sign-in redirect"],
  ["signed-out", "users", disable("admin"), "sign-in redirect"],
];

async function callerContext(browser: Browser, caller: Caller): Promise<BrowserContext> {
  if (caller !== "forged-session") return contextFor(browser, caller);
  const context = await browser.newContext();
  await context.addCookies([{ name: "next-auth.session-token", value: "forged.session.token", url: E2E_BASE_URL }]);
  return context;
}

test.describe("server actions called directly", () => {
  let world: World;
  test.beforeAll(async ({ browser }) => {
    world = await createWorld(browser);
  });

  for (const [caller, target, attempt, refusal] of ACTION_CASES) {
    test(`${caller}: ${attempt.label} on ${target} → ${refusal}, nothing changes`, async ({ browser }) => {
      const context = await callerContext(browser, caller);
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
      await context.close();
    });
  }

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

  test("author and article look-ups answer nothing without a valid session", async ({ browser }) => {
    const forged = await callerContext(browser, "forged-session");
    const reporter = await callerContext(browser, "reporter");
    const published = world.editorPublished.title;
    for (const [action, query] of [["searchAuthorsAction", "端到端"], ["searchPublishedArticlesAction", published]] as const) {
      expect((await callAction(forged.request, action, [query])).result, action).toEqual([]);
      // Positive control: the same look-up by a signed-in user finds something.
      expect(((await callAction(reporter.request, action, [query])).result as unknown[]).length, action).toBeGreaterThan(0);
    }
    await Promise.all([forged.close(), reporter.close()]);
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

// ---------------------------------------------------------------------------------------------
// Sessions that lose their rights, and where signing in may send a visitor.

async function signInWithForm(page: Page, email: string, password: string, callbackUrl = "/editor") {
  await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByRole("button", { name: "登录" }).waitFor();
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
}

const SESSION_ENDINGS = [
  { label: "disabling the account", end: (userId: number) => ["setDisabledAction", { userId, disabled: true }] as const },
  { label: "resetting the password", end: (userId: number) => ["resetPasswordAction", { userId, password: "a-new-password-123" }] as const },
];

for (const { label, end } of SESSION_ENDINGS) {
  test(`a demoted editor loses publishing at once, and ${label} ends the session`, async ({ browser }) => {
    const admin = await callerContext(browser, "admin");
    const email = `session-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@e2e.test`;
    const password = "session-password-1";
    expect((await callAction(admin.request, "createUserAction", [{ email, displayName: "会话测试编辑", role: "editor", password }])).result).toMatchObject({ ok: true });
    const id = Number(userRow(email)!.id);
    const user = await browser.newContext();
    const page = await user.newPage();
    await signInWithForm(page, email, password);
    await expect(page.getByText("会话测试编辑（编辑）")).toBeVisible();

    const title = `会话测试稿件${Date.now().toString(36)}`;
    const { articleId, version } = await saveArticleOrThrow(user.request, { articleId: null, baseVersion: 0, intent: "save", input: articleInput({ title }) });
    expect((await callAction(admin.request, "changeRoleAction", [{ userId: id, role: "reporter" }])).result).toMatchObject({ ok: true });
    const before = articleRow(articleId);
    const publish = await callAction(user.request, "saveArticleAction", [{ articleId, baseVersion: version, intent: "publish", input: articleInput({ title }) }]);
    expect(publish.result).toMatchObject({ ok: false, message: REFUSAL_MESSAGES.forbidden });
    expect(articleRow(articleId)).toEqual(before);

    const [action, args] = end(id);
    expect((await callAction(admin.request, action, [args])).result).toMatchObject({ ok: true });
    const save = await callAction(user.request, "saveArticleAction", [{ articleId, baseVersion: version, intent: "save", input: articleInput({ title: `${title}（会话已结束）` }) }]);
    expect(save.result).toMatchObject({ ok: false, message: REFUSAL_MESSAGES["signed-out"] });
    expect(articleRow(articleId)).toEqual(before);
    await page.goto("/editor");
    await expect(page).toHaveURL((url) => url.pathname === "/login" && url.searchParams.get("callbackUrl") === "/editor");
    await Promise.all([admin.close(), user.close()]);
  });
}

/** callbackUrl → where signing in may lead; anything off this site falls back to /editor. */
const RETURN_PATHS: [string, string][] = [
  ["/editor/articles/new", "/editor/articles/new"],
  ["https://evil.example/", "/editor"],
  ["//evil.example/", "/editor"],
  ["/\\evil.example/", "/editor"],
  ["javascript:alert(1)", "/editor"],
  ["/\t/evil.example/", "/editor"],
  ["/\n/evil.example/", "/editor"],
];

for (const [callbackUrl, landing] of RETURN_PATHS) {
  test(`signing in with callbackUrl ${JSON.stringify(callbackUrl)} stays on this site`, async ({ browser }) => {
    const context = await browser.newContext();
    // Should the app send the browser off-site, it lands here instead of on the network.
    await context.route((url) => url.hostname === "evil.example", (route) => route.fulfill({ contentType: "text/html", body: "<h1>off-site</h1>" }));
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on("dialog", async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await signInWithForm(page, E2E_USERS.reporter.email, E2E_USERS.reporter.password, callbackUrl);
    await expect(page).toHaveURL((url) => url.origin === E2E_BASE_URL && url.pathname === landing);
    await expect(page.getByText(E2E_USERS.reporter.name, { exact: false }).first()).toBeVisible();
    expect(dialogs).toEqual([]);
    await context.close();
  });
}
