// The newsroom's admin pages as editors and admins use them, and what readers see right after:
// author merge and rename, channel rename with its old URL redirecting, audit log filters, settings.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { E2E_USERS } from "./environment";
import { asRole, openEditor, withSiteSettingsLock } from "./support";

const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

async function newPage(browser: Browser, role?: "editor" | "admin" | "reporter"): Promise<Page> {
  const context = await browser.newContext(role ? asRole(role) : {});
  return context.newPage();
}

/** Publishes a new article through the edit form; a typed (not picked) author name creates a new author. */
async function publishArticle(page: Page, { title, authorName, channel }: { title: string; authorName?: string; channel?: string }): Promise<number> {
  await openEditor(page, "/editor/articles/new");
  await page.getByLabel("标题", { exact: true }).fill(title);
  const body = page.getByRole("textbox", { name: "正文" });
  await body.click();
  await page.keyboard.type(`${title}的正文。`);
  if (channel) await page.getByLabel("栏目", { exact: true }).selectOption({ label: channel });
  if (authorName) {
    await page.getByRole("button", { name: "添加署名" }).click();
    await page.getByLabel("署名 1 作者").fill(authorName);
    await expect(page.getByText("保存时新建作者")).toBeVisible();
  }
  await page.getByRole("button", { name: "发布", exact: true }).click();
  await expect(page).toHaveURL(/\/editor\/articles\/\d+$/);
  await expect(page.getByRole("status").filter({ hasText: "已发布" })).toBeVisible();
  return Number(new URL(page.url()).pathname.split("/").pop());
}

/** The author id a public article's byline links to. */
async function bylineAuthorId(reader: Page, articleId: number): Promise<number> {
  await reader.goto(`/articles/${articleId}`);
  const href = await reader.locator(".byline a").first().getAttribute("href");
  return Number(href?.split("/").pop());
}

/**
 * Parks the reader on a blank page before a newsroom change. A reader's page prefetches the pages it
 * links to; a prefetch render still running when the change lands can be stored after the cache tags
 * expire and then looks fresh (a race inside Next's route cache, not in what the change expires).
 */
async function park(reader: Page) {
  await reader.goto("about:blank");
}

async function createChannel(page: Page, channel: { name: string; slug: string; tagline: string }) {
  await page.goto("/editor/channels");
  const form = page.getByRole("form", { name: "新建栏目" });
  await form.getByLabel("栏目名称").fill(channel.name);
  await form.getByLabel("栏目地址").fill(channel.slug);
  await form.getByLabel("标语").fill(channel.tagline);
  await form.getByRole("button", { name: "新建栏目" }).click();
  await expect(form.getByRole("status").filter({ hasText: `已新建栏目 ${channel.name}` })).toBeVisible();
  const href = await page
    .getByRole("row", { name: new RegExp(channel.slug) })
    .getByRole("link", { name: channel.name })
    .getAttribute("href");
  return Number(href?.split("/").pop());
}

