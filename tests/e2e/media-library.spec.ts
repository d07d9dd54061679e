// The photo library as the newsroom uses it: several files uploaded at once with their own progress
// and outcome, refused files with the server's reason, a photo's details, focal point, file
// replacement and deletion, what a reporter may not do, the upload limit setting, and XSS vectors
// in the photo's text rendering inert.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { ROOT, type E2ERole } from "./environment";
import { callAction, queryDatabase, type ActionOutcome } from "./server-actions";
import { asRole, withSiteSettingsLock } from "./support";
import { FIELD_VECTORS } from "./xss-vectors";

const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

type Photo = { id: number; caption: string; alt: string; creditText: string; creditKind: string; sourceOrg: string; focalX: number; focalY: number };
type PhotoRow = {
  caption: string;
  alt: string;
  creditText: string;
  creditAuthorId: number | null;
  creditKind: string;
  sourceOrg: string;
  focalX: number;
  focalY: number;
  storageKey: string;
  updatedAt: string;
};

/** A small picture of one colour (with a stripe, so encoders have an edge to keep). */
async function png(width: number, height: number, colour: string): Promise<Buffer> {
  const stripe = Buffer.from(
    `<svg width="${width}" height="${height}"><rect y="${Math.round(height / 3)}" width="${width}" height="${Math.round(height / 6)}" fill="#fff"/></svg>`,
  );
  return sharp({ create: { width, height, channels: 3, background: colour } })
    .composite([{ input: stripe }])
    .png()
    .toBuffer();
}

async function contextAs(browser: Browser, role: E2ERole): Promise<BrowserContext> {
  return browser.newContext(asRole(role));
}

/** Uploads through the route handler, as the library page does; returns the new photo. */
async function uploadPhoto(request: APIRequestContext, name: string, bytes?: Buffer): Promise<Photo> {
  const response = await request.post("/api/media", {
    headers: { "X-File-Name": encodeURIComponent(name), "Content-Type": "application/octet-stream" },
    data: bytes ?? (await png(800, 600, "#2e7d32")),
  });
  const body = (await response.json()) as { photo?: Photo; error?: string };
  if (!body.photo) throw new Error(`upload of ${name} failed (${response.status()}): ${body.error}`);
  return body.photo;
}

function photoRow(id: number): PhotoRow | undefined {
  return queryDatabase<PhotoRow>(`SELECT caption, alt, creditText, creditAuthorId, creditKind, sourceOrg, focalX, focalY, storageKey, updatedAt FROM Photo WHERE id = ?`, id)[0];
}

const photosNamed = (name: string) => queryDatabase(`SELECT id FROM Photo WHERE originalName = ?`, name);

function details(photo: Photo, overrides: Record<string, unknown>) {
  return { photoId: photo.id, caption: "", alt: "", creditAuthorId: null, creditText: "", creditKind: "shot", sourceOrg: "", focalX: 0.5, focalY: 0.5, ...overrides };
}

