// Photos in articles against a real SQLite file and real image files: the 题图 and the body's figures
// and 组图 are stored as library uses, foreign images never are, alt text is required before readers
// see a photo, readers get figures with files and credit lines, and revisions cover all of it.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer";
import { listLatestArticles, getPublicArticle } from "@/lib/articles/public";
import { compareRevisions, restoreRevision } from "@/lib/articles/revisions";
import { createArticle, saveArticle } from "@/lib/articles/save";
import { ValidationError } from "@/lib/errors";
import { PhotoInUseError } from "@/lib/media/errors";
import { deletePhoto, updatePhotoDetails } from "@/lib/media/manage";
import { getPhoto } from "@/lib/media/read";
import { createPhoto } from "@/lib/media/upload";
import { waitForImageWork } from "@/lib/media/work-queue";
import { createAuthor } from "./factories";
import { articleInput, createViewer, uniqueLabel } from "./newsroom-factories";
import { plainJpeg, temporaryMediaDirPerTest } from "./media-fixtures";

temporaryMediaDirPerTest();

let editor: Viewer;

beforeAll(async () => {
  editor = await createViewer("editor");
});

async function upload(alt = "", width = 1400) {
  const photo = await createPhoto(editor, { bytes: await plainJpeg(width, Math.round(width * 0.6), "#486"), fileName: `${uniqueLabel("IMG")}.jpg` });
  await waitForImageWork();
  if (alt)
    await updatePhotoDetails(editor, {
      photoId: photo.id,
      caption: "库里的图说",
      alt,
      creditAuthorId: null,
      creditText: "",
      creditKind: "shot",
      sourceOrg: "",
      focalX: 0.5,
      focalY: 0.5,
    });
  return (await getPhoto(editor, photo.id))!;
}

const figure = (photoId: number, { alt = "", caption = "" } = {}) =>
  `<figure data-photo-id="${photoId}"><img src="" alt="${alt}">${caption ? `<figcaption>${caption}</figcaption>` : ""}</figure>`;

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

