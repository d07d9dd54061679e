// How readers see photos: the 题图 (fetched first) with 图说 and credit, inline figures and a 组图 in
// the body, thumbnails in lists, share cards; the 组图 by keyboard and without JavaScript; markup in
// captions, alt text and credits shown as text. Photos are uploaded through /api/media as the editor
// (images made with sharp), their details set through lib (tests/e2e/photo-details.ts), and the
// article published through saveArticleAction.
import { expect, test, type APIRequestContext, type Browser, type Locator, type Page } from "@playwright/test";
import sharp from "sharp";
import { articleInput, saveArticleOrThrow } from "./server-actions";
import { asRole, fixtures, setPhotoDetails } from "./support";
import { FIELD_VECTORS } from "./xss-vectors";

test.describe.configure({ mode: "serial" });

const unique = (label: string) => `${label}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const CREDIT = "（本报记者 王晓明 摄）";

/** A JPEG that looks like something: a colour gradient, a few shapes and a big number. */
async function testPhoto(label: string, width: number, height: number, hue: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},70%,55%)"/><stop offset="1" stop-color="hsl(${(hue + 60) % 360},60%,30%)"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    <circle cx="${width * 0.3}" cy="${height * 0.7}" r="${Math.min(width, height) * 0.18}" fill="#fff" opacity=".85"/>
    <rect x="${width * 0.6}" y="${height * 0.15}" width="${width * 0.25}" height="${height * 0.3}" fill="#000" opacity=".25"/>
    <text x="50%" y="55%" font-family="sans-serif" font-size="${Math.round(height / 3)}" font-weight="700" fill="#fff" text-anchor="middle">${label}</text>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

type Uploaded = { id: number; variantsPending: boolean; variants: { format: string; width: number }[] };

/** Uploads through POST /api/media and waits until every variant exists, so pages show the whole srcset. */
async function upload(request: APIRequestContext, label: string, width: number, height: number, hue: number): Promise<number> {
  const response = await request.post("/api/media", {
    headers: { "Content-Type": "application/octet-stream", "X-File-Name": encodeURIComponent(`${label}.jpg`) },
    data: await testPhoto(label, width, height, hue),
  });
  expect(response.status(), await response.text()).toBe(201);
  const { photo } = (await response.json()) as { photo: Uploaded };
  await expect
    .poll(async () => ((await (await request.get(`/api/media/${photo.id}`)).json()) as { photo: Uploaded }).photo.variantsPending, { timeout: 60_000, intervals: [250, 500, 1000] })
    .toBe(false);
  return photo.id;
}

const figureHtml = (photoId: number, alt: string, caption: string) => `<figure data-photo-id="${photoId}"><img src="" alt="${alt}"><figcaption>${caption}</figcaption></figure>`;

type World = { articleId: number; title: string; authorName: string; lead: number; inline: number; gallery: number[] };
let world: World;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  const editor = await browser.newContext(asRole("editor"));
  const lead = await upload(editor.request, "题图", 2400, 1600, 10);
  const inline = await upload(editor.request, "插图", 1600, 1067, 200);
  const gallery = [await upload(editor.request, "1", 1600, 1067, 120), await upload(editor.request, "2", 1000, 1400, 280), await upload(editor.request, "3", 1600, 900, 40)];
  setPhotoDetails(
    [lead, inline, ...gallery].map((photoId, index) => ({
      photoId,
      caption: index === 0 ? "平阴玫瑰进入盛花期" : `库图说${index}`,
      alt: index === 0 ? "玫瑰田里采花的农民" : `库替代文字${index}`,
      creditAuthor: { name: "王晓明", roleLabel: "本报记者" },
      creditText: "",
      creditKind: "shot",
      sourceOrg: "",
      focalX: index === 0 ? 0.3 : 0.5,
      focalY: index === 0 ? 0.7 : 0.5,
    })),
  );
  const title = unique("组图稿件");
  const authorName = unique("图片记者");
  const bodyHtml = [
    "<p>第一段正文，题图之后。</p>",
    figureHtml(inline, "插图替代文字", "插图图说"),
    "<p>第二段正文，插图之后。</p>",
    `<figure data-gallery="">${gallery.map((id, index) => figureHtml(id, `组图替代文字${index + 1}`, `分说明${index + 1}`)).join("")}<figcaption>组图总说明</figcaption></figure>`,
    "<p>末段正文。</p>",
  ].join("");
  const saved = await saveArticleOrThrow(editor.request, {
    articleId: null,
    baseVersion: 0,
    intent: "publish",
    input: articleInput({
      title,
      summary: "带题图、插图和组图的稿件。",
      bodyHtml,
      lead: { photoId: lead, caption: "", alt: "" },
      bylines: [{ authorId: null, authorName, roleLabel: "本报记者" }],
    }),
  });
  await editor.close();
  world = { articleId: saved.articleId, title, authorName, lead, inline, gallery };
});

/** The <img> of a figure, with the attributes readers' browsers go by. */
async function imageOf(figure: Locator) {
  return figure.locator("img").evaluate((img: HTMLImageElement) => ({
    srcset: img.getAttribute("srcset") ?? "",
    sizes: img.getAttribute("sizes") ?? "",
    width: img.getAttribute("width"),
    height: img.getAttribute("height"),
    alt: img.getAttribute("alt"),
    loading: img.getAttribute("loading"),
    fetchpriority: img.getAttribute("fetchpriority"),
    sourceType: img.parentElement?.tagName === "PICTURE" ? (img.parentElement.querySelector("source")?.getAttribute("type") ?? null) : null,
  }));
}

const galleryCaptions = (page: Page) => page.locator(".gallery .gallery__item figcaption");

/** The list item of the world's article, and its thumbnail's attributes. */
async function expectThumbnail(item: Locator) {
  const img = item.locator("picture.thumb img");
  await expect(img).toHaveAttribute("alt", "玫瑰田里采花的农民");
  const attributes = await img.evaluate((element: HTMLImageElement) => ({
    width: element.getAttribute("width"),
    height: element.getAttribute("height"),
    loading: element.getAttribute("loading"),
    srcset: element.getAttribute("srcset"),
    sizes: element.getAttribute("sizes"),
    fit: getComputedStyle(element).objectFit,
    position: getComputedStyle(element).objectPosition,
    ratio: element.getBoundingClientRect().width / element.getBoundingClientRect().height,
  }));
  expect(attributes).toMatchObject({ width: "160", height: "120", loading: "lazy", sizes: "(min-width: 48rem) 10rem, 33vw", fit: "cover", position: "30% 70%" });
  expect(attributes.srcset).toContain("320w");
  expect(attributes.ratio).toBeCloseTo(4 / 3, 1);
}

test("lists show the 题图 as a thumbnail: the front page, the author's page and search", async ({ page }) => {
  await page.goto("/");
  await expectThumbnail(page.locator(".article-list > li").filter({ hasText: world.title }));
  // Articles without a 题图 have none (the seeded channel has no photos).
  await page.goto(`/channels/${fixtures().channel.slug}`);
  await expect(page.locator(".article-list > li").first()).toBeVisible();
  await expect(page.locator(".article-list img")).toHaveCount(0);

  await page.goto(`/articles/${world.articleId}`);
  await page.locator(".byline").getByRole("link", { name: world.authorName }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(world.authorName);
  await expectThumbnail(page.locator(".article-list > li").filter({ hasText: world.title }));

  await page.goto(`/search?q=${encodeURIComponent(world.title)}`);
  await expectThumbnail(page.locator(".search-results > li").filter({ hasText: world.title }));
});

test("the article page shows the 题图 first, then the body's figure and 组图 with 图说 and credit", async ({ page }) => {
  await page.goto(`/articles/${world.articleId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(world.title);

  const lead = page.locator("figure.lead");
  await expect(lead.locator("figcaption")).toHaveText(`平阴玫瑰进入盛花期${CREDIT}`);
  const leadImage = await imageOf(lead);
  expect(leadImage).toMatchObject({ width: "1920", height: "1280", alt: "玫瑰田里采花的农民", loading: null, fetchpriority: "high", sourceType: "image/avif" });
  expect(leadImage.srcset).toMatch(/^\/media\/\S+ 320w, (\/media\/\S+ \d+w, ){4}\/media\/\S+ 1920w$/);
  expect(leadImage.sizes).toBeTruthy();
  // It precedes the body and really loads.
  expect(await lead.evaluate((figure) => figure.nextElementSibling?.classList.contains("article-body"))).toBe(true);
  await expect.poll(() => lead.locator("img").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

  const body = page.locator(".article-body");
  const inline = page.locator(".article-body > figure.photo");
  await expect(inline.locator("figcaption")).toHaveText(`插图图说${CREDIT}`);
  expect(await imageOf(inline)).toMatchObject({ width: "1600", height: "1067", alt: "插图替代文字", loading: "lazy", fetchpriority: null, sourceType: "image/avif" });

  // Reading order: text, figure, text, each 组图 figure with its 分说明, the 总说明, text.
  const order = await body.locator("p:not(.gallery__position), figcaption").allTextContents();
  expect(order).toEqual([
    "第一段正文，题图之后。",
    `插图图说${CREDIT}`,
    "第二段正文，插图之后。",
    `分说明1${CREDIT}`,
    `分说明2${CREDIT}`,
    `分说明3${CREDIT}`,
    "组图总说明",
    "末段正文。",
  ]);
  for (const figure of await body.locator(".gallery__item figure").all()) expect(await imageOf(figure)).toMatchObject({ loading: "lazy", sourceType: "image/avif" });
});