async function openPhoto(page: Page, id: number) {
  await page.goto(`/editor/media/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`图片 #${id}`);
}

test("an editor uploads two files at once: each gets its own progress bar, both finish and appear in the grid", async ({ browser }) => {
  const context = await contextAs(browser, "editor");
  const page = await context.newPage();
  const tag = stamp();
  const files = [
    { name: `两张之一-${tag}.png`, mimeType: "image/png", buffer: await png(900, 600, "#c62828") },
    {
      name: `两张之二-${tag}.jpg`,
      mimeType: "image/jpeg",
      buffer: await sharp(await png(640, 480, "#1565c0"))
        .jpeg()
        .toBuffer(),
    },
  ];
  await page.goto("/editor/media");
  await expect(page.getByRole("heading", { name: "图片库", level: 1 })).toBeVisible();
  await page.getByLabel("上传图片").setInputFiles(files);

  const progress = page.getByRole("list", { name: "上传进度" });
  for (const file of files) {
    const row = progress.getByRole("listitem").filter({ hasText: file.name });
    await expect(row.getByText("已完成")).toBeVisible();
    await expect(row.getByRole("progressbar", { name: file.name })).toHaveJSProperty("value", 100);
  }
  await expect(page.getByRole("status").filter({ hasText: "上传结束：成功 2 张" })).toBeVisible();

  const grid = page.getByRole("list", { name: "图片", exact: true });
  for (const file of files) {
    const card = grid.getByRole("listitem").filter({ hasText: file.name });
    await expect(card).toBeVisible();
    await expect(card.getByText("编辑小王")).toBeVisible();
    const image = card.locator("img");
    await expect(image).toHaveAttribute("loading", "lazy");
    await expect(image).toHaveAttribute("width", /^\d+$/);
    await expect(image).toHaveAttribute("height", /^\d+$/);
    await image.scrollIntoViewIfNeeded();
    await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBeGreaterThan(0);
    expect(photosNamed(file.name)).toHaveLength(1);
  }
  // Found again by the GET search form, so the URL can be shared.
  await page.getByRole("search", { name: "查找图片" }).getByLabel("关键词").fill(tag);
  await page.getByRole("button", { name: "查找" }).click();
  await expect(page).toHaveURL(new RegExp(`/editor/media\\?q=${tag}`));
  await expect(grid.getByRole("listitem")).toHaveCount(2);
  await context.close();
});

test("refused files show the server's reason next to their names and add nothing; a good file in the same batch still uploads", async ({ browser }) => {
  const context = await contextAs(browser, "reporter");
  const page = await context.newPage();
  const tag = stamp();
  const svg = {
    name: `矢量-${tag}.svg`,
    mimeType: "image/svg+xml",
    buffer: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>`),
  };
  const html = { name: `伪装-${tag}.jpg`, mimeType: "image/jpeg", buffer: Buffer.from(`<!doctype html><html><body><script>alert(1)</script></body></html>`) };
  const good = { name: `正常-${tag}.png`, mimeType: "image/png", buffer: await png(400, 300, "#6a1b9a") };
  await page.goto("/editor/media");
  await page.getByLabel("上传图片").setInputFiles([svg, html, good]);

  const progress = page.getByRole("list", { name: "上传进度" });
  await expect(progress.getByRole("listitem").filter({ hasText: svg.name })).toContainText("不支持 SVG 矢量图：它可以包含脚本");
  await expect(progress.getByRole("listitem").filter({ hasText: html.name })).toContainText("不支持这种文件：只能上传 JPEG、PNG、WebP、GIF 或 AVIF 图片");
  await expect(progress.getByRole("listitem").filter({ hasText: good.name }).getByText("已完成")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "成功 1 张，2 张未能上传" })).toBeVisible();
  // Clearing finished rows keeps the refusals and their reasons.
  await page.getByRole("button", { name: "清除已完成的记录" }).click();
  await expect(progress.getByRole("listitem")).toHaveCount(2);
  await expect(progress.getByText("不支持 SVG 矢量图", { exact: false })).toBeVisible();

  expect(photosNamed(svg.name)).toHaveLength(0);
  expect(photosNamed(html.name)).toHaveLength(0);
  expect(photosNamed(good.name)).toHaveLength(1);
  const grid = page.getByRole("list", { name: "图片", exact: true });
  await expect(grid.getByText(good.name)).toBeVisible();
  await expect(grid.getByText(svg.name)).toHaveCount(0);
  await context.close();
});

test("an editor sets 图说, 替代文字, 摄影 (free text, then an author), 类型 and 来源单位; the page and the library show them", async ({ browser }) => {
  const context = await contextAs(browser, "editor");
  const page = await context.newPage();
  const tag = stamp();
  const photo = await uploadPhoto(context.request, `信息-${tag}.png`);
  await openPhoto(page, photo.id);

  const caption = `玫瑰花开${tag}`;
  await page.getByLabel("图说").fill(caption);
  await page.getByLabel("替代文字").fill("田野里的采花人");
  await page.getByLabel("摄影").fill("王鹏");
  await page.getByLabel("类型").selectOption({ label: "供图" });
  await page.getByLabel("来源单位").fill("新华社");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存图片信息" })).toBeVisible();
  expect(photoRow(photo.id)).toMatchObject({ caption, alt: "田野里的采花人", creditText: "王鹏", creditAuthorId: null, creditKind: "supplied", sourceOrg: "新华社" });

  await page.reload();
  await expect(page.getByLabel("图说")).toHaveValue(caption);
  await expect(page.getByLabel("替代文字")).toHaveValue("田野里的采花人");
  await expect(page.getByLabel("摄影")).toHaveValue("王鹏");
  await expect(page.getByLabel("类型")).toHaveValue("supplied");
  await expect(page.getByLabel("来源单位")).toHaveValue("新华社");
  await expect(page.getByText(`${caption}（新华社 王鹏 供图）`)).toBeVisible();
  await expect(page.getByRole("img", { name: "田野里的采花人" })).toBeVisible();

  // 摄影 as an author: the byline look-up finds the seeded author; picking links them.
  await page.getByLabel("摄影").fill("端到端");
  await page.getByRole("list", { name: "选择作者" }).getByRole("button", { name: "记者 端到端记者" }).click();
  await expect(page.getByText("已关联作者：记者 端到端记者")).toBeVisible();
  await page.getByLabel("类型").selectOption({ label: "摄" });
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存图片信息" })).toBeVisible();
  expect(photoRow(photo.id)).toMatchObject({ creditText: "", creditKind: "shot" });
  expect(photoRow(photo.id)!.creditAuthorId).toBeGreaterThan(0);
  await page.reload();
  await expect(page.getByLabel("摄影")).toHaveValue("端到端记者");
  await expect(page.getByText(`${caption}（记者 端到端记者 摄）`)).toBeVisible();

  await page.goto(`/editor/media?q=${encodeURIComponent(caption)}`);
  const card = page.getByRole("list", { name: "图片", exact: true }).getByRole("listitem");
  await expect(card).toHaveCount(1);
  await expect(card.getByRole("link")).toContainText(caption);
  await expect(card.getByText("（记者 端到端记者 摄）")).toBeVisible();
  await expect(card.getByText("未使用")).toBeVisible();
  await context.close();
});

test("bad details are refused next to the field and what was typed stays", async ({ browser }) => {
  const context = await contextAs(browser, "editor");
  const page = await context.newPage();
  const photo = await uploadPhoto(context.request, `过长-${stamp()}.png`);
  await openPhoto(page, photo.id);
  const before = photoRow(photo.id);
  // The field's maxlength stops typing; a pasted or scripted value is still checked by the server.
  await page.getByLabel("来源单位").evaluate((input: HTMLInputElement) => input.removeAttribute("maxlength"));
  await page.getByLabel("来源单位").fill("单".repeat(61));
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "请修改标出的内容后再保存" })).toBeVisible();
  await expect(page.getByLabel("来源单位")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("来源单位")).toHaveValue("单".repeat(61));
  expect(photoRow(photo.id)).toEqual(before);
  await context.close();
});

test("the focal point is set by clicking the picture, and by keyboard and numbers without a mouse", async ({ browser }) => {
  const context = await contextAs(browser, "editor");
  const page = await context.newPage();
  const photo = await uploadPhoto(context.request, `焦点-${stamp()}.png`, await png(1000, 600, "#ef6c00"));
  await openPhoto(page, photo.id);

  const picture = page.locator(".focal-frame img");
  const box = (await picture.boundingBox())!;
  await picture.click({ position: { x: box.width * 0.25, y: box.height * 0.75 } });
  await expect(page.getByRole("status").filter({ hasText: "焦点已保存" })).toBeVisible();
  expect(photoRow(photo.id)!.focalX).toBeCloseTo(0.25, 1);
  expect(photoRow(photo.id)!.focalY).toBeCloseTo(0.75, 1);
  const marker = page.getByRole("button", { name: /^焦点：/ });
  await expect(marker).toHaveAccessibleName("焦点：横向 25%，纵向 75%。用方向键移动");

  await page.reload();
  await expect(page.getByLabel("焦点横向（%）")).toHaveValue("25");
  await expect(page.getByLabel("焦点纵向（%）")).toHaveValue("75");
  await marker.focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowUp");
  await expect(page.getByRole("status").filter({ hasText: "焦点已保存" })).toBeVisible();
  await expect.poll(() => photoRow(photo.id)!.focalX).toBeCloseTo(0.3, 2);
  expect(photoRow(photo.id)!.focalY).toBeCloseTo(0.7, 2);
  await page.getByLabel("焦点纵向（%）").fill("10");
  await expect.poll(() => photoRow(photo.id)!.focalY).toBeCloseTo(0.1, 2);
  // The library's thumbnail crops around it.
  await page.goto(`/editor/media?q=${encodeURIComponent(`焦点-`)}`);
  await expect(page.locator(`a[href="/editor/media/${photo.id}"] img`)).toHaveCSS("object-position", "30% 10%");
  await context.close();
});

test("delete asks first: 取消 keeps the photo, 确认删除 removes it and its files and goes back to the library", async ({ browser }) => {
  const context = await contextAs(browser, "editor");
  const page = await context.newPage();
  const photo = await uploadPhoto(context.request, `删除-${stamp()}.png`);
  await openPhoto(page, photo.id);
  const fileUrl = await page.locator(".focal-frame img").getAttribute("src");
  expect((await context.request.get(fileUrl!)).status()).toBe(200);

  await page.getByRole("button", { name: "删除", exact: true }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`图片 #${photo.id}`);
  await dialog.getByRole("button", { name: "取消" }).click();
  await expect(dialog).toBeHidden();
  expect(photoRow(photo.id)).toBeDefined();

  await page.getByRole("button", { name: "删除", exact: true }).click();
  await dialog.getByRole("button", { name: "确认删除" }).click();
  await expect(page).toHaveURL(new RegExp(`/editor/media\\?deleted=${photo.id}$`));
  await expect(page.getByRole("status").filter({ hasText: `已删除图片 #${photo.id}` })).toBeVisible();
  expect(photoRow(photo.id)).toBeUndefined();
  expect((await context.request.get(fileUrl!)).status()).toBe(404);
  await page.goto(`/editor/media/${photo.id}`);
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  await context.close();
});

test("replacing the file keeps the photo and its details, and the page shows the new picture", async ({ browser }) => {
  const context = await contextAs(browser, "reporter");
  const page = await context.newPage();
  const photo = await uploadPhoto(context.request, `替换前-${stamp()}.png`, await png(600, 400, "#d32f2f"));
  expect((await callAction(context.request, "updatePhotoDetailsAction", [details(photo, { caption: "替换后图说不变" })], { pathId: photo.id })).result).toMatchObject({ ok: true });
  await openPhoto(page, photo.id);
  const picture = page.locator(".focal-frame img");
  const before = await picture.getAttribute("src");

  await page.getByLabel("选择新的图片文件").setInputFiles({ name: "替换后.png", mimeType: "image/png", buffer: await png(900, 300, "#0277bd") });
  await expect(page.getByRole("status").filter({ hasText: "已换成新文件：替换后.png" })).toBeVisible();
  await expect(picture).not.toHaveAttribute("src", before!);
  await expect(page.getByText("PNG 900×300")).toBeVisible();
  await expect(page.getByLabel("图说")).toHaveValue("替换后图说不变");
  expect((await context.request.get(before!)).status()).toBe(404);
  await context.close();
});

test("a reporter sees an editor's photo read-only and cannot delete; their own photo they edit but cannot delete either", async ({ browser }) => {
  const editor = await contextAs(browser, "editor");
  const reporter = await contextAs(browser, "reporter");
  const editorsPhoto = await uploadPhoto(editor.request, `编辑的图-${stamp()}.png`);
  expect((await callAction(editor.request, "updatePhotoDetailsAction", [details(editorsPhoto, { caption: "编辑写的图说" })], { pathId: editorsPhoto.id })).result).toMatchObject({
    ok: true,
  });
  const page = await reporter.newPage();
  await openPhoto(page, editorsPhoto.id);
  await expect(page.getByText("只能查看：这张图片由 编辑小王 上传")).toBeVisible();
  for (const label of ["图说", "替代文字", "摄影", "类型", "来源单位"]) await expect(page.getByLabel(label)).toBeDisabled();
  await expect(page.getByLabel("图说")).toHaveValue("编辑写的图说");
  await expect(page.getByRole("button", { name: "保存", exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "删除", exact: true })).toHaveCount(0);
  await expect(page.getByLabel("选择新的图片文件")).toHaveCount(0);
  await expect(page.getByLabel("焦点横向（%）")).toHaveCount(0);

  // The actions refuse too, called directly, and nothing changes.
  const before = photoRow(editorsPhoto.id);
  const edit = await callAction(reporter.request, "updatePhotoDetailsAction", [details(editorsPhoto, { caption: "记者改的" })], { pathId: editorsPhoto.id });
  expect(edit.result).toMatchObject({ ok: false, message: "没有权限修改这张图片" });
  const remove = await callAction(reporter.request, "deletePhotoAction", [editorsPhoto.id], { pathId: editorsPhoto.id });
  expect(remove.result).toMatchObject({ ok: false, message: "只有编辑和管理员可以删除图片" });
  expect(photoRow(editorsPhoto.id)).toEqual(before);

  const ownPhoto = await uploadPhoto(reporter.request, `记者的图-${stamp()}.png`);
  await openPhoto(page, ownPhoto.id);
  await expect(page.getByLabel("图说")).toBeEnabled();
  await expect(page.getByRole("button", { name: "保存", exact: true })).toBeVisible();
  await expect(page.getByLabel("选择新的图片文件")).toBeVisible();
  await expect(page.getByRole("button", { name: "删除", exact: true })).toHaveCount(0);
  const ownRemove = await callAction(reporter.request, "deletePhotoAction", [ownPhoto.id], { pathId: ownPhoto.id });
  expect(ownRemove.result).toMatchObject({ ok: false, message: "只有编辑和管理员可以删除图片" });
  expect(photoRow(ownPhoto.id)).toBeDefined();
  await Promise.all([editor.close(), reporter.close()]);
});

test("the library is in every role's navigation; signed out it asks to sign in, and the photo actions refuse", async ({ browser }) => {
  for (const role of ["reporter", "editor", "admin"] as const) {
    const context = await contextAs(browser, role);
    const page = await context.newPage();
    await page.goto("/editor");
    await page.getByRole("navigation", { name: "编辑部" }).getByRole("link", { name: "图片库" }).click();
    await expect(page.getByRole("heading", { name: "图片库", level: 1 })).toBeVisible();
    await context.close();
  }
  const visitor = await browser.newContext();
  const page = await visitor.newPage();
  await page.goto("/editor/media");
  await expect(page).toHaveURL((url) => url.pathname === "/login" && url.searchParams.get("callbackUrl") === "/editor/media");
  const upload = await visitor.request.post("/api/media", { headers: { "X-File-Name": "a.png" }, data: await png(100, 100, "#000") });
  expect(upload.status()).toBe(401);
  await visitor.close();
  // A cookie that names no one passes the redirect but not the action.
  const forged = await browser.newContext();
  await forged.addCookies([{ name: "next-auth.session-token", value: "forged.session.token", url: "http://127.0.0.1:3100" }]);
  const call = await callAction(forged.request, "deletePhotoAction", [1], { pathId: 1 });
  expect(call.result).toMatchObject({ ok: false, message: "登录已失效，请在新标签页重新登录后再保存（表单内容不会丢失）" });
  await forged.close();
});

test("an admin's upload limit applies to the next upload; clearing it restores the default", async ({ browser }) => {
  const admin = await contextAs(browser, "admin");
  const page = await admin.newPage();
  const editor = await contextAs(browser, "editor");
  await page.goto("/editor/settings");
  const form = page.getByRole("form", { name: "图片设置" });
  const save = async (value: string, expected: string) => {
    await form.getByLabel("图片上传大小上限（MB）").fill(value);
    await form.getByRole("button", { name: "保存上限" }).click();
    await expect(form.getByRole(expected.startsWith("已保存") ? "status" : "alert").filter({ hasText: expected })).toBeVisible();
  };
  // The forbidden-action specs save this setting too, in another worker: take turns.
  await withSiteSettingsLock(async () => {
    try {
      await save("0", "请修改标出的内容后再保存");
      await expect(form.getByText("上传大小上限应为 1 到 200 之间的整数（MB）")).toBeVisible();
      await save("1", "已保存图片上传大小上限");
      const tooBig = await editor.request.post("/api/media", { headers: { "X-File-Name": "big.jpg" }, data: Buffer.alloc(1024 * 1024 + 1) });
      expect(tooBig.status()).toBe(413);
      expect(await tooBig.json()).toEqual({ error: "图片文件太大：每张最大 1 MB" });
      const editorPage = await editor.newPage();
      await editorPage.goto("/editor/media");
      await expect(editorPage.getByText("每张不超过 1 MB")).toBeVisible();
      // Only admins: an editor calling the action directly is refused.
      expect((await callAction(editor.request, "updateMediaSettingsAction", [{ maxUploadMegabytes: "200" }])).result).toMatchObject({ ok: false, message: "没有权限执行此操作" });
      await save("", "已保存图片上传大小上限");
    } finally {
      await callAction(admin.request, "updateMediaSettingsAction", [{ maxUploadMegabytes: "" }]);
    }
    await page.reload();
    await expect(form.getByLabel("图片上传大小上限（MB）")).toHaveValue("");
    await expect(form.getByLabel("图片上传大小上限（MB）")).toHaveAttribute("placeholder", /^\d+$/);
    const fine = await editor.request.post("/api/media", { headers: { "X-File-Name": "ok.png" }, data: await png(1200, 1200, "#455a64") });
    expect(fine.status()).toBe(201);
  });
  await Promise.all([admin.close(), editor.close()]);
});

test("XSS vectors in 图说, 替代文字, 摄影, 来源单位 and the file name render as inert text", async ({ browser }) => {
  const context = await contextAs(browser, "editor");
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss().catch(() => {});
  });
  const tag = stamp();
  const vectors = {
    caption: `${FIELD_VECTORS.title}${FIELD_VECTORS.subtitle}${tag}`,
    alt: `"><img src=x onerror=window.__xss=1>`,
    creditText: FIELD_VECTORS.source,
    sourceOrg: FIELD_VECTORS.roleLabel,
  };
  const fileName = `<img src=x onerror=window.__xss=1>${tag}.png`;
  await page.goto("/editor/media");
  await page.getByLabel("上传图片").setInputFiles({ name: fileName, mimeType: "image/png", buffer: await png(500, 400, "#5d4037") });
  await expect(page.getByRole("list", { name: "上传进度" }).getByText("已完成")).toBeVisible();
  const id = Number(photosNamed(fileName)[0]?.id);
  expect(id).toBeGreaterThan(0);
  const saved = await callAction(context.request, "updatePhotoDetailsAction", [details({ id } as Photo, vectors)], { pathId: id });
  expect((saved.result as ActionOutcome<unknown>).ok, saved.body.slice(0, 300)).toBe(true);

  const inspect = async () => {
    await page.evaluate(() => {
      for (const element of Array.from(document.querySelectorAll("main *"))) element.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
    });
    await page.waitForTimeout(300);
    return page.evaluate(() => ({
      marker: (window as unknown as { __xss?: unknown }).__xss,
      injected: Array.from(document.querySelectorAll("main script, main iframe, main svg, main b, main img[onerror], main [onload], main [onclick], main [onmouseover]")).map(
        (element) => element.outerHTML.slice(0, 80),
      ),
    }));
  };
  await openPhoto(page, id);
  await expect(page.getByLabel("图说")).toHaveValue(vectors.caption);
  await expect(page.getByLabel("替代文字")).toHaveValue(vectors.alt);
  await expect(page.getByLabel("摄影")).toHaveValue(vectors.creditText);
  await expect(page.getByLabel("来源单位")).toHaveValue(vectors.sourceOrg);
  await expect(page.locator(".credit-preview p")).toHaveText(`${vectors.caption}（${vectors.sourceOrg} ${vectors.creditText} 摄）`);
  await expect(page.locator(".focal-frame img")).toHaveAttribute("alt", vectors.alt);
  await expect(page.getByText(fileName, { exact: false })).toBeVisible();
  expect(await inspect()).toEqual({ marker: undefined, injected: [] });

  await page.goto(`/editor/media?q=${tag}`);
  const card = page.getByRole("list", { name: "图片", exact: true }).getByRole("listitem");
  await expect(card).toHaveCount(1);
  await expect(card.locator(".photo-card-caption")).toHaveText(vectors.caption);
  await expect(card.locator(".photo-card-credit")).toHaveText(`（${vectors.sourceOrg} ${vectors.creditText} 摄）`);
  await expect(card.getByText(fileName)).toBeVisible();
  expect(await inspect()).toEqual({ marker: undefined, injected: [] });
  expect(dialogs).toEqual([]);
  await context.close();
});

