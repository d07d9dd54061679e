// Photos in the edit form: the 题图 group (upload, library, 图说, 替代文字, 摄影), 插入图片 and
// 插入组图 in the body, pasted images and pasted HTML, and the alt-text rule at publishing.
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import sharp from "sharp";
import { splitBody } from "../../lib/articles/body";
import { queryDatabase } from "./server-actions";
import { asRole, openEditor } from "./support";

/** A small picture of one colour with a darker band, so each test's files differ. */
async function picture(colour: string, format: "png" | "jpeg" = "png", width = 900, height = 600): Promise<Buffer> {
  const band = await sharp({ create: { width, height: Math.round(height / 5), channels: 3, background: "#223" } })
    .png()
    .toBuffer();
  const image = sharp({ create: { width, height, channels: 3, background: colour } }).composite([{ input: band, top: Math.round(height / 2), left: 0 }]);
  return format === "png" ? image.png().toBuffer() : image.jpeg({ quality: 85 }).toBuffer();
}

const unique = (label: string) => `${label}${Date.now()}${Math.floor(Math.random() * 1000)}`;

async function newArticle(page: Page, title: string, text: string) {
  await openEditor(page, "/editor/articles/new");
  await page.getByLabel("标题", { exact: true }).fill(title);
  const body = page.getByRole("textbox", { name: "正文" });
  await body.click();
  await page.keyboard.type(text);
  return body;
}

/** Saves (or publishes) a new article and waits for its edit page; returns its id. */
async function saveNew(page: Page, button: "保存" | "发布", done: RegExp) {
  await page.getByRole("button", { name: button, exact: true }).click();
  await expect(page).toHaveURL(/\/editor\/articles\/\d+$/);
  await expect(page.getByRole("status").filter({ hasText: done })).toBeVisible();
  await page.getByRole("textbox", { name: "正文" }).waitFor();
  return Number(page.url().split("/").pop());
}

/** Dispatches a paste on the body as a browser does, with files and/or HTML on the clipboard. */
async function paste(body: Locator, clipboard: { files?: { name: string; type: string; base64: string }[]; html?: string; text?: string }) {
  await body.evaluate((element, data) => {
    const transfer = new DataTransfer();
    for (const file of data.files ?? []) {
      const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0));
      transfer.items.add(new File([bytes], file.name, { type: file.type }));
    }
    if (data.html) transfer.setData("text/html", data.html);
    if (data.text) transfer.setData("text/plain", data.text);
    element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, clipboard);
}

test("题图 uploaded through 上传题图 with its 图说, 替代文字 and 摄影 is published and comes back in the form", async ({ browser }) => {
  const page = await (await browser.newContext(asRole("editor"))).newPage();
  const title = unique("题图上传测试");
  const caption = unique("玫瑰花农在田间采摘");
  await newArticle(page, title, "平阴县玫瑰进入盛花期。");
  const lead = page.getByRole("group", { name: "题图" });
  await expect(lead.getByLabel("图说")).toBeDisabled();
  await lead.getByLabel("上传题图").setInputFiles({ name: "题图.png", mimeType: "image/png", buffer: await picture("#c2185b") });
  await expect(lead.getByRole("img", { name: /题图预览/ })).toBeVisible();
  await lead.getByLabel("图说").fill(caption);
  await lead.getByLabel("替代文字").fill("田里的采花人提着竹篮");
  await lead.getByLabel("摄影").fill("端到端摄影师");
  const id = await saveNew(page, "发布", /已发布/);

  await page.reload();
  const saved = page.getByRole("group", { name: "题图" });
  await expect(saved.getByRole("img", { name: /题图预览/ })).toBeVisible();
  await expect(saved.getByLabel("图说")).toHaveValue(caption);
  await expect(saved.getByLabel("替代文字")).toHaveValue("田里的采花人提着竹篮");
  // The 摄影 was saved on the photo itself (before the article).
  await expect(saved.getByLabel("摄影")).toHaveValue("端到端摄影师");
  expect((await page.request.get(`/articles/${id}`)).status()).toBe(200);
});

