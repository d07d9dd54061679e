import { expect, test, type Page } from "@playwright/test";
import { asRole, signIn } from "./support";

async function createUser(admin: Page, user: { email: string; name: string; role: string; password: string }) {
  const form = admin.getByRole("form", { name: "新建用户" });
  await form.getByLabel("邮箱").fill(user.email);
  await form.getByLabel("姓名").fill(user.name);
  await form.getByLabel("角色").selectOption({ label: user.role });
  await form.getByLabel("初始密码").fill(user.password);
  await form.getByRole("button", { name: "创建用户" }).click();
  await expect(admin.getByRole("row", { name: new RegExp(user.email) })).toBeVisible();
}

test("an admin creates a reporter and an editor who can sign in; disabling ends the session at once", async ({ browser }) => {
  const stamp = Date.now();
  const reporter = { email: `new-reporter-${stamp}@e2e.test`, name: `新记者${stamp % 10000}`, role: "记者", password: "reporter-pass-1" };
  const editor = { email: `new-editor-${stamp}@e2e.test`, name: `新编辑${stamp % 10000}`, role: "编辑", password: "editor-pass-12" };
  const admin = await (await browser.newContext(asRole("admin"))).newPage();
  await admin.goto("/editor/users");
  await admin.getByRole("form", { name: "新建用户" }).getByLabel("邮箱").waitFor();
  await createUser(admin, reporter);
  await createUser(admin, editor);

  const duplicate = admin.getByRole("form", { name: "新建用户" });
  await duplicate.getByLabel("邮箱").fill(reporter.email.toUpperCase());
  await duplicate.getByLabel("姓名").fill("重复");
  await duplicate.getByLabel("初始密码").fill("another-pass-1");
  await duplicate.getByRole("button", { name: "创建用户" }).click();
  await expect(duplicate.getByText("该邮箱已被使用")).toBeVisible();
  await expect(duplicate.getByLabel("姓名")).toHaveValue("重复");

  const reporterPage = await (await browser.newContext()).newPage();
  await signIn(reporterPage, { email: reporter.email, password: reporter.password, name: reporter.name });
  await expect(reporterPage.getByRole("link", { name: "用户" })).toHaveCount(0);
  const editorPage = await (await browser.newContext()).newPage();
  await signIn(editorPage, { email: editor.email, password: editor.password, name: editor.name });

  await admin
    .getByRole("row", { name: new RegExp(reporter.email) })
    .getByRole("button", { name: "停用" })
    .click();
  await expect(admin.getByRole("row", { name: new RegExp(reporter.email) })).toContainText("已停用");
  await reporterPage.goto("/editor");
  await expect(reporterPage).toHaveURL(/\/login/);
});