/** Screenshots for a person to look at (MEDIA_SCREENSHOTS=1): the library at 360 and 1366 px, a photo's page. */
test("screenshots of the library and a photo's page", async ({ browser }) => {
  test.skip(!process.env.MEDIA_SCREENSHOTS, "set MEDIA_SCREENSHOTS=1 to take them");
  const folder = path.join(ROOT, "tests/.tmp/screens");
  fs.mkdirSync(folder, { recursive: true });
  const setup = await contextAs(browser, "editor");
  const samples = [
    { colour: "#8d6e63", caption: "平阴县玫瑰镇的花农在田间采摘玫瑰花蕾，今年玫瑰花迎来丰收。", creditText: "王鹏", creditKind: "shot", sourceOrg: "" },
    { colour: "#1e88e5", caption: "济南泉水节开幕式现场。", creditText: "", creditKind: "supplied", sourceOrg: "济南市文化和旅游局" },
    { colour: "#43a047", caption: "", creditText: "", creditKind: "archive", sourceOrg: "" },
  ];
  let lastId = 0;
  for (const [index, sample] of samples.entries()) {
    const photo = await uploadPhoto(
      setup.request,
      `IMG_20260${index + 1}_示例.jpg`,
      await sharp(await png(1600, 1067, sample.colour))
        .jpeg()
        .toBuffer(),
    );
    await callAction(setup.request, "updatePhotoDetailsAction", [details(photo, { ...sample, alt: sample.caption || "资料图片", focalX: 0.3, focalY: 0.4 })], { pathId: photo.id });
    lastId = photo.id;
  }
  await setup.close();
  for (const width of [360, 1366]) {
    const context = await browser.newContext({ ...asRole("editor"), viewport: { width, height: width < 600 ? 780 : 900 } });
    const page = await context.newPage();
    await page.goto("/editor/media");
    await page.getByLabel("上传图片").setInputFiles([
      { name: `截图上传-${width}.png`, mimeType: "image/png", buffer: await png(300, 200, "#f9a825") },
      { name: `截图拒绝-${width}.svg`, mimeType: "image/svg+xml", buffer: Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>") },
    ]);
    await expect(page.getByRole("status").filter({ hasText: "上传结束" })).toBeVisible();
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: path.join(folder, `library-${width}.png`), fullPage: true });
    await page.goto(`/editor/media/${lastId}`);
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: path.join(folder, `photo-${width}.png`), fullPage: true });
    await page.getByRole("button", { name: "删除", exact: true }).click();
    await page.screenshot({ path: path.join(folder, `photo-delete-dialog-${width}.png`) });
    await context.close();
  }
});