test("the reader page shows the published 题图 with this article's 图说", async ({ browser }) => {
  const page = await (await browser.newContext(asRole("editor"))).newPage();
  const caption = unique("读者看到的图说");
  await newArticle(page, unique("题图读者页测试"), "正文。");
  const lead = page.getByRole("group", { name: "题图" });
  await lead.getByLabel("上传题图").setInputFiles({ name: "题图.png", mimeType: "image/png", buffer: await picture("#00897b") });
  await expect(lead.getByRole("img", { name: /题图预览/ })).toBeVisible();
  await lead.getByLabel("图说").fill(caption);
  await lead.getByLabel("替代文字").fill("读者页的替代文字");
  const id = await saveNew(page, "发布", /已发布/);
  const reader = await browser.newPage();
  await reader.goto(`/articles/${id}`);
  await expect(reader.getByRole("figure").filter({ hasText: caption }).getByRole("img", { name: "读者页的替代文字" })).toBeVisible();
});

test("publishing without 替代文字 for the 题图 is refused, with the reason next to the field", async ({ browser }) => {
  const page = await (await browser.newContext(asRole("editor"))).newPage();
  await newArticle(page, unique("缺替代文字测试"), "正文。");
  const lead = page.getByRole("group", { name: "题图" });
  await lead.getByLabel("上传题图").setInputFiles({ name: "无替代文字.jpg", mimeType: "image/jpeg", buffer: await picture("#5d4037", "jpeg") });
  await expect(lead.getByRole("img", { name: /题图预览/ })).toBeVisible();
  await page.getByRole("button", { name: "发布", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "发布前请为文章中的每张图片填写替代文字" })).toBeVisible();
  const alt = lead.getByLabel("替代文字");
  await expect(alt).toHaveAttribute("aria-invalid", "true");
  await expect(alt).toHaveAccessibleDescription(/发布前请为题图填写替代文字/);
  await expect(lead.getByText("发布前请为题图填写替代文字")).toBeVisible();
  await expect(page).toHaveURL(/\/editor\/articles\/new$/);
});

