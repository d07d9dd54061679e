// Content with photos for the operations tests: photos uploaded through the real pipeline (details
// set, variants finished) and a published article using them as 题图, inline figure and 组图.
import sharp from "sharp";
import { createArticle } from "@/lib/articles/save";
import type { Viewer } from "@/lib/auth/viewer";
import { prisma } from "@/lib/db";
import { updatePhotoDetails } from "@/lib/media/manage";
import { createPhoto } from "@/lib/media/upload";
import { waitForImageWork } from "@/lib/media/work-queue";
import { createAuthor } from "./factories";
import { plainJpeg } from "./media-fixtures";
import { articleInput } from "./newsroom-factories";

/** A small PNG with transparency, so the formats differ from the JPEGs. */
export function smallPng(width = 500, height = 300): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 20, g: 120, b: 200, alpha: 0.5 } } })
    .png()
    .toBuffer();
}

/** Uploads a photo and waits until all its variants are made. */
export async function uploadPhoto(editor: Viewer, bytes: Buffer, fileName = "photo.jpg"): Promise<number> {
  const photo = await createPhoto(editor, { bytes, fileName });
  await waitForImageWork();
  return photo.id;
}

/** Three photos (one credited to an author, one with a free-text credit) and a published article showing all three. */
export async function createPhotoStory(editor: Viewer, label = "") {
  const photographer = await createAuthor("摄影记者", "摄影");
  const ids = [
    await uploadPhoto(editor, await plainJpeg(700, 400, "#a35"), `${label}lead.jpg`),
    await uploadPhoto(editor, await smallPng(), `${label}inline.png`),
    await uploadPhoto(editor, await plainJpeg(400, 600, "#3a5"), `${label}gallery.jpg`),
  ];
  const details = [
    { creditAuthorId: photographer.id, creditText: "", creditKind: "shot" as const, sourceOrg: "", focalX: 0.25, focalY: 0.75 },
    { creditAuthorId: null, creditText: "平阴县委宣传部", creditKind: "supplied" as const, sourceOrg: "平阴县", focalX: 0.5, focalY: 0.5 },
    { creditAuthorId: null, creditText: "", creditKind: "archive" as const, sourceOrg: "", focalX: 0.5, focalY: 0.1 },
  ];
  for (const [index, photoId] of ids.entries()) {
    await updatePhotoDetails(editor, { photoId, caption: `${label}图说${index + 1}`, alt: `${label}替代文字${index + 1}`, ...details[index] });
  }
  const bodyHtml =
    `<p>平阴县用不到一天时间建起了网格。</p>` +
    `<figure data-photo-id="${ids[1]}"><img src="/x.jpg" alt=""><figcaption>本文的图说</figcaption></figure>` +
    `<p>第二段正文。</p>` +
    `<figure data-gallery=""><figure data-photo-id="${ids[0]}"><img src="/x.jpg" alt="组图里的题图"></figure>` +
    `<figure data-photo-id="${ids[2]}"><img src="/x.jpg" alt=""><figcaption>第二张</figcaption></figure><figcaption>组图说明</figcaption></figure>`;
  const saved = await createArticle(editor, articleInput({ bodyHtml, lead: { photoId: ids[0], caption: "题图的本文图说", alt: "" } }), "publish");
  return { photoIds: ids, articleId: saved.articleId, photographerId: photographer.id };
}

/** The uses of photos, as comparable rows. */
export async function listPhotoUses() {
  const rows = await prisma.articlePhoto.findMany({ orderBy: [{ articleId: "asc" }, { role: "asc" }, { position: "asc" }] });
  return rows.map(({ id: _id, ...use }) => use);
}