test("merging duplicate authors moves their articles to the kept author's page at once; a rename shows too", async ({ browser }) => {
  test.setTimeout(120_000);
  const tag = stamp();
  const name = `合并作者${tag}`;
  const [firstTitle, secondTitle] = [`合并测试甲${tag}`, `合并测试乙${tag}`];
  const editor = await newPage(browser, "editor");
  const firstId = await publishArticle(editor, { title: firstTitle, authorName: name });
  const secondId = await publishArticle(editor, { title: secondTitle, authorName: name });

  const reader = await newPage(browser);
  const keptId = await bylineAuthorId(reader, firstId);
  const removedId = await bylineAuthorId(reader, secondId);
  expect(keptId).not.toBe(removedId);
  // Both author pages are rendered and cached before the merge.
  await reader.goto(`/authors/${keptId}`);
  await expect(reader.getByRole("link", { name: firstTitle })).toBeVisible();
  await expect(reader.getByRole("link", { name: secondTitle })).toHaveCount(0);
  await reader.goto(`/authors/${removedId}`);
  await expect(reader.getByRole("link", { name: secondTitle })).toBeVisible();

  await park(reader);
  await editor.goto(`/editor/authors?q=${encodeURIComponent(name)}`);
  await expect(editor.getByText("共 2 位")).toBeVisible();
  await editor
    .getByRole("row", { name: new RegExp(`#${keptId}(?!\\d)`) })
    .getByRole("link", { name })
    .click();
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText(name);
  const merge = editor.getByRole("form", { name: "合并重复作者" });
  await merge.getByLabel("并入本作者的作者").selectOption(String(removedId));
  await merge.getByRole("button", { name: "合并", exact: true }).click();
  await merge.getByRole("button", { name: "确认合并" }).click();
  await expect(merge.getByRole("status").filter({ hasText: `已将「${name}」(#${removedId}) 并入「${name}」` })).toBeVisible();

  await reader.goto(`/authors/${keptId}`);
  await expect(reader.getByRole("link", { name: firstTitle })).toBeVisible();
  await expect(reader.getByRole("link", { name: secondTitle })).toBeVisible();
  expect((await reader.goto(`/authors/${removedId}`))?.status()).toBe(404);
  expect(await bylineAuthorId(reader, secondId)).toBe(keptId);

  await park(reader);
  const newName = `改名作者${tag}`;
  const form = editor.getByRole("form", { name: "编辑作者" });
  await form.getByLabel("姓名").fill(newName);
  await form.getByLabel("简介").fill("合并后的简介");
  await form.getByRole("button", { name: "保存", exact: true }).click();
  await expect(form.getByRole("status").filter({ hasText: `已保存作者 ${newName}` })).toBeVisible();
  await reader.goto(`/articles/${secondId}`);
  await expect(reader.locator(".byline")).toContainText(newName);
  await reader.goto(`/authors/${keptId}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(newName);
  await expect(reader.getByText("合并后的简介")).toBeVisible();
});

test("a renamed channel shows its new name everywhere and its old URL redirects to the new one", async ({ browser }) => {
  test.setTimeout(120_000);
  const tag = stamp();
  const before = { name: `改名前${tag}`, slug: `e2e-before-${tag}`, tagline: "改名前的标语" };
  const after = { name: `改名后${tag}`, slug: `e2e-after-${tag}`, tagline: "改名后的标语" };
  const editor = await newPage(browser, "editor");
  const channelId = await createChannel(editor, before);
  const title = `栏目改名测试${tag}`;
  const articleId = await publishArticle(editor, { title, channel: before.name });

  const reader = await newPage(browser);
  await reader.goto(`/channels/${before.slug}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(before.name);
  await expect(reader.getByRole("link", { name: title })).toBeVisible();
  await reader.goto(`/articles/${articleId}`);
  await expect(reader.getByRole("complementary", { name: "栏目介绍" })).toContainText(before.tagline);

  await park(reader);
  await editor.goto(`/editor/channels/${channelId}`);
  const form = editor.getByRole("form", { name: "编辑栏目" });
  await form.getByLabel("栏目名称").fill(after.name);
  await form.getByLabel("栏目地址").fill(after.slug);
  await form.getByLabel("标语").fill(after.tagline);
  await form.getByRole("button", { name: "保存", exact: true }).click();
  await expect(form.getByRole("status").filter({ hasText: `已保存栏目 ${after.name}` })).toBeVisible();

  const redirect = await reader.request.get(`/channels/${before.slug}`, { maxRedirects: 0 });
  expect(redirect.status()).toBe(308);
  expect(redirect.headers().location).toMatch(new RegExp(`/channels/${after.slug}$`));
  await reader.goto(`/channels/${before.slug}`);
  await expect(reader).toHaveURL(new RegExp(`/channels/${after.slug}$`));
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(after.name);
  await expect(reader.getByText(after.tagline)).toBeVisible();
  await expect(reader.getByRole("link", { name: title })).toBeVisible();

  await reader.goto(`/articles/${articleId}`);
  const box = reader.getByRole("complementary", { name: "栏目介绍" });
  await expect(box.getByRole("link", { name: after.name })).toHaveAttribute("href", `/channels/${after.slug}`);
  await expect(box).toContainText(after.tagline);
  await reader.goto("/");
  const nav = reader.getByRole("navigation", { name: "栏目" });
  await expect(nav.getByRole("link", { name: after.name })).toBeVisible();
  await expect(nav.getByRole("link", { name: before.name })).toHaveCount(0);

  // A new channel cannot take the old slug while it redirects.
  await editor.goto("/editor/channels");
  const create = editor.getByRole("form", { name: "新建栏目" });
  await create.getByLabel("栏目名称").fill(`抢地址${tag}`);
  await create.getByLabel("栏目地址").fill(before.slug);
  await create.getByRole("button", { name: "新建栏目" }).click();
  await expect(create.getByText(`该地址是栏目「${after.name}」的旧地址`)).toBeVisible();
  await expect(create.getByLabel("栏目名称")).toHaveValue(`抢地址${tag}`);
});

test("audit log: filtering by action and by actor narrows the table, and targets link to their pages", async ({ browser }) => {
  const tag = stamp();
  const editor = await newPage(browser, "editor");
  const channel = { name: `审计栏目${tag}`, slug: `e2e-audit-${tag}`, tagline: "" };
  const channelId = await createChannel(editor, channel);

  const admin = await newPage(browser, "admin");
  await admin.goto("/editor/audit");
  const total = async () => Number((await admin.getByText(/^共 \d+ 条$/).textContent())!.match(/\d+/)![0]);
  const unfiltered = await total();
  const filters = admin.getByRole("search", { name: "筛选审计日志" });
  const cells = (column: number) => admin.locator(`.audit-table tbody td:nth-child(${column})`);

  await filters.getByLabel("操作", { exact: true }).selectOption("channel.create");
  await filters.getByRole("button", { name: "筛选" }).click();
  await expect(admin).toHaveURL(/action=channel\.create/);
  const byAction = await total();
  expect(byAction).toBeGreaterThan(0);
  expect(byAction).toBeLessThan(unfiltered);
  expect(new Set(await cells(3).evaluateAll((tds) => tds.map((td) => td.getAttribute("title"))))).toEqual(new Set(["channel.create"]));
  await expect(admin.getByRole("link", { name: `channel:${channelId}`, exact: true })).toBeVisible();

  await filters.getByLabel("操作", { exact: true }).selectOption("");
  await filters.getByLabel("操作者").selectOption({ label: `${E2E_USERS.editor.name}（${E2E_USERS.editor.email}）` });
  await filters.getByRole("button", { name: "筛选" }).click();
  await expect(admin).toHaveURL(/actor=\d+/);
  const byActor = await total();
  expect(byActor).toBeLessThan(unfiltered);
  expect(new Set(await cells(2).allTextContents())).toEqual(new Set([E2E_USERS.editor.name]));

  await filters.getByLabel("操作", { exact: true }).selectOption("channel.create");
  await filters.getByRole("button", { name: "筛选" }).click();
  await expect(admin).toHaveURL(/actor=\d+.*action=channel\.create|action=channel\.create.*actor=\d+/);
  expect(await total()).toBeLessThanOrEqual(Math.min(byAction, byActor));

  await filters.getByLabel("起始日期").fill("2099-01-01");
  await filters.getByRole("button", { name: "筛选" }).click();
  await expect(admin.getByText("没有符合条件的记录。")).toBeVisible();
  await filters.getByLabel("起始日期").fill("2099-01-02");
  await filters.getByLabel("截止日期").fill("2099-01-01");
  await filters.getByRole("button", { name: "筛选" }).click();
  await expect(filters.getByText("截止日期不能早于起始日期")).toBeVisible();

  await admin.goto(`/editor/audit?target=channel:${channelId}`);
  await admin
    .getByRole("link", { name: `channel:${channelId}`, exact: true })
    .first()
    .click();
  await expect(admin).toHaveURL(new RegExp(`/editor/channels/${channelId}$`));
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText(channel.name);
});

test("an admin's new site name shows on public pages and in the feed at once; clearing it restores the default", async ({ browser }) => {
  const siteName = `设置测试网${stamp()}`;
  const admin = await newPage(browser, "admin");
  const reader = await newPage(browser);
  // The forbidden-action specs save settings too, in another worker: take turns.
  await withSiteSettingsLock(async () => {
    await reader.goto("/");
    const original = (await reader.locator(".site-name").textContent())!;

    await admin.goto("/editor/settings");
    const form = admin.getByRole("form", { name: "站点设置" });
    const save = async (value: string) => {
      await form.getByLabel("网站名称").fill(value);
      // The success message stays up between saves, so wait for this save's own server action.
      const done = admin.waitForResponse((response) => response.request().method() === "POST" && new URL(response.url()).pathname === "/editor/settings");
      await form.getByRole("button", { name: "保存设置" }).click();
      await done;
      await expect(form.getByRole("status").filter({ hasText: "已保存站点设置" })).toBeVisible();
    };
    try {
      await form.getByLabel("网站地址").fill("not a url");
      await form.getByRole("button", { name: "保存设置" }).click();
      await expect(form.getByText("网站地址应为")).toBeVisible();
      await form.getByLabel("网站地址").fill("");

      await save(siteName);
      await reader.goto("/");
      await expect(reader.locator(".site-name")).toHaveText(siteName);
      await expect(reader.locator(".site-footer")).toContainText(siteName);
      expect(await (await reader.request.get("/feed.xml")).text()).toContain(siteName);
    } finally {
      await save("");
    }
    await reader.goto("/");
    await expect(reader.locator(".site-name")).toHaveText(original);
  });
});

test("editors may not open settings or the audit log; reporters may not manage authors or channels", async ({ browser }) => {
  const editor = await newPage(browser, "editor");
  for (const path of ["/editor/settings", "/editor/audit"]) {
    await editor.goto(path);
    await expect(editor.getByRole("alert").filter({ hasText: "没有权限访问此页面" }), path).toBeVisible();
  }
  await expect(editor.getByRole("navigation", { name: "编辑部" }).getByRole("link", { name: "作者" })).toBeVisible();
  await expect(editor.getByRole("navigation", { name: "编辑部" }).getByRole("link", { name: "设置" })).toHaveCount(0);
  const reporter = await newPage(browser, "reporter");
  for (const path of ["/editor/authors", "/editor/channels", "/editor/settings"]) {
    await reporter.goto(path);
    await expect(reporter.getByRole("alert").filter({ hasText: "没有权限访问此页面" }), path).toBeVisible();
    await expect(reporter.getByRole("table")).toHaveCount(0);
  }
  await expect(reporter.getByRole("navigation", { name: "编辑部" }).getByRole("link", { name: "栏目" })).toHaveCount(0);
});
