// Stored XSS: the corpus in xss-vectors.ts saved the way an attacker would (saveArticleAction with
// raw body HTML) and the way an editor would (pasted into the editor), then read back everywhere it
// is shown. Nothing may run, nothing executable may reach the DOM, ordinary formatting must survive.
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { articleInput, callAction, queryDatabase, saveArticleOrThrow } from "./server-actions";
import { asRole, openEditor, parseXml } from "./support";
import { batchHtml, FIELD_VECTORS, FORMATTING, FORMATTING_HTML, vectorBatches, XSS_VECTORS } from "./xss-vectors";

// ---------------------------------------------------------------------------------------------
// Inspection: what ran (dialogs, the __xss marker) and what executable markup reached the DOM.

/** Records every alert/confirm/prompt the page (or any frame in it) opens, and dismisses it. */
function recordDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    if (dialog.type() !== "beforeunload") dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss().catch(() => {});
  });
  return dialogs;
}

const BODY_TAGS = ["p", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "blockquote", "ul", "ol", "li", "a", "br", "hr", "figure", "figcaption"];
const LINK_ATTRIBUTES = ["href", "title", "rel", "target"];

/**
 * Everything executable in the document, and anything outside the body allowlist inside `root`
 * (a selector in the page, or an HTML string parsed inertly with DOMParser). Runs in the browser.
 */
function findExecutable({ root, html, tags, linkAttributes }: { root: string | null; html: string | null; tags: string[]; linkAttributes: string[] }): string[] {
  const findings: string[] = [];
  const doc = html === null ? document : new DOMParser().parseFromString(html, "text/html");
  const describeElement = (element: Element) => `<${element.tagName.toLowerCase()}>`;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers ignore control characters in URLs, so must the check
  const dangerousUrl = (value: string) => /^(javascript|vbscript|data):/i.test(value.replace(/[\u0000-\u0020\u007f]/g, ""));

  if (html === null && (window as unknown as { __xss?: unknown }).__xss !== undefined)
    findings.push(`marker: window.__xss is ${String((window as unknown as { __xss?: unknown }).__xss)}`);
  for (const element of Array.from(doc.querySelectorAll("iframe, frame, frameset, object, embed, applet, portal, base, meta[http-equiv], link[rel~=import]")))
    findings.push(`element: ${describeElement(element)}`);
  // In the page, the app's own scripts live outside <main>; parsed stored HTML may hold none at all.
  const scripts = html === null ? "main script:not([type='application/ld+json']), article script, svg script" : "script";
  for (const element of Array.from(doc.querySelectorAll(scripts))) findings.push(`script: ${element.outerHTML.slice(0, 80)}`);
  for (const element of Array.from(doc.querySelectorAll("*"))) {
    for (const attribute of Array.from(element.attributes)) {
      if (/^on/i.test(attribute.name)) findings.push(`attribute: ${describeElement(element)} ${attribute.name}`);
      if (
        ["href", "src", "action", "formaction", "data", "xlink:href", "poster", "background", "srcdoc"].includes(attribute.name.toLowerCase()) &&
        (attribute.name === "srcdoc" || dangerousUrl(attribute.value))
      ) {
        findings.push(`url: ${describeElement(element)} ${attribute.name}="${attribute.value.slice(0, 60)}"`);
      }
    }
  }
  const body = html === null ? (root ? document.querySelector(root) : null) : doc.body;
  if (root && !body) findings.push(`missing: ${root}`);
  for (const element of Array.from(body?.querySelectorAll("*") ?? [])) {
    const tag = element.tagName.toLowerCase();
    if (!tags.includes(tag)) findings.push(`body tag: ${describeElement(element)}`);
    for (const attribute of Array.from(element.attributes)) {
      if (tag !== "a" || !linkAttributes.includes(attribute.name)) findings.push(`body attribute: ${describeElement(element)} ${attribute.name}`);
    }
    // Links are http(s), mailto or relative to this site; nothing protocol-relative.
    const href = element.getAttribute("href");
    const safeHref = href === null || (/^[a-z][a-z0-9+.-]*:/i.test(href) ? /^(https?|mailto):/i.test(href) : !/^[\\/]{2}/.test(href));
    if (tag === "a" && !safeHref) findings.push(`body link: ${href}`);
  }
  return findings;
}