describe("saving", () => {
  it("stores the 题图, the figures and the 组图 as uses, with the body pointing at the library's files", async () => {
    const [lead, inline, first, second] = [await upload(), await upload(), await upload(), await upload()];
    const bodyHtml = `<p>正文第一段。</p>${figure(inline.id, { alt: "采花人", caption: "玫瑰田" })}<figure data-gallery="">${figure(first.id, { caption: "其一" })}${figure(second.id, { caption: "其二" })}<figcaption>玫瑰节组图</figcaption></figure>`;
    const saved = await createArticle(editor, articleInput({ bodyHtml, lead: { photoId: lead.id, caption: "题图图说", alt: "题图替代文字" } }));
    const uses = await prisma.articlePhoto.findMany({ where: { articleId: saved.articleId }, orderBy: [{ role: "asc" }, { position: "asc" }] });
    expect(uses.map(({ photoId, role, caption, alt }) => ({ photoId, role, caption, alt }))).toEqual([
      { photoId: first.id, role: "gallery", caption: "其一", alt: "" },
      { photoId: second.id, role: "gallery", caption: "其二", alt: "" },
      { photoId: inline.id, role: "inline", caption: "玫瑰田", alt: "采花人" },
      { photoId: lead.id, role: "lead", caption: "题图图说", alt: "题图替代文字" },
    ]);
    const article = await prisma.article.findUniqueOrThrow({ where: { id: saved.articleId } });
    const inlineJpeg = inline.variants.find((variant) => variant.format === "jpeg" && variant.width >= 960)!.url;
    expect(article.bodyHtml).toContain(`<figure data-photo-id="${inline.id}"><img src="${inlineJpeg}" alt="采花人"><figcaption>玫瑰田</figcaption></figure>`);
    const revision = await prisma.revision.findFirstOrThrow({ where: { articleId: saved.articleId } });
    expect(JSON.parse(revision.snapshot).lead).toEqual({ photoId: lead.id, caption: "题图图说", alt: "题图替代文字" });
  });

  it("drops images that are not library photos and says how many", async () => {
    const kept = await upload();
    const bodyHtml = `<p>外部<img src="https://example.com/hotlink.jpg"></p><p><img src="data:image/png;base64,iVBORw0KGgo="></p>${figure(999_999)}${figure(kept.id)}`;
    const saved = await createArticle(editor, articleInput({ bodyHtml }));
    expect(saved.droppedImages).toBe(1);
    const article = await prisma.article.findUniqueOrThrow({ where: { id: saved.articleId } });
    expect(article.bodyHtml).not.toMatch(/example\.com|data:|999999/);
    expect(await prisma.articlePhoto.findMany({ where: { articleId: saved.articleId }, select: { photoId: true } })).toEqual([{ photoId: kept.id }]);
  });

  it("refuses a 题图 that is not in the library, writing nothing", async () => {
    const before = await prisma.article.count();
    const error = await caught(createArticle(editor, articleInput({ lead: { photoId: 999_999, caption: "", alt: "" } })));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.lead).toBe("题图已不在图片库中，请重新选择");
    expect(await prisma.article.count()).toBe(before);
  });

  it("refuses to publish photos without alt text, here or in the library; a draft may wait", async () => {
    const bare = await upload();
    const described = await upload("库里写好的替代文字");
    const input = articleInput({ bodyHtml: `<p>正文。</p>${figure(bare.id)}${figure(described.id)}`, lead: { photoId: bare.id, caption: "", alt: "" } });
    const draft = await createArticle(editor, input);
    const error = await caught(saveArticle(editor, { articleId: draft.articleId, baseVersion: draft.version, input, intent: "publish" }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({ "lead.alt": "发布前请为题图填写替代文字", bodyHtml: "正文中有 1 张图片缺少替代文字，发布前请补上" });
    expect((await prisma.article.findUniqueOrThrow({ where: { id: draft.articleId } })).status).toBe("draft");
    const withAlt = {
      ...input,
      bodyHtml: `<p>正文。</p>${figure(bare.id, { alt: "这一次的替代文字" })}${figure(described.id)}`,
      lead: { photoId: bare.id, caption: "", alt: "题图的替代文字" },
    };
    const published = await saveArticle(editor, { articleId: draft.articleId, baseVersion: draft.version, input: withAlt, intent: "publish" });
    expect(published.status).toBe("published");
  });

  it("keeps a used photo from being deleted until no version in force uses it", async () => {
    const photo = await upload();
    const saved = await createArticle(editor, articleInput({ lead: { photoId: photo.id, caption: "", alt: "" } }));
    expect(await caught(deletePhoto(editor, photo.id))).toBeInstanceOf(PhotoInUseError);
    await saveArticle(editor, { articleId: saved.articleId, baseVersion: saved.version, input: articleInput({ lead: null }) });
    await deletePhoto(editor, photo.id);
    expect(await prisma.photo.count({ where: { id: photo.id } })).toBe(0);
  });
});

describe("readers", () => {
  it("get the 题图 with 图说 and credit, figures with files, the 组图, a thumbnail in lists and a share image", async () => {
    const author = await createAuthor("王晓明", "本报记者");
    const lead = await upload("题图替代", 2000);
    await updatePhotoDetails(editor, {
      photoId: lead.id,
      caption: "平阴玫瑰盛开",
      alt: "题图替代",
      creditAuthorId: author.id,
      creditText: "",
      creditKind: "shot",
      sourceOrg: "",
      focalX: 0.3,
      focalY: 0.4,
    });
    const [inline, item] = [await upload("正文图"), await upload("组图一")];
    const bodyHtml = `<p>第一段。</p>${figure(inline.id, { caption: "本文的图说" })}<figure data-gallery="">${figure(item.id, { caption: "分说明" })}<figcaption>总说明</figcaption></figure><p>末段。</p>`;
    const input = articleInput({ bodyHtml, lead: { photoId: lead.id, caption: "", alt: "" } });
    const saved = await createArticle(editor, input, "publish");
    const article = (await getPublicArticle(saved.articleId))!;
    expect(article.lead).toMatchObject({ photoId: lead.id, alt: "题图替代", caption: `平阴玫瑰盛开（本报记者 ${author.name} 摄）`, focal: { x: 0.3, y: 0.4 } });
    expect(article.lead!.picture.img).toMatchObject({ width: 1920, sizes: expect.any(String) });
    expect(article.lead!.picture.img.srcSet).toMatch(/ 320w, .* 1920w$/);
    expect(article.shareImage).toMatchObject({ format: "jpeg", width: 1280 });
    expect(article.body.map((part) => part.kind)).toEqual(["html", "photo", "gallery", "html"]);
    expect(article.body[1]).toMatchObject({ kind: "photo", figure: { photoId: inline.id, alt: "正文图", caption: "本文的图说" } });
    expect(article.body[2]).toMatchObject({ kind: "gallery", caption: "总说明", figures: [{ photoId: item.id, caption: "分说明", alt: "组图一" }] });
    expect(article.photoIds.sort()).toEqual([lead.id, inline.id, item.id].sort());
    const [listed] = await listLatestArticles(1);
    expect(listed).toMatchObject({ id: saved.articleId, thumbnail: { photoId: lead.id, alt: "题图替代" } });
  });
});

describe("revisions", () => {
  it("show a changed 题图 and photo captions in the body, and restore them", async () => {
    const [first, second] = [await upload(), await upload()];
    const title = uniqueLabel("题图修订");
    const created = await createArticle(
      editor,
      articleInput({ title, bodyHtml: `<p>正文。</p>${figure(first.id, { caption: "旧图说" })}`, lead: { photoId: first.id, caption: "旧题图", alt: "" } }),
    );
    const input = articleInput({ title, bodyHtml: `<p>正文。</p>${figure(first.id, { caption: "新图说" })}`, lead: { photoId: second.id, caption: "新题图", alt: "" } });
    const saved = await saveArticle(editor, { articleId: created.articleId, baseVersion: created.version, input });
    const diff = await compareRevisions(editor, created.articleId, 1, 2);
    const changed = Object.fromEntries(diff.map((field) => [field.label, field.changed]));
    expect(changed).toMatchObject({ 题图: true, 图说: true, 正文: true, 标题: false });
    const body = diff.find((field) => field.label === "正文")!;
    expect(
      body.parts
        .filter((part) => part.kind === "insert")
        .map((part) => part.text)
        .join(""),
    ).toContain("新");
    await restoreRevision(editor, { articleId: created.articleId, number: 1, baseVersion: saved.version });
    const lead = await prisma.articlePhoto.findFirstOrThrow({ where: { articleId: created.articleId, role: "lead" } });
    expect(lead).toMatchObject({ photoId: first.id, caption: "旧题图" });
  });
});