test("share cards and NewsArticle name the 题图 with an absolute address and its size", async ({ page, baseURL }) => {
  await page.goto(`/articles/${world.articleId}`);
  const ogImage = await page.locator('meta[property="og:image"]').getAttribute("content");
  expect(ogImage).toMatch(new RegExp(`^${baseURL}/media/\\S+\\.jpg$`));
  await expect(page.locator('meta[property="og:image:width"]')).toHaveAttribute("content", "1280");
  await expect(page.locator('meta[property="og:image:height"]')).toHaveAttribute("content", /^\d+$/);
  await expect(page.locator('meta[property="og:image:alt"]')).toHaveAttribute("content", "玫瑰田里采花的农民");
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
  await expect(page.locator('meta[name="twitter:image"]')).toHaveAttribute("content", ogImage!);
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  expect(jsonLd.image).toEqual([expect.objectContaining({ "@type": "ImageObject", url: ogImage, width: 1280 })]);
  expect((await page.request.get(ogImage!)).headers()["content-type"]).toBe("image/jpeg");

  // An article without a 题图 names no image.
  await page.goto(`/articles/${fixtures().recentId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("一小时前的测试稿件");
  // Next fills a plain Twitter card from Open Graph, as it always did here.
  await expect(page.locator('meta[property="og:image"], meta[name="twitter:image"]')).toHaveCount(0);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary");
  expect(JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}")).not.toHaveProperty("image");
});

test("the 组图 turns one photo at a time by keyboard and buttons", async ({ page }) => {
  await page.goto(`/articles/${world.articleId}`);
  const viewer = page.getByRole("region", { name: "组图：组图总说明" });
  const position = viewer.locator(".gallery__position");
  await expect(position).toHaveText("1 / 3");
  await expect(galleryCaptions(page).filter({ visible: true })).toHaveText([`分说明1${CREDIT}`]);

  await viewer.focus();
  await page.keyboard.press("ArrowRight");
  await expect(position).toHaveText("2 / 3");
  await expect(galleryCaptions(page).filter({ visible: true })).toHaveText([`分说明2${CREDIT}`]);
  await expect(viewer.getByRole("img", { name: "组图替代文字2" })).toBeVisible();
  await expect(viewer.getByRole("img", { name: "组图替代文字1" })).toBeHidden();

  await viewer.getByRole("button", { name: "下一张" }).click();
  await expect(position).toHaveText("3 / 3");
  await page.keyboard.press("ArrowRight");
  await expect(position).toHaveText("1 / 3");
  await page.keyboard.press("ArrowLeft");
  await expect(position).toHaveText("3 / 3");
  await viewer.getByRole("button", { name: "上一张" }).click();
  await expect(galleryCaptions(page).filter({ visible: true })).toHaveText([`分说明2${CREDIT}`]);
  // The 总说明 stays under whichever photo is shown; every figure is still in the page, in order.
  await expect(page.locator(".gallery > figcaption")).toHaveText("组图总说明");
  await expect(galleryCaptions(page)).toHaveText([`分说明1${CREDIT}`, `分说明2${CREDIT}`, `分说明3${CREDIT}`]);
});

test("a swipe on a touch screen turns the 组图", async ({ browser }) => {
  const context = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`/articles/${world.articleId}`);
  const viewer = page.getByRole("region", { name: "组图：组图总说明" });
  await expect(viewer.locator(".gallery__position")).toHaveText("1 / 3");
  await viewer.scrollIntoViewIfNeeded();
  const box = (await viewer.locator(".gallery__item:not([hidden]) img").boundingBox())!;
  const y = box.y + box.height / 2;
  await viewer.dispatchEvent("pointerdown", { pointerId: 7, pointerType: "touch", clientX: box.x + box.width * 0.8, clientY: y, isPrimary: true });
  await viewer.dispatchEvent("pointerup", { pointerId: 7, pointerType: "touch", clientX: box.x + box.width * 0.2, clientY: y + 10, isPrimary: true });
  await expect(viewer.locator(".gallery__position")).toHaveText("2 / 3");
  await viewer.dispatchEvent("pointerdown", { pointerId: 8, pointerType: "touch", clientX: box.x + 20, clientY: y, isPrimary: true });
  await viewer.dispatchEvent("pointerup", { pointerId: 8, pointerType: "touch", clientX: box.x + 25, clientY: y + 200, isPrimary: true });
  await expect(viewer.locator(".gallery__position")).toHaveText("2 / 3");
  await context.close();
});

test("on a 360 px phone the article with photos fits the width and nothing moves while it loads", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.addInitScript(() => {
    (window as unknown as { layoutShift: number }).layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[])
        if (!entry.hadRecentInput) (window as unknown as { layoutShift: number }).layoutShift += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto(`/articles/${world.articleId}`);
  await page.waitForLoadState("networkidle");
  await expect(page.locator(".gallery__position")).toHaveText("1 / 3");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const lead = (await page.locator("figure.lead img").boundingBox())!;
  expect(lead.width).toBeCloseTo(360 - 32, 0);
  expect(lead.height).toBeCloseTo(((360 - 32) * 1280) / 1920, 0);
  expect(await page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift)).toBeLessThan(0.01);
  await context.close();
});

test("replacing a photo's file shows the new picture in every article that uses it", async ({ browser }) => {
  const editor = await browser.newContext(asRole("editor"));
  const photoId = await upload(editor.request, "旧", 1200, 800, 300);
  const publish = (title: string, input: Partial<Parameters<typeof articleInput>[0]>) =>
    saveArticleOrThrow(editor.request, { articleId: null, baseVersion: 0, intent: "publish", input: articleInput({ title: unique(title), ...input }) });
  const asLead = await publish("换图题图稿", { lead: { photoId, caption: "", alt: "换图测试" } });
  const asFigure = await publish("换图插图稿", { bodyHtml: `<p>正文。</p>${figureHtml(photoId, "换图测试", "换图图说")}` });
  const reader = await browser.newPage();
  const shown = async (articleId: number) => {
    await reader.goto(`/articles/${articleId}`);
    return reader.getByRole("img", { name: "换图测试" }).first().getAttribute("srcset");
  };
  const before = [await shown(asLead.articleId), await shown(asFigure.articleId)];
  expect(before[0]).toBe(before[1]);

  const replaced = await editor.request.put(`/api/media/${photoId}`, {
    headers: { "Content-Type": "application/octet-stream", "X-File-Name": encodeURIComponent("新.jpg") },
    data: await testPhoto("新", 1600, 900, 90),
  });
  expect(replaced.status(), await replaced.text()).toBe(200);
  for (const articleId of [asLead.articleId, asFigure.articleId]) {
    await expect.poll(() => shown(articleId), { message: `article ${articleId} shows the new file`, timeout: 5000 }).not.toBe(before[0]);
  }
  const oldFile = before[0]!.split(" ")[0];
  expect((await reader.request.get(oldFile)).status()).toBe(404);
  await editor.close();
});

test("without JavaScript every figure is there, in order, with its caption, and the 组图 is a plain list", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/articles/${world.articleId}`);
  await expect(page.locator("figure.lead figcaption")).toHaveText(`平阴玫瑰进入盛花期${CREDIT}`);
  const gallery = page.locator("figure.gallery");
  await expect(gallery.locator("ol > li > figure")).toHaveCount(3);
  await expect(gallery.locator("li figcaption")).toHaveText([`分说明1${CREDIT}`, `分说明2${CREDIT}`, `分说明3${CREDIT}`]);
  for (const alt of ["组图替代文字1", "组图替代文字2", "组图替代文字3"]) await expect(gallery.getByRole("img", { name: alt })).toBeVisible();
  await expect(gallery.getByRole("button")).toHaveCount(0);
  await expect(gallery.locator("> figcaption")).toHaveText("组图总说明");
  await expect(page.locator("article figcaption")).toHaveText([
    `平阴玫瑰进入盛花期${CREDIT}`,
    `插图图说${CREDIT}`,
    `分说明1${CREDIT}`,
    `分说明2${CREDIT}`,
    `分说明3${CREDIT}`,
    "组图总说明",
  ]);
  await context.close();
});