const CANARIES = ["animation", "frames", "media", "smil", "toggle"];

/**
 * Waits until the page has done the deferred work a vector could hide in: its load event, two
 * rendering frames (autofocus, meta refresh), a CSS animation start, an SVG animation begin, a
 * details toggle and a failed media load. Canaries of each kind are added after the content, so when
 * all of them have fired the content's own had their turn too; then the canaries are removed. They
 * live in a shadow root, out of reach of the page's styles, and load nothing from the network.
 */
async function settle(page: Page) {
  await page.waitForLoadState("load");
  await page.evaluate(() => {
    const fired = new Set<string>();
    (window as unknown as { __canaries: Set<string> }).__canaries = fired;
    const host = document.createElement("div");
    host.id = "settle-canaries";
    host.style.cssText = "position:fixed;left:-100px;top:0;width:10px;height:10px;overflow:hidden";
    const root = host.attachShadow({ mode: "open" });
    root.innerHTML =
      '<style>@keyframes settle-canary{from{opacity:.5}to{opacity:1}}</style><span style="animation:settle-canary 1s">.</span>' +
      '<details><summary>.</summary></details><svg><rect width="1" height="1"><set attributeName="width" to="2" begin="0s"/></rect></svg><video muted></video>';
    root.querySelector("span")!.addEventListener("animationstart", () => fired.add("animation"));
    root.querySelector("set")!.addEventListener("beginEvent", () => fired.add("smil"));
    const details = root.querySelector("details")!;
    details.addEventListener("toggle", () => fired.add("toggle"));
    const video = root.querySelector("video")!;
    video.addEventListener("error", () => fired.add("media"));
    document.body.append(host);
    details.open = true;
    video.src = "data:video/mp4;base64,AAAA"; // not a video: fails to decode, with no request
    requestAnimationFrame(() => requestAnimationFrame(() => fired.add("frames")));
  });
  const fired = () => page.evaluate(() => [...(window as unknown as { __canaries: Set<string> }).__canaries].sort());
  await expect.poll(fired, { message: "the page ran its deferred events", timeout: 10_000 }).toEqual(CANARIES);
  await page.evaluate(() => document.getElementById("settle-canaries")?.remove());
}

/** Gives hover- and focus-triggered handlers their chance, then reports findings and dialogs. */
async function inspectPage(page: Page, dialogs: string[], root: string | null): Promise<string[]> {
  await page.evaluate((selector) => {
    for (const element of Array.from(document.querySelectorAll(selector ? `${selector}, ${selector} *` : "body *"))) {
      for (const type of ["mouseover", "mouseenter", "pointerover"]) element.dispatchEvent(new MouseEvent(type, { bubbles: true }));
      (element as HTMLElement).focus?.();
    }
  }, root);
  await settle(page);
  const findings = await page.evaluate(findExecutable, { root, html: null, tags: BODY_TAGS, linkAttributes: LINK_ATTRIBUTES });
  return [...dialogs.map((dialog) => `dialog: ${dialog}`), ...findings];
}

/** The stored HTML itself, parsed without running anything: the server sanitized on write. */
async function inspectStoredHtml(page: Page, html: string): Promise<string[]> {
  return page.evaluate(findExecutable, { root: null, html, tags: BODY_TAGS, linkAttributes: LINK_ATTRIBUTES });
}

async function expectFormattingIntact(body: Locator) {
  await expect(body.locator("h2").first()).toHaveText(FORMATTING.heading);
  await expect(body.locator("strong").first()).toHaveText(FORMATTING.bold);
  await expect(body.locator("em").first()).toHaveText(FORMATTING.italic);
  await expect(body.locator("blockquote").first()).toHaveText(FORMATTING.quote);
  await expect(body.locator("ul").first().locator("li")).toHaveText(FORMATTING.items);
  await expect(body.locator(`a[href="${FORMATTING.link.href}"]`).first()).toHaveText(FORMATTING.link.text);
}

