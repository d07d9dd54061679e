import { expect, test, type Page } from "@playwright/test";
import { E2E_USERS } from "./environment";
import { asRole, openEditor, signIn } from "./support";

async function typeBody(page: Page, text: string) {
  const body = page.getByRole("textbox", { name: "正文" });
  await body.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(text);
}

/** Saves a new article and waits until the browser is on its edit page. */
async function saveNew(page: Page, button = "保存") {
  await page.getByRole("button", { name: button, exact: true }).click();
  await expect(page).toHaveURL(/\/editor\/articles\/\d+$/);
  await expect(page.getByRole("status").filter({ hasText: /已保存|已发布/ })).toBeVisible();
  await page.getByRole("textbox", { name: "正文" }).waitFor();
  return Number(page.url().split("/").pop());
}

async function pressAndExpect(page: Page, button: string, message: string | RegExp) {
  await page.getByRole("button", { name: button, exact: true }).click();
  await expect(
    page
      .getByRole("status")
      .filter({ hasText: message })
      .or(page.getByRole("alert").filter({ hasText: message })),
  ).toBeVisible();
}

test("a signed-out visitor is sent to sign in and comes back to the page they asked for", async ({ page }) => {
  await page.goto("/editor/articles/new");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Feditor%2Farticles%2Fnew$/);
  await signIn(page, "reporter", "/editor/articles/new");
  await expect(page.getByRole("heading", { name: "新建文章" })).toBeVisible();
});