test("the newsroom preview renders the photos through the same view", async ({ browser }) => {
  const editor = await (await browser.newContext(asRole("editor"))).newPage();
  await editor.goto(`/editor/articles/${world.articleId}/preview`);
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText(world.title);
  await expect(editor.locator("figure.lead figcaption")).toHaveText(`平阴玫瑰进入盛花期${CREDIT}`);
  await expect(editor.locator(".article-body figcaption")).toHaveText([`插图图说${CREDIT}`, `分说明1${CREDIT}`, `分说明2${CREDIT}`, `分说明3${CREDIT}`, "组图总说明"]);
  await expect(editor.getByRole("region", { name: "组图：组图总说明" }).locator(".gallery__position")).toHaveText("1 / 3");
  await editor.context().close();
});

/** Records dialogs; every markup-looking value must arrive as text. */
async function openInert(browser: Browser, path: string) {
  const page = await browser.newPage();
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss().catch(() => {});
  });
  await page.goto(path);
  return { page, dialogs };
}

test("markup in 图说, 替代文字 and 摄影 is shown as text and never runs", async ({ browser }) => {
  test.setTimeout(120_000);
  const v = FIELD_VECTORS;
  const editor = await browser.newContext(asRole("editor"));
  const [leadPhoto, bodyPhoto] = [await upload(editor.request, "X", 1280, 853, 330), await upload(editor.request, "Y", 1280, 853, 90)];
  setPhotoDetails([
    { photoId: leadPhoto, caption: v.title, alt: v.subtitle, creditText: v.authorName, creditKind: "supplied", sourceOrg: v.source, focalX: 0.5, focalY: 0.5 },
    { photoId: bodyPhoto, caption: v.summary, alt: v.pickExcerpt, creditText: `<b onclick=alert(1)>王</b>`, creditKind: "shot", sourceOrg: "", focalX: 0.5, focalY: 0.5 },
  ]);
  const title = unique("图说XSS");
  const bodyHtml = `<p>正文。</p>${figureHtml(bodyPhoto, "&lt;img src=x onerror=alert(1)&gt;", "&lt;script&gt;window.__xss=1&lt;/script&gt;图说")}<figure data-gallery="">${figureHtml(leadPhoto, "", "")}${figureHtml(bodyPhoto, "", "")}<figcaption>&lt;svg onload=alert(1)&gt;总说明</figcaption></figure>`;
  const saved = await saveArticleOrThrow(editor.request, {
    articleId: null,
    baseVersion: 0,
    intent: "publish",
    input: articleInput({ title, bodyHtml, lead: { photoId: leadPhoto, caption: "", alt: "" } }),
  });
  await editor.close();

  const { page, dialogs } = await openInert(browser, `/articles/${saved.articleId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.locator("figure.lead figcaption")).toHaveText(`${v.title}（${v.source} ${v.authorName} 供图）`);
  await expect(page.locator("figure.lead img")).toHaveAttribute("alt", v.subtitle);
  await expect(page.locator(".article-body > figure.photo figcaption")).toHaveText("<script>window.__xss=1</script>图说（<b onclick=alert(1)>王</b> 摄）");
  await expect(page.locator(".article-body > figure.photo img")).toHaveAttribute("alt", "<img src=x onerror=alert(1)>");
  await expect(page.locator(".gallery > figcaption")).toHaveText("<svg onload=alert(1)>总说明");
  // Turning the 组图 and hovering everything gives handlers their chance.
  await page.getByRole("button", { name: "下一张" }).click();
  await page.locator("article *").evaluateAll((elements) => {
    for (const element of elements) element.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
  });
  await page.waitForTimeout(300);
  const findings = await page.evaluate(() => {
    const found: string[] = [];
    if ((window as unknown as { __xss?: unknown }).__xss !== undefined) found.push("window.__xss set");
    for (const element of Array.from(document.querySelectorAll("article *"))) {
      if (["SCRIPT", "SVG", "B", "IFRAME"].includes(element.tagName.toUpperCase()) || element.tagName.toLowerCase() === "svg") found.push(`element <${element.tagName}>`);
      for (const attribute of Array.from(element.attributes)) if (/^on/i.test(attribute.name)) found.push(`${element.tagName} ${attribute.name}`);
    }
    return found;
  });
  expect(findings).toEqual([]);
  expect(dialogs).toEqual([]);

  // The front page's thumbnail carries the alt text as text too.
  await page.goto("/");
  await expect(page.locator(".article-list > li").filter({ hasText: title }).locator("img")).toHaveAttribute("alt", v.subtitle);
  expect(dialogs).toEqual([]);
  await page.close();
});

// Pictures for a person to look at (READER_PHOTOS_SCREENSHOTS=folder): the article and the front
// page on a phone and a desktop, the 组图 turned, 大字, and the article as printed.
test("screenshots of the article and the front page", async ({ browser }) => {
  const folder = process.env.READER_PHOTOS_SCREENSHOTS;
  test.skip(!folder, "set READER_PHOTOS_SCREENSHOTS to a folder to take them");
  test.setTimeout(120_000);
  for (const [name, viewport] of [
    ["phone-390", { width: 390, height: 844 }],
    ["desktop-1366", { width: 1366, height: 900 }],
  ] as const) {
    const context = await browser.newContext({
      viewport,
      deviceScaleFactor: name.startsWith("phone") ? 2 : 1,
      isMobile: name.startsWith("phone"),
      hasTouch: name.startsWith("phone"),
    });
    const page = await context.newPage();
    await page.goto(`/articles/${world.articleId}`);
    // Lazy images load as they come into view: scroll through once.
    for (let y = 0; y < 12_000; y += 400) await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: `${folder}/article-${name}.png`, fullPage: true });
    await page.locator(".gallery").scrollIntoViewIfNeeded();
    await page.getByRole("button", { name: "下一张" }).click();
    await page.waitForLoadState("networkidle");
    await page.locator(".gallery").screenshot({ path: `${folder}/gallery-turned-${name}.png` });
    await page.getByRole("button", { name: "大字" }).click();
    await page.locator(".article").screenshot({ path: `${folder}/article-large-type-${name}.png` });
    await page.getByRole("button", { name: "大字" }).click();
    await page.emulateMedia({ media: "print" });
    await page.screenshot({ path: `${folder}/article-print-${name}.png`, fullPage: true });
    await page.emulateMedia({ media: "screen" });
    await page.goto("/");
    for (let y = 0; y < 6_000; y += 400) await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: `${folder}/front-${name}.png`, fullPage: true });
    await context.close();
  }
});