test("a 题图 set but not saved makes the form dirty and comes back with the local draft", async ({ browser }) => {
  const context = await browser.newContext(asRole("reporter"));
  const page = await context.newPage();
  await newArticle(page, unique("题图草稿测试"), "正文。");
  const url = `/editor/articles/${await saveNew(page, "保存", /已保存/)}`;
  const lead = page.getByRole("group", { name: "题图" });
  await lead.getByLabel("上传题图").setInputFiles({ name: "草稿题图.png", mimeType: "image/png", buffer: await picture("#4527a0") });
  await expect(lead.getByRole("img", { name: /题图预览/ })).toBeVisible();
  await lead.getByLabel("图说").fill("还没保存的题图图说");
  await expect(page.getByText("有未保存的修改")).toBeVisible();
  await page.waitForTimeout(6_000);
  await page.close();

  const reopened = await context.newPage();
  await openEditor(reopened, url);
  const again = reopened.getByRole("group", { name: "题图" });
  await expect(again.getByText("还没有题图")).toBeVisible();
  await reopened.getByRole("button", { name: "恢复草稿" }).click();
  await expect(again.getByRole("img", { name: /题图预览/ })).toBeVisible();
  await expect(again.getByLabel("图说")).toHaveValue("还没保存的题图图说");
  await reopened.getByRole("button", { name: "保存", exact: true }).click();
  await expect(reopened.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
  await reopened.reload();
  await expect(reopened.getByRole("group", { name: "题图" }).getByLabel("图说")).toHaveValue("还没保存的题图图说");
});

test("从图片库选择 finds a library photo by its file name and makes it the 题图", async ({ browser }) => {
  const page = await (await browser.newContext(asRole("reporter"))).newPage();
  const fileName = unique("图片库里的照片");
  const uploaded = await page.request.post("/api/media", {
    headers: { "X-File-Name": encodeURIComponent(`${fileName}.jpg`), "Content-Type": "image/jpeg" },
    data: await picture("#1565c0", "jpeg"),
  });
  expect(uploaded.status()).toBe(201);
  await newArticle(page, unique("图片库选择测试"), "正文。");
  const lead = page.getByRole("group", { name: "题图" });
  await lead.getByRole("button", { name: "从图片库选择" }).click();
  const dialog = page.getByRole("dialog", { name: "从图片库选择" });
  await dialog.getByLabel("搜索图片").fill(fileName);
  await dialog.getByRole("button", { name: "搜索" }).click();
  await expect(dialog.getByText("共 1 张")).toBeVisible();
  await dialog.getByRole("button", { name: new RegExp(fileName) }).click();
  await expect(dialog).toBeHidden();
  await expect(lead.getByRole("img", { name: new RegExp(fileName) })).toBeVisible();
  await expect(lead.getByLabel("替代文字")).toBeEnabled();
  await lead.getByLabel("替代文字").fill("从图片库选来的照片");
  await saveNew(page, "保存", /已保存/);
  await page.reload();
  await expect(page.getByRole("group", { name: "题图" }).getByLabel("替代文字")).toHaveValue("从图片库选来的照片");
});

test("插入图片 uploads a picture into the body, where it gets its 图说; the saved body keeps the figure", async ({ browser }) => {
  const page = await (await browser.newContext(asRole("reporter"))).newPage();
  const body = await newArticle(page, unique("插入图片测试"), "图片上面的一段。");
  await page.getByRole("button", { name: "插入图片" }).click();
  const dialog = page.getByRole("dialog", { name: "插入图片" });
  await dialog.getByLabel("上传图片").setInputFiles({ name: "正文配图.png", mimeType: "image/png", buffer: await picture("#2e7d32") });
  await expect(dialog).toBeHidden();
  const figure = body.locator(".body-figure");
  await expect(figure.getByRole("img")).toBeVisible();
  await figure.getByLabel("图片说明").fill("正文配图的图说");
  await figure.getByLabel("图片描述").fill("绿色的试验田");
  await saveNew(page, "保存", /已保存/);
  await page.reload();
  const saved = page.getByRole("textbox", { name: "正文" }).locator(".body-figure");
  await expect(saved.getByRole("img", { name: "绿色的试验田" })).toBeVisible();
  await expect(saved.getByLabel("图片说明")).toHaveValue("正文配图的图说");
  await expect(page.getByRole("textbox", { name: "正文" }).locator("p").first()).toHaveText("图片上面的一段。");
});

test("a pasted picture is uploaded with its own progress and becomes a figure", async ({ browser }) => {
  const page = await (await browser.newContext(asRole("reporter"))).newPage();
  const body = await newArticle(page, unique("粘贴图片测试"), "粘贴在这里：");
  const png = (await picture("#f9a825")).toString("base64");
  await paste(body, { files: [{ name: "截图.png", type: "image/png", base64: png }] });
  await expect(body.locator(".body-figure img")).toHaveCount(1);
  await expect(body.locator(".body-upload")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "保存", exact: true })).toBeEnabled();
});

test("a picture dropped on the body is uploaded where it was dropped", async ({ browser }) => {
  const page = await (await browser.newContext(asRole("reporter"))).newPage();
  const body = await newArticle(page, unique("拖放图片测试"), "第一段。");
  await page.keyboard.press("Enter");
  await page.keyboard.type("第二段。");
  const first = body.locator("p").first();
  const png = (await picture("#00695c")).toString("base64");
  await first.evaluate((paragraph, base64) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))], "拖进来的.png", { type: "image/png" }));
    const box = paragraph.getBoundingClientRect();
    paragraph.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, clientX: box.right - 2, clientY: box.top + box.height / 2, bubbles: true, cancelable: true }));
  }, png);
  await expect(body.locator(".body-figure img")).toHaveCount(1);
  await expect(body.locator(".node-photoFigure + p")).toHaveText("第二段。");
});

