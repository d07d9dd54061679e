// Forbidden journeys: each role, and a signed-out visitor, against each newsroom route; sessions
// that lose their rights; where signing in may lead. Forbidden means denied and nothing leaked or
// changed; every table also holds allowed cases, so a check that always says "denied" fails.
// Server actions called directly, each of them: forbidden-actions.spec.ts.
import { expect, test, type Page } from "@playwright/test";
import { E2E_BASE_URL, E2E_USERS } from "./environment";
import { articleRow, callerContext, contextFor, createWorld, REFUSAL_MESSAGES, userRow, type Article, type Who, type World } from "./forbidden-world";
import { articleInput, callAction, saveArticleOrThrow } from "./server-actions";

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
    const save = await callAction(user.request, "saveArticleAction", [
      { articleId, baseVersion: version, intent: "save", input: articleInput({ title: `${title}（会话已结束）` }) },
    ]);
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
    await context.route(
      (url) => url.hostname === "evil.example",
      (route) => route.fulfill({ contentType: "text/html", body: "<h1>off-site</h1>" }),
    );
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
