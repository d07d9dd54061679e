// The edit form's photos against the real save path: a body written by the editor's figure and 组图
// nodes (their renderHTML output, serialized as the browser does) is stored exactly as it was
// written, and the 题图's 摄影 is saved on the photo without touching its other details.
import { beforeAll, describe, expect, it } from "vitest";
import type { DOMOutputSpec } from "@tiptap/pm/model";
import type { Viewer } from "@/lib/auth/viewer";
import { prisma } from "@/lib/db";
import { createArticle } from "@/lib/articles/save";
import { normalizeBodyPhotos, splitBody } from "@/lib/articles/body";
import { PhotoForbiddenError } from "@/lib/media/errors";
import { updatePhotoDetails } from "@/lib/media/manage";
import { getPhoto } from "@/lib/media/read";
import { createPhoto } from "@/lib/media/upload";
import { updatePhotoCredit } from "@/lib/media/update-credit";
import { waitForImageWork } from "@/lib/media/work-queue";
import { sanitizeBodyHtml } from "@/lib/text/html";
import { galleryFigureSpec, photoFigureSpec } from "@/app/(editor)/editor/articles/body-photo-host";
import { figureSrc, toFigurePhoto } from "@/app/(editor)/editor/articles/photo-files";
import { createAuthor } from "./factories";
import { plainJpeg, temporaryMediaDirPerTest } from "./media-fixtures";
import { articleInput, createViewer, uniqueLabel } from "./newsroom-factories";

temporaryMediaDirPerTest();

let reporter: Viewer;
let otherReporter: Viewer;

beforeAll(async () => {
  reporter = await createViewer("reporter");
  otherReporter = await createViewer("reporter");
});

async function upload(viewer: Viewer, colour: string) {
  const photo = await createPhoto(viewer, { bytes: await plainJpeg(1400, 900, colour), fileName: `${uniqueLabel("IMG")}.jpg` });
  await waitForImageWork();
  return (await getPhoto(viewer, photo.id))!;
}

/** A DOMOutputSpec as the browser's innerHTML writes it (what the editor's getHTML() returns). */
function toHtml(spec: DOMOutputSpec): string {
  if (typeof spec === "string") return escapeText(spec, false);
  const [tag, ...rest] = spec as readonly [string, ...unknown[]];
  const hasAttributes = rest.length > 0 && rest[0] !== null && typeof rest[0] === "object" && !Array.isArray(rest[0]);
  const attributes = hasAttributes ? (rest.shift() as Record<string, string>) : {};
  const open = `<${tag}${Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${escapeText(value, true)}"`)
    .join("")}>`;
  if (tag === "img") return open;
  return `${open}${rest.map((child) => toHtml(child as DOMOutputSpec)).join("")}</${tag}>`;
}

/** The server writes an empty attribute bare (`alt`, `data-gallery`), the browser as `=""`: the same markup. */
function withoutEmptyValues(html: string): string {
  return html.replace(/=""/g, "");
}

function escapeText(text: string, attribute: boolean): string {
  const escaped = text.replace(/&/g, "&amp;").replace(/\u00a0/g, "&nbsp;");
  return attribute ? escaped.replace(/"/g, "&quot;") : escaped.replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

describe("body figures written by the editor", () => {
  it("survive the sanitizer and the library check unchanged, 组图 and captions included, and the save stores them as written", async () => {
    const [first, second, third] = [await upload(reporter, "#a63"), await upload(reporter, "#36a"), await upload(reporter, "#3a6")];
    const figure = { ...toFigurePhoto(first), alt: "平阴县玫瑰田里的采花人", caption: "玫瑰花开 & 采摘忙" };
    const items = [
      { ...toFigurePhoto(second), alt: "晾晒花蕾", caption: "第一道工序：晾晒" },
      { ...toFigurePhoto(third), alt: "包装车间", caption: "" },
    ];
    const body = [
      "<p>平阴县的玫瑰进入盛花期。</p>",
      toHtml(photoFigureSpec(figure)),
      "<p>花农忙着采摘。</p>",
      toHtml(galleryFigureSpec(items, "玫瑰产业链 “一条龙”")),
      toHtml(photoFigureSpec({ ...toFigurePhoto(first), alt: "", caption: "" })),
    ].join("");

    expect(body).toContain(
      `<figure data-photo-id="${first.id}"><img src="${figureSrc(first)}" alt="平阴县玫瑰田里的采花人"><figcaption>玫瑰花开 &amp; 采摘忙</figcaption></figure>`,
    );
    expect(body).toContain(`<figure data-gallery=""><figure data-photo-id="${second.id}">`);
    const files = new Map([first, second, third].map((photo) => [photo.id, figureSrc(photo)]));
    const normalized = normalizeBodyPhotos(sanitizeBodyHtml(body), (photoId) => files.get(photoId) ?? null);
    expect(normalized.dropped).toBe(0);
    expect(splitBody(normalized.html)).toEqual(splitBody(body));
    expect(splitBody(body).map((part) => part.kind)).toEqual(["html", "photo", "html", "gallery", "photo"]);
    expect(withoutEmptyValues(normalized.html)).toBe(withoutEmptyValues(body));

    const saved = await createArticle(reporter, articleInput({ bodyHtml: body }));
    expect(saved.droppedImages).toBe(0);
    const stored = await prisma.article.findUniqueOrThrow({ where: { id: saved.articleId }, select: { bodyHtml: true } });
    expect(withoutEmptyValues(stored.bodyHtml)).toBe(withoutEmptyValues(body));
  });
});

describe("the 题图's 摄影", () => {
  it("is saved on the photo as free text or as an author, keeping its other details", async () => {
    const photo = await upload(reporter, "#884");
    await updatePhotoDetails(reporter, {
      photoId: photo.id,
      caption: "库里的图说",
      alt: "库里的替代文字",
      creditAuthorId: null,
      creditText: "",
      creditKind: "supplied",
      sourceOrg: "平阴县委宣传部",
      focalX: 0.2,
      focalY: 0.7,
    });

    const byText = await updatePhotoCredit(reporter, { photoId: photo.id, creditAuthorId: null, creditText: "李华" });
    expect(byText.changed).toBe(true);
    expect(byText.photo).toMatchObject({
      caption: "库里的图说",
      alt: "库里的替代文字",
      creditKind: "supplied",
      sourceOrg: "平阴县委宣传部",
      focalX: 0.2,
      focalY: 0.7,
      creditText: "李华",
      creditAuthor: null,
    });
    expect(byText.photo.credit).toBe("（平阴县委宣传部 李华 供图）");

    const author = await createAuthor("王晓明", "本报记者");
    const byAuthor = await updatePhotoCredit(reporter, { photoId: photo.id, creditAuthorId: author.id, creditText: "李华" });
    expect(byAuthor.photo.creditAuthor?.id).toBe(author.id);
    expect(byAuthor.photo.creditText).toBe("");
    expect(byAuthor.photo.caption).toBe("库里的图说");

    expect((await updatePhotoCredit(reporter, { photoId: photo.id, creditAuthorId: author.id, creditText: "" })).changed).toBe(false);
  });

  it("is refused to a reporter who may not edit the photo, and the photo stays as it was", async () => {
    const photo = await upload(reporter, "#488");
    const error = await updatePhotoCredit(otherReporter, { photoId: photo.id, creditAuthorId: null, creditText: "冒名" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PhotoForbiddenError);
    expect((await getPhoto(reporter, photo.id))?.creditText).toBe("");
  });
});