test("a figure naming a photo the library does not have is left out by the save, and the message says so", async ({ browser }) => {
  const page = await (await browser.newContext(asRole("reporter"))).newPage();
  const body = await newArticle(page, unique("不在库中测试"), "");
  await paste(body, { html: '<p>正文。</p><figure data-photo-id="999999"><img src="/media/none.jpg" alt="不存在"><figcaption>不存在的图片</figcaption></figure>', text: "正文。" });
  await expect(body.locator(".body-figure")).toHaveCount(1);
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page).toHaveURL(/\/editor\/articles\/\d+$/);
  await expect(page.getByRole("status").filter({ hasText: "1 张图片不在图片库中，没有保存" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "正文" }).locator(".body-figure")).toHaveCount(0);
});

test("pasted HTML: a data: image is uploaded, an image on another site is reported and left out", async ({ browser }) => {
  const page = await (await browser.newContext(asRole("reporter"))).newPage();
  const body = await newArticle(page, unique("粘贴网页测试"), "");
  const png = (await picture("#6a1b9a")).toString("base64");
  const html = `<p>来自公众号的第一段。</p><p><img src="data:image/png;base64,${png}"></p><p>第二段。<img src="https://mmbiz.qpic.cn/mmbiz_jpg/abc/640?wx_fmt=jpeg"></p>`;
  await paste(body, { html, text: "来自公众号的第一段。\n第二段。" });
  await expect(page.getByRole("alert").filter({ hasText: "1 张图片无法导入：请先下载图片再上传" })).toBeVisible();
  await expect(body.locator(".body-figure img")).toHaveCount(1);
  await expect(body).toContainText("来自公众号的第一段。");
  await expect(body).toContainText("第二段。");
  await saveNew(page, "保存", /已保存/);
  await expect(page.getByRole("status").filter({ hasText: "不在图片库中" })).toHaveCount(0);
  await expect(page.getByRole("textbox", { name: "正文" }).locator(".body-figure img")).toHaveCount(1);
});

test("插入组图: photos uploaded in the picker become a 组图 with 分说明 and 总说明, kept in order by the save", async ({ browser }) => {
  const page = await (await browser.newContext(asRole("reporter"))).newPage();
  const body = await newArticle(page, unique("组图测试"), "组图前的一段。");
  await page.getByRole("button", { name: "插入组图" }).click();
  const dialog = page.getByRole("dialog", { name: "插入组图" });
  await dialog.getByLabel("上传图片").setInputFiles([
    { name: "组图一.png", mimeType: "image/png", buffer: await picture("#ef6c00") },
    { name: "组图二.png", mimeType: "image/png", buffer: await picture("#0277bd") },
  ]);
  await expect(dialog.getByText("已选 2 张", { exact: true })).toBeVisible();
  await dialog.getByRole("button", { name: "确定" }).click();
  const gallery = body.locator(".body-gallery");
  await expect(gallery.getByRole("img")).toHaveCount(2);
  // The cursor went below the 组图 when it was inserted: typing goes on after it.
  await page.keyboard.type("组图后的一段。");
  await expect(body.locator(".node-photoGallery + p")).toHaveText("组图后的一段。");
  await gallery.getByLabel("第 1 张的分说明").fill("第一张的分说明");
  await gallery.getByLabel("第 2 张的分说明").fill("第二张的分说明");
  await gallery.getByLabel("第 1 张的图片描述").fill("橙色");
  await gallery.getByLabel("第 2 张的图片描述").fill("蓝色");
  await gallery.getByRole("button", { name: "下移第 1 张" }).click();
  await gallery.getByLabel("总说明").fill("两张图的总说明");
  // What the editor's nodes write (getHTML) is what the server keeps after sanitizing and checking the photos.
  const written = await body.evaluate((element) => (element as HTMLElement & { editor: { getHTML(): string } }).editor.getHTML());
  expect(written).toMatch(/<figure data-gallery=""><figure data-photo-id="\d+"><img src="\/media\/[^"]+" alt="蓝色"><figcaption>第二张的分说明<\/figcaption><\/figure>/);
  const id = await saveNew(page, "保存", /已保存/);
  const [{ bodyHtml }] = queryDatabase<{ bodyHtml: string }>("SELECT bodyHtml FROM Article WHERE id = ?", id);
  expect(splitBody(bodyHtml)).toEqual(splitBody(written));
  expect(splitBody(bodyHtml).find((part) => part.kind === "gallery")).toMatchObject({
    caption: "两张图的总说明",
    photos: [
      { alt: "蓝色", caption: "第二张的分说明" },
      { alt: "橙色", caption: "第一张的分说明" },
    ],
  });
  await page.reload();
  const saved = page.getByRole("textbox", { name: "正文" }).locator(".body-gallery");
  await expect(saved.getByLabel("第 1 张的分说明")).toHaveValue("第二张的分说明");
  await expect(saved.getByLabel("第 2 张的分说明")).toHaveValue("第一张的分说明");
  await expect(saved.getByLabel("总说明")).toHaveValue("两张图的总说明");
  await expect(saved.getByRole("img", { name: "蓝色" })).toBeVisible();
});