// ---------------------------------------------------------------------------------------------
// Data: each test publishes its own articles as the editor, with a unique title.

const unique = (label: string) => `${label}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A plain first draft, then the input published over it: the revisions page has a body diff to show. */
async function publishAsEditor(browser: Browser, input: Record<string, unknown>): Promise<number> {
  const editor = await browser.newContext(asRole("editor"));
  const draft = await saveArticleOrThrow(editor.request, { articleId: null, baseVersion: 0, intent: "save", input: articleInput({ ...input, bodyHtml: "<p>初稿。</p>" }) });
  await saveArticleOrThrow(editor.request, { articleId: draft.articleId, baseVersion: draft.version, intent: "publish", input: articleInput(input) });
  await editor.close();
  return draft.articleId;
}

function storedBody(articleId: number): { bodyHtml: string; snapshots: string[] } {
  const [article] = queryDatabase<{ bodyHtml: string }>(`SELECT bodyHtml FROM Article WHERE id = ?`, articleId);
  const revisions = queryDatabase<{ snapshot: string }>(`SELECT snapshot FROM Revision WHERE articleId = ?`, articleId);
  return { bodyHtml: article.bodyHtml, snapshots: revisions.map((revision) => (JSON.parse(revision.snapshot) as { bodyHtml: string }).bodyHtml) };
}

/** Opens each place the article body is shown and expects it inert with its formatting intact. */
async function expectInertEverywhere(browser: Browser, articleId: number, title: string) {
  const reader = await browser.newPage();
  const editorContext = await browser.newContext(asRole("editor"));
  const editor = await editorContext.newPage();
  const readerDialogs = recordDialogs(reader);
  const editorDialogs = recordDialogs(editor);

  const stored = storedBody(articleId);
  for (const html of [stored.bodyHtml, ...stored.snapshots]) expect(await inspectStoredHtml(reader, html), "stored body HTML").toEqual([]);

  for (const [page, dialogs, path] of [
    [reader, readerDialogs, `/articles/${articleId}`],
    [editor, editorDialogs, `/editor/articles/${articleId}/preview`],
  ] as const) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    expect(await inspectPage(page, dialogs, ".article-body"), path).toEqual([]);
    await expectFormattingIntact(page.locator(".article-body"));
    expect(new URL(page.url()).pathname, "still on the page after meta refresh or base tricks").toBe(path);
  }

  // The revisions page shows the body as plain text in a diff (entities decoded, so markup-like text).
  await editor.goto(`/editor/articles/${articleId}/revisions`);
  if (stored.snapshots.length > 1) await expect(editor.locator(".diff-field").filter({ has: editor.getByRole("heading", { name: "正文" }) })).toContainText(FORMATTING.heading);
  expect(await inspectPage(editor, editorDialogs, null), "revisions").toEqual([]);

  // The edit form loads the stored HTML into the editor: nothing may run there either.
  await openEditor(editor, `/editor/articles/${articleId}`);
  expect(await inspectPage(editor, editorDialogs, null), "edit form").toEqual([]);
  await expectFormattingIntact(editor.getByRole("textbox", { name: "正文" }));

  await Promise.all([reader.close(), editorContext.close()]);
}

// ---------------------------------------------------------------------------------------------

const BATCHES = vectorBatches();
// Vectors that fire on an animation, a toggle, a failed load or a frame's load: what settle() waits for.
const DEFERRED_VECTORS = [
  "onanimationstart with a style element",
  "svg animate onbegin",
  "svg set onbegin",
  "details ontoggle",
  "video source onerror",
  "audio onerror",
  "iframe srcdoc",
];

test("the corpus holds at least 100 vectors, and the inspection catches them when nothing sanitizes", async ({ browser }) => {
  expect(XSS_VECTORS.length).toBeGreaterThanOrEqual(100);
  expect(new Set(XSS_VECTORS.map((vector) => vector.name)).size, "vector names are unique").toBe(XSS_VECTORS.length);
  expect(BATCHES.flat()).toHaveLength(XSS_VECTORS.length);

  // The same inspection on each raw batch, as if a page inserted it unsanitized: it must fire.
  const kinds = new Set<string>();
  for (const [index, batch] of BATCHES.entries()) {
    const page = await browser.newPage();
    const dialogs = recordDialogs(page);
    await page.setContent(`<html><body><main><article><div class="article-body">${batchHtml(batch)}</div></article></main></body></html>`);
    const findings = await inspectPage(page, dialogs, ".article-body");
    expect(findings.filter((finding) => /^(dialog|marker):/.test(finding)).length, `batch ${index + 1} runs script when unsanitized`).toBeGreaterThan(0);
    for (const finding of findings) kinds.add(finding.slice(0, finding.indexOf(":")));
    await page.close();
  }
  expect([...kinds].sort()).toEqual(["attribute", "body attribute", "body link", "body tag", "dialog", "element", "marker", "script", "url"]);
  const page = await browser.newPage();
  expect(await inspectStoredHtml(page, batchHtml(BATCHES[0])), "the stored-HTML check on raw vectors").not.toEqual([]);
  expect(await inspectStoredHtml(page, FORMATTING_HTML), "plain formatting is not a finding").toEqual([]);
  await page.close();
});

test("vectors that run after the page loaded (animation, toggle, failed load, frame) are each caught on their own when nothing sanitizes", async ({ browser }) => {
  for (const name of DEFERRED_VECTORS) {
    const vector = XSS_VECTORS.find((candidate) => candidate.name === name)!;
    const page = await browser.newPage();
    const dialogs = recordDialogs(page);
    await page.setContent(`<html><body><main><article><div class="article-body">${vector.html}</div></article></main></body></html>`);
    const findings = await inspectPage(page, dialogs, ".article-body");
    expect(
      findings.filter((finding) => /^(dialog|marker):/.test(finding)),
      `${name} runs script when unsanitized`,
    ).not.toEqual([]);
    await page.close();
  }
});

for (const [index, batch] of BATCHES.entries()) {
  test(`batch ${index + 1}/${BATCHES.length}: ${batch.length} raw vectors sent to saveArticleAction are stored and shown inert`, async ({ browser }) => {
    const title = unique(`XSS正文第${index + 1}批`);
    const articleId = await publishAsEditor(browser, { title, bodyHtml: batchHtml(batch) });
    await expectInertEverywhere(browser, articleId, title);
  });
}

test("the corpus pasted into the editor's 正文 is published inert, with its formatting", async ({ browser }) => {
  test.setTimeout(120_000);
  const title = unique("XSS粘贴");
  const page = await (await browser.newContext(asRole("editor"))).newPage();
  const dialogs = recordDialogs(page);
  await openEditor(page, "/editor/articles/new");
  await page.getByLabel("标题", { exact: true }).fill(title);
  const body = page.getByRole("textbox", { name: "正文" });
  await body.click();
  const pasted = BATCHES.map(batchHtml).join("");
  await body.evaluate((element, html) => {
    const data = new DataTransfer();
    data.setData("text/html", html);
    data.setData("text/plain", "粘贴的内容");
    element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, pasted);
  await expect(body.locator("h2").first()).toHaveText(FORMATTING.heading);
  expect(await inspectPage(page, dialogs, null), "editor after paste").toEqual([]);

  await page.getByRole("button", { name: "发布", exact: true }).click();
  await expect(page).toHaveURL(/\/editor\/articles\/\d+$/);
  await expect(page.getByRole("status").filter({ hasText: "已发布" })).toBeVisible();
  const articleId = Number(new URL(page.url()).pathname.split("/").pop());
  await page.context().close();
  await expectInertEverywhere(browser, articleId, title);
});

test("vectors in the title, subtitle, summary, source, byline and 新闻推荐 render as text", async ({ browser }) => {
  const v = FIELD_VECTORS;
  const title = `${v.title}${unique("")}`;
  const articleId = await publishAsEditor(browser, {
    title,
    subtitle: v.subtitle,
    summary: v.summary,
    source: v.source,
    bodyHtml: FORMATTING_HTML,
    bylines: [{ authorId: null, authorName: v.authorName, roleLabel: v.roleLabel }],
    picks: [{ targetArticleId: null, title: v.pickTitle, excerpt: v.pickExcerpt, url: v.pickUrl }],
  });

  const reader = await browser.newPage();
  const dialogs = recordDialogs(reader);
  await reader.goto(`/articles/${articleId}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(reader.locator(".subtitle")).toHaveText(v.subtitle);
  await expect(reader.locator(".article-meta .source")).toHaveText(v.source);
  await expect(reader.locator('meta[name="description"]')).toHaveAttribute("content", v.summary);
  await expect(reader.locator('meta[property="og:title"]')).toHaveAttribute("content", title);
  await expect(reader).toHaveTitle(new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
  await expect(reader.locator(".byline")).toHaveText(`(${v.roleLabel} ${v.authorName})`);
  const pick = reader.getByRole("region", { name: "新闻推荐" }).getByRole("listitem");
  await expect(pick.getByRole("link")).toHaveText(v.pickTitle);
  await expect(pick.getByRole("link")).toHaveAttribute("href", v.pickUrl);
  await expect(pick.locator("p")).toHaveText(v.pickExcerpt);
  const jsonLd = JSON.parse((await reader.locator('script[type="application/ld+json"]').textContent()) ?? "{}") as {
    headline: string;
    description: string;
    author: { name: string }[];
  };
  expect(jsonLd).toMatchObject({ headline: title, description: v.summary, author: [{ name: v.authorName }] });
  expect(await inspectPage(reader, dialogs, ".article-body")).toEqual([]);

  // The byline's author page, the front page and the feed carry the same text.
  await reader.locator(".byline a").click();
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(v.authorName);
  await reader.goto("/");
  await expect(reader.getByRole("link", { name: title })).toBeVisible();
  expect(await inspectPage(reader, dialogs, null)).toEqual([]);
  const feed = await parseXml(reader, await (await reader.request.get("/feed.xml")).text());
  expect(feed.items).toContain(title);

  const editor = await (await browser.newContext(asRole("editor"))).newPage();
  const editorDialogs = recordDialogs(editor);
  await editor.goto(`/editor/articles/${articleId}/preview`);
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(editor.locator(".subtitle")).toHaveText(v.subtitle);
  expect(await inspectPage(editor, editorDialogs, ".article-body")).toEqual([]);
  await openEditor(editor, `/editor/articles/${articleId}`);
  await expect(editor.getByLabel("标题", { exact: true })).toHaveValue(title);
  await expect(editor.getByLabel("副标题", { exact: true })).toHaveValue(v.subtitle);
  await expect(editor.getByLabel("摘要", { exact: true })).toHaveValue(v.summary);
  await editor.goto(`/editor?q=${encodeURIComponent(title.slice(-12))}`);
  await expect(editor.getByRole("link", { name: title })).toBeVisible();
  expect(await inspectPage(editor, editorDialogs, null)).toEqual([]);
  await Promise.all([reader.close(), editor.context().close()]);
});

test("a javascript: 新闻推荐 link is refused with a message next to the field, and nothing is saved", async ({ browser }) => {
  const editor = await browser.newContext(asRole("editor"));
  const title = unique("XSS推荐链接");
  for (const url of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>", " javascript:alert(1)"]) {
    const call = await callAction(editor.request, "saveArticleAction", [
      { articleId: null, baseVersion: 0, intent: "publish", input: articleInput({ title, picks: [{ targetArticleId: null, title: "推荐", excerpt: "", url }] }) },
    ]);
    expect(call.result, url).toMatchObject({ ok: false, fieldErrors: { "picks.0.url": "链接须以 http:// 或 https:// 开头" } });
  }
  expect(queryDatabase(`SELECT id FROM Article WHERE title = ?`, title)).toEqual([]);
  await editor.close();
});
