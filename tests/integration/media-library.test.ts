// The photo library through lib/media against a real SQLite file: who may edit details, replace
// and delete (reporters their own, editors all), refusals change nothing, a used photo cannot be
// deleted, replacing keeps the id, and the list searches and pages.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer";
import { PhotoForbiddenError, PhotoInputError, PhotoInUseError, PhotoNotFoundError } from "@/lib/media/errors";
import { t } from "@/lib/messages/catalog";
import { deletePhoto, updatePhotoDetails } from "@/lib/media/manage";
import { getPhoto, listPhotos } from "@/lib/media/read";
import { createPhoto, replacePhotoFile } from "@/lib/media/upload";
import { countPhotoUses, listPhotoUses, listVisiblePhotoUses } from "@/lib/media/uses";
import { waitForImageWork } from "@/lib/media/work-queue";
import type { PhotoDetailsInput } from "@/lib/media/schema";
import { createArticle, createAuthor } from "./factories";
import { createViewer, uniqueLabel } from "./newsroom-factories";
import { keyOfUrl, listMediaFiles, mediaSnapshot, plainJpeg, temporaryMediaDirPerTest } from "./media-fixtures";

temporaryMediaDirPerTest();

let reporter: Viewer;
let otherReporter: Viewer;
let editor: Viewer;

beforeAll(async () => {
  reporter = await createViewer("reporter", { displayName: uniqueLabel("上传记者") });
  otherReporter = await createViewer("reporter");
  editor = await createViewer("editor");
});

async function uploadAs(viewer: Viewer, width = 700, colour = "#468") {
  const photo = await createPhoto(viewer, { bytes: await plainJpeg(width, Math.round(width * 0.66), colour), fileName: `${uniqueLabel("IMG")}.jpg` });
  await waitForImageWork();
  return photo;
}