test("the edit form with a 题图, a figure and a 组图, on a phone and a desktop (screenshots)", async ({ browser }) => {
  const folder = process.env.SCREENSHOT_DIR;
  test.skip(!folder, "set SCREENSHOT_DIR to take the screenshots");
  const page = await (await browser.newContext(asRole("editor"))).newPage();
  const body = await newArticle(page, "平阴县玫瑰产业：从田间到车间", "平阴县玫瑰进入盛花期，花农忙着采摘。");
  const lead = page.getByRole("group", { name: "题图" });
  await lead.getByLabel("上传题图").setInputFiles({ name: "玫瑰田.png", mimeType: "image/png", buffer: await picture("#ad1457", "png", 1600, 1000) });
  await expect(lead.getByRole("img", { name: /题图预览/ })).toBeVisible();
  await lead.getByLabel("图说").fill("3月2日，平阴县玫瑰镇的花农在田间采摘玫瑰花蕾。");
  await lead.getByLabel("替代文字").fill("花农提着竹篮在玫瑰田里采摘");
  await lead.getByLabel("摄影").fill("王晓明");
  await page.getByRole("button", { name: "插入图片" }).click();
  await page
    .getByRole("dialog", { name: "插入图片" })
    .getByLabel("上传图片")
    .setInputFiles({ name: "车间.png", mimeType: "image/png", buffer: await picture("#558b2f", "png", 1200, 800) });
  await expect(body.locator(".body-figure img")).toBeVisible();
  await body.locator(".body-figure").getByLabel("图片说明").fill("玫瑰深加工车间里的生产线。");
  await page.getByRole("button", { name: "插入组图" }).click();
  await page
    .getByRole("dialog", { name: "插入组图" })
    .getByLabel("上传图片")
    .setInputFiles([
      { name: "一.png", mimeType: "image/png", buffer: await picture("#6d4c41") },
      { name: "二.png", mimeType: "image/png", buffer: await picture("#00838f") },
      { name: "三.png", mimeType: "image/png", buffer: await picture("#f9a825") },
    ]);
  await expect(page.getByRole("dialog", { name: "插入组图" }).getByText("已选 3 张", { exact: true })).toBeVisible();
  await page.getByRole("dialog", { name: "插入组图" }).getByRole("button", { name: "确定" }).click();
  await body.locator(".body-gallery").getByLabel("总说明").fill("玫瑰花茶的三道工序。");
  await saveNew(page, "保存", /已保存/);
  for (const width of [390, 1366]) {
    await page.setViewportSize({ width, height: width < 500 ? 844 : 900 });
    await page.screenshot({ path: path.join(folder!, `edit-form-photos-${width}.png`), fullPage: true });
  }
  await page.getByRole("group", { name: "题图" }).getByRole("button", { name: "从图片库选择" }).click();
  await expect(page.getByRole("dialog", { name: "从图片库选择" }).locator(".picker-item").first()).toBeVisible();
  for (const width of [390, 1366]) {
    await page.setViewportSize({ width, height: width < 500 ? 844 : 900 });
    await page.screenshot({ path: path.join(folder!, `photo-picker-${width}.png`) });
  }
});