test("reporter drafts and submits, editor publishes, edits, and unpublishes; readers see each step", async ({ browser }) => {
  test.setTimeout(120_000);
  const title = `平阴复工复产新进展${Date.now()}`;
  const reporter = await (await browser.newContext(asRole("reporter"))).newPage();
  await openEditor(reporter, "/editor/articles/new");
  await reporter.getByLabel("标题", { exact: true }).fill(title);
  await typeBody(reporter, "玫德集团车间全面复工，5G 生产线投入使用。");
  await reporter.getByLabel("栏目").selectOption({ label: "平阴新闻" });
  await reporter.getByRole("button", { name: "添加署名" }).click();
  await reporter.getByLabel("署名 1 作者").fill("冯经");
  await reporter
    .getByRole("list", { name: "选择作者" })
    .getByRole("button", { name: /冯经伟/ })
    .click();
  await expect(reporter.getByRole("button", { name: "发布" })).toHaveCount(0);
  const id = await saveNew(reporter);
  await pressAndExpect(reporter, "提交审核", "已提交审核");
  expect((await reporter.request.get(`/articles/${id}`)).status()).toBe(404);

  const editor = await (await browser.newContext(asRole("editor"))).newPage();
  await editor.goto("/editor?status=review");
  await editor.getByRole("link", { name: title }).click();
  await editor.getByRole("textbox", { name: "正文" }).waitFor();
  await pressAndExpect(editor, "发布", "已发布");

  const reader = await browser.newPage();
  await reader.goto(`/articles/${id}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(reader.locator(".byline")).toHaveText("(本报记者 冯经伟)");
  await reader.goto("/channels/pingyin");
  await expect(reader.getByRole("link", { name: title })).toBeVisible();
  expect(await (await reader.request.get("/feed.xml")).text()).toContain(title);

  await typeBody(editor, "玫德集团车间全面复工，5G 生产线已满负荷运转。");
  await pressAndExpect(editor, "保存", "已保存");
  await reader.goto(`/articles/${id}`);
  await expect(reader.locator(".article-body")).toHaveText("玫德集团车间全面复工，5G 生产线已满负荷运转。");

  await pressAndExpect(editor, "撤稿", "已撤稿");
  expect((await reader.request.get(`/articles/${id}`)).status()).toBe(404);
  await reader.goto("/channels/pingyin");
  await expect(reader.getByRole("link", { name: title })).toHaveCount(0);
  expect(await (await reader.request.get("/feed.xml")).text()).not.toContain(title);
  expect(await (await reader.request.get("/sitemap.xml")).text()).not.toContain(`/articles/${id}<`);
});

test("two editors on one article: the second save is refused, names who saved, and keeps the text", async ({ browser }) => {
  const first = await (await browser.newContext(asRole("editor"))).newPage();
  await openEditor(first, "/editor/articles/new");
  await first.getByLabel("标题", { exact: true }).fill(`并发编辑测试${Date.now()}`);
  await typeBody(first, "原始正文。");
  await saveNew(first);
  const url = first.url();

  const second = await (await browser.newContext(asRole("admin"))).newPage();
  await openEditor(second, url);
  await expect(first.getByText(`${E2E_USERS.admin.name} 正在编辑`)).toBeVisible({ timeout: 15_000 });
  await expect(second.getByText(`${E2E_USERS.editor.name} 正在编辑`)).toBeVisible({ timeout: 15_000 });

  await typeBody(first, "第一位编辑的修改。");
  await pressAndExpect(first, "保存", "已保存");

  await typeBody(second, "第二位编辑的修改，不能丢。");
  await second.getByRole("button", { name: "保存", exact: true }).click();
  const refusal = second.getByRole("alert").filter({ hasText: "保存未成功" });
  await expect(refusal).toContainText(E2E_USERS.editor.name);
  await expect(refusal.getByRole("link", { name: "查看差异" })).toHaveAttribute("href", /revisions\?from=1&to=2$/);
  await expect(second.getByRole("textbox", { name: "正文" })).toHaveText("第二位编辑的修改，不能丢。");

  await second.reload();
  await second.getByRole("textbox", { name: "正文" }).waitFor();
  await expect(second.getByRole("textbox", { name: "正文" })).toHaveText("第一位编辑的修改。");
});

test("revisions show a one-character change as one character, and restoring makes a new revision", async ({ browser }) => {
  const page = await (await browser.newContext(asRole("editor"))).newPage();
  await openEditor(page, "/editor/articles/new");
  await page.getByLabel("标题", { exact: true }).fill(`修订测试平阴${Date.now()}`);
  await typeBody(page, "平阴县用不到一天时间建起了网格。");
  await saveNew(page);
  await typeBody(page, "平阴县用不到两天时间建起了网格。");
  await pressAndExpect(page, "保存", "已保存");

  await page.getByRole("link", { name: "修订记录" }).click();
  const body = page.locator(".diff-field").filter({ has: page.getByRole("heading", { name: "正文" }) });
  await expect(body.locator("del")).toHaveCount(1);
  await expect(body.locator("ins")).toHaveCount(1);
  await expect(body.locator("del")).toHaveText("[删除：一]");
  await expect(body.locator("ins")).toHaveText("[新增：两]");

  await page
    .getByRole("row", { name: /第 1 版/ })
    .getByRole("button", { name: "恢复此版本" })
    .click();
  await expect(page.getByRole("status").filter({ hasText: "已恢复第 1 版（保存为第 3 版）" })).toBeVisible();
  await expect(page.getByRole("row", { name: /第 3 版（当前）/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /第 2 版/ })).toBeVisible();
  await page.getByRole("link", { name: "返回编辑" }).click();
  await expect(page.getByRole("textbox", { name: "正文" })).toHaveText("平阴县用不到一天时间建起了网格。");
});

test("a closed tab's typing is offered back from the local draft, never applied silently", async ({ browser }) => {
  const context = await browser.newContext(asRole("reporter"));
  const page = await context.newPage();
  await openEditor(page, "/editor/articles/new");
  await page.getByLabel("标题", { exact: true }).fill(`本地草稿测试${Date.now()}`);
  await saveNew(page);
  const url = page.url();
  await typeBody(page, "还没保存就关掉了标签页。");
  // The form keeps a local copy every few seconds: wait until the browser holds one, then close.
  const storedCopies = () => page.evaluate(() => Object.values(localStorage).join("\n"));
  await expect.poll(storedCopies, { message: "the typing is kept in localStorage", timeout: 15_000 }).toContain("还没保存就关掉了标签页。");
  await page.close();

  const reopened = await context.newPage();
  await openEditor(reopened, url);
  await expect(reopened.getByRole("textbox", { name: "正文" })).not.toContainText("还没保存");
  await reopened.getByRole("button", { name: "恢复草稿" }).click();
  await expect(reopened.getByRole("textbox", { name: "正文" })).toHaveText("还没保存就关掉了标签页。");
  await pressAndExpect(reopened, "保存", "已保存");
});

test("a save after an upgrade changed the action ids says to reload and keeps what was typed", async ({ browser }) => {
  const context = await browser.newContext(asRole("reporter"));
  const page = await context.newPage();
  await openEditor(page, "/editor/articles/new");
  await page.getByLabel("标题", { exact: true }).fill(`升级测试${Date.now()}`);
  await saveNew(page);
  const url = page.url();
  await typeBody(page, "升级前打的字。");
  // As if the site had been upgraded since the form was opened: the action id this page knows is gone.
  await page.route(url, (route) => {
    const headers = route.request().headers();
    return route.continue(headers["next-action"] ? { headers: { ...headers, "next-action": "00".repeat(21) } } : undefined);
  });
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByText("编辑系统刚刚更新，这次没有保存：请刷新页面后再保存")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "正文" })).toHaveText("升级前打的字。");
  await page.unroute(url);

  await page.reload();
  await page.getByRole("button", { name: "恢复草稿" }).click();
  await expect(page.getByRole("textbox", { name: "正文" })).toHaveText("升级前打的字。");
  await pressAndExpect(page, "保存", "已保存");
});

test("sign-in throttling: after 5 failures the account is refused with a time to retry", async ({ page }) => {
  const user = E2E_USERS.reporter2;
  await page.goto("/login");
  await page.getByRole("button", { name: "登录" }).waitFor();
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.getByLabel("邮箱").fill(user.email);
    await page.getByLabel("密码").fill(`wrong-password-${attempt}`);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.locator(".form-error")).toHaveText("邮箱或密码不正确");
  }
  await page.getByLabel("密码").fill(user.password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.locator(".form-error")).toContainText(/登录失败次数过多，请在 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 之后再试/);
  await expect(page).toHaveURL(/\/login/);
});