function details(photoId: number, overrides: Partial<PhotoDetailsInput> = {}): PhotoDetailsInput {
  return {
    photoId,
    caption: "玫瑰花开",
    alt: "平阴县玫瑰田里的采花人",
    creditAuthorId: null,
    creditText: "",
    creditKind: "shot",
    sourceOrg: "",
    focalX: 0.5,
    focalY: 0.5,
    ...overrides,
  };
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

async function expectUnchangedAfter(promise: Promise<unknown>, errorClass: new (...args: never[]) => Error) {
  const before = await mediaSnapshot();
  const error = await caught(promise);
  expect(error).toBeInstanceOf(errorClass);
  await waitForImageWork();
  expect(await mediaSnapshot()).toEqual(before);
  return error as Error & { code?: string };
}

describe("details", () => {
  it("lets the uploading reporter set 图说, 替代文字, 摄影 by author, 类型 and focal point; the credit line follows", async () => {
    const photo = await uploadAs(reporter);
    const author = await createAuthor("王晓明", "本报记者");
    const {
      photo: updated,
      changed,
      publicTags,
    } = await updatePhotoDetails(reporter, details(photo.id, { caption: "  平阴玫瑰进入盛花期。 ", creditAuthorId: author.id, focalX: 0.25, focalY: "0.75" as unknown as number }));
    expect(changed).toBe(true);
    expect(publicTags).toEqual([`photo-${photo.id}`]);
    expect(updated).toMatchObject({
      caption: "平阴玫瑰进入盛花期。",
      creditAuthor: { id: author.id, name: author.name },
      focalX: 0.25,
      focalY: 0.75,
      credit: `（本报记者 ${author.name} 摄）`,
    });
    expect(await prisma.auditEvent.findFirst({ where: { target: `photo:${photo.id}`, action: "photo.update" } })).toMatchObject({
      actorId: reporter.id,
      detail: "图说、替代文字、摄影、焦点",
    });
  });

  it("refuses bad details with messages next to the fields", async () => {
    const photo = await uploadAs(reporter);
    const error = (await caught(
      updatePhotoDetails(reporter, details(photo.id, { caption: "字".repeat(501), focalX: 1.5, creditKind: "drawn" as "shot", creditAuthorId: 999999 })),
    )) as PhotoInputError;
    expect(error).toBeInstanceOf(PhotoInputError);
    expect(error.fieldErrors).toMatchObject({ caption: "图说最多 500 个字", focalX: "焦点应在图片之内", creditKind: "请选择类型：摄、供图或资料图" });
    const both = (await caught(updatePhotoDetails(reporter, details(photo.id, { creditAuthorId: (await createAuthor()).id, creditText: "李华" })))) as PhotoInputError;
    expect(both.fieldErrors).toEqual({ creditText: "摄影请选择作者或填写姓名，二者选一" });
    const missingAuthor = (await caught(updatePhotoDetails(reporter, details(photo.id, { creditAuthorId: 999999 })))) as PhotoInputError;
    expect(missingAuthor.fieldErrors).toEqual({ creditAuthorId: "找不到所选的作者" });
  });

  it("refuses a reporter editing someone else's photo, and changes nothing", async () => {
    const photo = await uploadAs(editor);
    const error = await expectUnchangedAfter(updatePhotoDetails(otherReporter, details(photo.id, { caption: "改掉" })), PhotoForbiddenError);
    expect(error.message).toBe(t("photo.forbidden"));
    expect(await prisma.auditEvent.findFirst({ where: { actorId: otherReporter.id, target: `photo:${photo.id}` }, orderBy: { id: "desc" } })).toMatchObject({
      action: "permission.denied",
      detail: "photo.edit",
    });
  });

  it("lets an editor edit anyone's photo", async () => {
    const photo = await uploadAs(reporter);
    const { photo: updated } = await updatePhotoDetails(editor, details(photo.id, { creditText: "平阴县委宣传部", creditKind: "supplied" }));
    expect(updated.credit).toBe("（平阴县委宣传部 供图）");
    expect(updated.can).toEqual({ edit: true, replace: true, delete: true });
  });

  it("answers not found for a photo that does not exist", async () => {
    await expectUnchangedAfter(updatePhotoDetails(editor, details(99999999)), PhotoNotFoundError);
    expect(await getPhoto(editor, 99999999)).toBeNull();
  });
});

describe("delete", () => {
  it("refuses reporters, even for their own photo", async () => {
    const photo = await uploadAs(reporter);
    expect(photo.can.delete).toBe(false);
    const error = await expectUnchangedAfter(deletePhoto(reporter, photo.id), PhotoForbiddenError);
    expect(error.message).toBe("只有编辑和管理员可以删除图片");
  });

  it("refuses while an article uses the photo, then deletes the row and every file once it is unused", async () => {
    const photo = await uploadAs(reporter);
    const article = await createArticle();
    await prisma.articlePhoto.create({ data: { articleId: article.id, photoId: photo.id, role: "lead" } });
    expect(await countPhotoUses(photo.id)).toBe(1);
    expect(await listPhotoUses(photo.id)).toEqual([{ articleId: article.id, title: article.title, status: "published", role: "lead", position: 0 }]);
    const error = await expectUnchangedAfter(deletePhoto(editor, photo.id), PhotoInUseError);
    expect(error.message).toBe("这张图片正被 1 篇文章使用，不能删除");

    await prisma.articlePhoto.deleteMany({ where: { photoId: photo.id } });
    const stored = (await getPhoto(editor, photo.id))!;
    const files = stored.variants.map((variant) => keyOfUrl(variant.url));
    expect(files.every((key) => listMediaFiles().includes(key))).toBe(true);
    await deletePhoto(editor, photo.id);
    expect(await prisma.photo.findUnique({ where: { id: photo.id } })).toBeNull();
    expect(await prisma.photoVariant.count({ where: { photoId: photo.id } })).toBe(0);
    const folder = stored.variants[0].url.split("/")[2];
    expect(listMediaFiles().filter((file) => file.includes(`/${folder}/`))).toEqual([]);
    expect(await prisma.auditEvent.count({ where: { action: "photo.delete", target: `photo:${photo.id}`, actorId: editor.id } })).toBe(1);
  });
});

describe("uses as a viewer sees them", () => {
  it("shows editors every article with its state and role; a reporter their own articles' uses and only a count of the others", async () => {
    const photo = await uploadAs(editor);
    const own = await createArticle({ status: "draft", publishedAt: null });
    await prisma.article.update({ where: { id: own.id }, data: { createdById: reporter.id } });
    const scheduled = await createArticle({ publishedAt: new Date(Date.now() + 86_400_000) });
    await prisma.articlePhoto.createMany({
      data: [
        { articleId: own.id, photoId: photo.id, role: "lead" },
        { articleId: scheduled.id, photoId: photo.id, role: "gallery", position: 2 },
      ],
    });

    expect(await listVisiblePhotoUses(editor, photo.id)).toEqual({
      uses: [
        { articleId: own.id, title: own.title, state: "draft", role: "lead", position: 0 },
        { articleId: scheduled.id, title: scheduled.title, state: "scheduled", role: "gallery", position: 2 },
      ],
      otherCount: 0,
    });
    const seenByReporter = await listVisiblePhotoUses(reporter, photo.id);
    expect(seenByReporter).toEqual({ uses: [{ articleId: own.id, title: own.title, state: "draft", role: "lead", position: 0 }], otherCount: 1 });
    expect(JSON.stringify(seenByReporter)).not.toContain(scheduled.title);
    await prisma.articlePhoto.deleteMany({ where: { photoId: photo.id } });
  });
});

describe("replace", () => {
  it("keeps the id and details, makes new variants and removes the old files", async () => {
    const photo = await uploadAs(reporter, 1000, "#a52");
    await updatePhotoDetails(reporter, details(photo.id, { caption: "原图说" }));
    const before = (await getPhoto(reporter, photo.id))!;
    const { photo: replaced, publicTags } = await replacePhotoFile(reporter, photo.id, { bytes: await plainJpeg(1500, 900, "#25a"), fileName: "new.jpg" });
    expect(publicTags).toEqual([`photo-${photo.id}`]);
    expect(replaced).toMatchObject({ id: photo.id, caption: "原图说", original: { name: "new.jpg", width: 1500, height: 900 } });
    await waitForImageWork();
    const after = (await getPhoto(reporter, photo.id))!;
    expect(after.variantsPending).toBe(false);
    expect(after.variants.filter((variant) => variant.format === "jpeg").map((variant) => variant.width)).toEqual([320, 640, 960, 1280, 1500]);
    const oldKeys = before.variants.map((variant) => keyOfUrl(variant.url));
    const newKeys = after.variants.map((variant) => keyOfUrl(variant.url));
    expect(newKeys.some((key) => oldKeys.includes(key))).toBe(false);
    const files = listMediaFiles();
    expect(oldKeys.filter((key) => files.includes(key))).toEqual([]);
    expect(newKeys.every((key) => files.includes(key))).toBe(true);
    const oldFolder = before.variants[0].url.split("/")[2];
    expect(files.filter((file) => file.includes(`/${oldFolder}/`))).toEqual([]);
    expect(await prisma.auditEvent.findFirst({ where: { action: "photo.replace", target: `photo:${photo.id}` } })).toMatchObject({ actorId: reporter.id });
  });

  it("lets a reporter replace their own photo only while no article uses it", async () => {
    const photo = await uploadAs(reporter);
    await prisma.articlePhoto.create({ data: { articleId: (await createArticle()).id, photoId: photo.id, role: "inline" } });
    const bytes = await plainJpeg(500, 400, "#999");
    const error = await expectUnchangedAfter(replacePhotoFile(reporter, photo.id, { bytes }), PhotoForbiddenError);
    expect(error.message).toBe("这张图片已被文章使用，只有编辑和管理员可以替换它");
    await expectUnchangedAfter(replacePhotoFile(otherReporter, photo.id, { bytes }), PhotoForbiddenError);
    const { photo: replaced } = await replacePhotoFile(editor, photo.id, { bytes });
    expect(replaced.original.width).toBe(500);
    await waitForImageWork();
  });

  it("refuses a bad file and keeps the old one", async () => {
    const photo = await uploadAs(reporter);
    await expectUnchangedAfter(replacePhotoFile(reporter, photo.id, { bytes: Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>") }), Error);
  });
});

describe("list", () => {
  it("searches 图说, 摄影, 来源单位, file name and uploader, filters by upload date, and pages", async () => {
    const marker = uniqueLabel("济南");
    const first = await uploadAs(otherReporter);
    await updatePhotoDetails(otherReporter, details(first.id, { caption: `${marker} 大明湖畔` }));
    const second = await uploadAs(editor);
    await updatePhotoDetails(editor, details(second.id, { creditText: `${marker}摄影家`, sourceOrg: "新华社" }));

    const byWord = await listPhotos(reporter, { q: marker });
    expect(byWord.items.map((photo) => photo.id)).toEqual([second.id, first.id]);
    expect((await listPhotos(reporter, { q: `${marker} 大明湖` })).items.map((photo) => photo.id)).toEqual([first.id]);
    expect((await listPhotos(reporter, { q: "新华社" })).items.map((photo) => photo.id)).toContain(second.id);
    expect((await listPhotos(reporter, { q: first.original.name })).items.map((photo) => photo.id)).toEqual([first.id]);
    expect((await listPhotos(reporter, { q: reporter.displayName })).total).toBeGreaterThan(0);
    expect((await listPhotos(reporter, { q: marker, uploadedById: editor.id })).items.map((photo) => photo.id)).toEqual([second.id]);

    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect((await listPhotos(reporter, { q: marker, from: today, to: today })).total).toBe(2);
    expect((await listPhotos(reporter, { q: marker, to: "2020-03-02" })).total).toBe(0);
    expect((await listPhotos(reporter, { q: marker, from: "not a date", page: "x" })).total).toBe(2);

    const all = await listPhotos(reporter, { page: 1 });
    expect(all.total).toBe(await prisma.photo.count());
    expect(all.items.length).toBe(Math.min(all.total, 40));
    expect(all.items[0].can).toEqual({
      edit: all.items[0].uploadedBy?.id === reporter.id,
      replace: all.items[0].uploadedBy?.id === reporter.id && all.items[0].useCount === 0,
      delete: false,
    });
  });
});

describe("upload limit setting", () => {
  it('is the admins\': a stored limit applies to uploads, "" goes back to the default, bad values are refused', async () => {
    const { getMediaUploadLimitBytes, updateMediaSettings } = await import("@/lib/settings/media");
    const { ForbiddenError, ValidationError } = await import("@/lib/errors");
    const admin = await createViewer("admin");
    expect(await getMediaUploadLimitBytes()).toBe(30 * 1024 * 1024);
    expect(await caught(updateMediaSettings(editor, { maxUploadMegabytes: "5" }))).toBeInstanceOf(ForbiddenError);
    const bad = (await caught(updateMediaSettings(admin, { maxUploadMegabytes: "0" }))) as InstanceType<typeof ValidationError>;
    expect(bad.fieldErrors).toEqual({ maxUploadMegabytes: "上传大小上限应为 1 到 200 之间的整数（MB）" });

    expect(await updateMediaSettings(admin, { maxUploadMegabytes: " 5 " })).toEqual({ stored: { maxUploadMegabytes: 5 }, changed: true });
    expect(await getMediaUploadLimitBytes()).toBe(5 * 1024 * 1024);
    expect(await prisma.auditEvent.findFirst({ where: { actorId: admin.id, action: "settings.update" }, orderBy: { id: "desc" } })).toMatchObject({
      detail: "图片上传大小上限（MB）：30（默认） → 5",
    });
    const error = (await caught(createPhoto(reporter, { bytes: Buffer.concat([await plainJpeg(50, 50), Buffer.alloc(5 * 1024 * 1024)]) }))) as Error;
    expect(error.message).toBe("图片文件太大：每张最大 5 MB");

    expect(await updateMediaSettings(admin, { maxUploadMegabytes: "" })).toEqual({ stored: { maxUploadMegabytes: null }, changed: true });
    expect(await getMediaUploadLimitBytes()).toBe(30 * 1024 * 1024);
  });
});
