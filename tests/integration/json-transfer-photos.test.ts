// Export and import with photos, on real SQLite files, real media folders and real sharp: the export
// carries every photo's row and original and each article's 题图; an import into an empty database
// and an empty media folder brings back the rows, the originals, the variants (made again), the
// figures and the uses, and exports the same document again; a broken photo record or a failure
// mid-import leaves no row and no file. The site's database is emptied between phases by restoring
// a copy of it taken while it was still empty (the photo pipeline writes through the site's client).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { replaceDatabaseFile } from "@/lib/backup/copy";
import { createPrismaClient, prisma } from "@/lib/db";
import { databaseFile } from "@/lib/env";
import { exportToFile } from "@/lib/json-transfer/export";
import { TransferError } from "@/lib/json-transfer/format";
import { importExportFile } from "@/lib/json-transfer/import";
import { checkMedia, hasProblems } from "@/lib/media/maintenance";
import { originalKey } from "@/lib/media/store";
import { listMediaFiles, plainJpeg, SVG_WITH_SCRIPT, temporaryMediaDirPerTest } from "./media-fixtures";
import { createUser, viewerOf } from "./newsroom-factories";
import { createPhotoStory, listPhotoUses, uploadPhoto } from "./photo-content";

const live = databaseFile();
const sourceMedia = temporaryMediaDirPerTest();
const folder = path.resolve("tests/.tmp", `transfer-photos-${crypto.randomUUID()}`);
const emptyDatabase = path.join(folder, "empty.db");
const exportFile = path.join(folder, "source.json");
const quiet = { progress: () => () => undefined, log: () => undefined } as const;
const EDITOR_EMAIL = "photo-editor@example.com";

let source: string;
let story: Awaited<ReturnType<typeof createPhotoStory>>;
let sourceState: Awaited<ReturnType<typeof stateOfSite>>;

const withoutExportedAt = (text: string) => text.replace(/"exportedAt":"[^"]+"/, '"exportedAt":""');
const sha256 = (bytes: Buffer) => crypto.createHash("sha256").update(bytes).digest("hex");

/** What the site holds of its photos: rows (without the uploader's id, which is per database), variants, uses, file contents. */
async function stateOfSite(mediaDir: string) {
  const photos = await prisma.photo.findMany({ orderBy: { id: "asc" }, include: { uploadedBy: { select: { email: true } } } });
  const variants = await prisma.photoVariant.findMany({ orderBy: [{ photoId: "asc" }, { format: "asc" }, { width: "asc" }] });
  const files = Object.fromEntries(listMediaFiles(mediaDir).map((file) => [file, sha256(fs.readFileSync(path.join(mediaDir, file)))]));
  return {
    photos: photos.map(({ uploadedById: _id, ...photo }) => photo),
    variants: variants.map(({ id: _id, ...variant }) => variant),
    uses: await listPhotoUses(),
    files,
  };
}

/** Empties the site's database (a running site's connection stays open) and points MEDIA_DIR at a new, empty folder. */
async function emptySite(name: string): Promise<string> {
  await replaceDatabaseFile(emptyDatabase, live);
  const mediaDir = path.join(folder, name);
  fs.mkdirSync(mediaDir, { recursive: true });
  process.env.MEDIA_DIR = mediaDir;
  return mediaDir;
}

async function contentCounts() {
  const [users, photos, variants, uses, articles, authors, channels, revisions] = await Promise.all([
    prisma.user.count(),
    prisma.photo.count(),
    prisma.photoVariant.count(),
    prisma.articlePhoto.count(),
    prisma.article.count(),
    prisma.author.count(),
    prisma.channel.count(),
    prisma.revision.count(),
  ]);
  return { users, photos, variants, uses, articles, authors, channels, revisions };
}

async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TransferError);
  expect((error as Error).message).not.toContain("\n");
  return (error as Error).message;
}

beforeAll(async () => {
  fs.mkdirSync(folder, { recursive: true });
  await replaceDatabaseFile(live, emptyDatabase); // freshly migrated, nothing in it yet
  const editor: Viewer = viewerOf(await createUser("editor", { email: EDITOR_EMAIL }));
  story = await createPhotoStory(editor);
  await uploadPhoto(editor, await plainJpeg(330, 200, "#777"), "unused.jpg"); // in the library, in no article
  await exportToFile(exportFile, { progress: quiet.progress, batchSize: 2 });
  source = fs.readFileSync(exportFile, "utf8");
  sourceState = await stateOfSite(sourceMedia);
});

afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

describe("the export with photos", () => {
  it("holds every photo's details and original, before the articles, and each article's 题图", async () => {
    const document = JSON.parse(source);
    expect(Object.keys(document)).toEqual(["format", "version", "exportedAt", "channels", "authors", "photos", "articles"]);
    expect(document.version).toBe(2);
    expect(document.photos.map((photo: { id: number }) => photo.id)).toEqual(sourceState.photos.map((photo) => photo.id));
    const [lead, inline] = document.photos;
    expect(lead).toMatchObject({
      caption: "图说1",
      alt: "替代文字1",
      creditAuthorId: story.photographerId,
      creditKind: "shot",
      focalX: 0.25,
      focalY: 0.75,
      uploadedBy: EDITOR_EMAIL,
      originalFormat: "jpeg",
      originalName: "lead.jpg",
    });
    expect(inline).toMatchObject({ creditAuthorId: null, creditText: "平阴县委宣传部", creditKind: "supplied", sourceOrg: "平阴县", originalFormat: "png" });
    expect(Object.keys(lead)).not.toContain("variants");
    expect(Object.keys(lead)).not.toContain("variantsPending");
    for (const photo of document.photos) {
      expect(Buffer.from(photo.original, "base64").equals(fs.readFileSync(path.join(sourceMedia, originalKey(photo))))).toBe(true);
    }
    const article = document.articles.find((candidate: { id: number }) => candidate.id === story.articleId);
    expect(article.lead).toEqual({ photoId: story.photoIds[0], caption: "题图的本文图说", alt: "" });
    expect(article.bodyHtml).toContain(`<figure data-photo-id="${story.photoIds[1]}">`);
  });
});

describe("export → import into an empty database and media folder → export", () => {
  let mediaDir: string;
  const labels: [string, number, number][] = [];

  beforeAll(async () => {
    mediaDir = await emptySite("imported-media");
    expect(listMediaFiles(mediaDir)).toEqual([]);
    await createUser("reporter", { email: EDITOR_EMAIL }); // the uploader has an account here: linked by email
    const progress = (label: string, total: number) => (done: number) => void labels.push([label, done, total]);
    const summary = await importExportFile(exportFile, { ...quiet, progress });
    expect(summary).toMatchObject({ photos: 4, articles: 1, variantFailures: [], placeholderUsers: [] });
  });

  it("brings back every photo row, original and variant (same names: same bytes), and media:check finds nothing", async () => {
    const state = await stateOfSite(mediaDir);
    expect(state.photos).toEqual(sourceState.photos);
    expect(state.variants).toEqual(sourceState.variants);
    expect(state.files).toEqual(sourceState.files);
    const uploader = await prisma.user.findUniqueOrThrow({ where: { email: EDITOR_EMAIL } });
    expect(await prisma.photo.count({ where: { uploadedById: uploader.id } })).toBe(4);
    expect(hasProblems(await checkMedia())).toBe(false);
    expect(labels.filter(([label]) => label === "making photo variants").at(-1)).toEqual(["making photo variants", 4, 4]);
    expect(labels.filter(([label]) => label === "importing photos").at(-1)).toEqual(["importing photos", 4, 4]);
  });

  it("brings back the 题图, the figures and 组图 in the body (their files there), and the uses derived from them", async () => {
    expect(await listPhotoUses()).toEqual(sourceState.uses);
    expect(sourceState.uses.map((use) => [use.photoId, use.role])).toEqual([
      [story.photoIds[0], "gallery"],
      [story.photoIds[2], "gallery"],
      [story.photoIds[1], "inline"],
      [story.photoIds[0], "lead"],
    ]);
    const article = await prisma.article.findUniqueOrThrow({ where: { id: story.articleId } });
    const sources = [...article.bodyHtml.matchAll(/src="\/media\/([^"]+)"/g)].map((match) => `public/${match[1]}`);
    expect(sources).toHaveLength(3);
    for (const key of sources) expect(fs.existsSync(path.join(mediaDir, key))).toBe(true);
  });

  it("exports the same document again, except exportedAt", async () => {
    const file = path.join(folder, "round-trip.json");
    await exportToFile(file, { progress: quiet.progress });
    expect(withoutExportedAt(fs.readFileSync(file, "utf8"))).toBe(withoutExportedAt(source));
  });

  it("refuses a database that already holds photos", async () => {
    expect(await failure(importExportFile(exportFile, quiet))).toMatch(
      /^the database already holds content \(1 articles, 0 channels, 1 authors, 4 photos\); import needs an empty database/,
    );
  });
});

describe("import refuses, writing no row and no file", () => {
  const documentOf = () => JSON.parse(source);
  const write = (name: string, document: unknown) => {
    const file = path.join(folder, name);
    fs.writeFileSync(file, JSON.stringify(document));
    return file;
  };
  const withPhoto = (name: string, change: (photo: Record<string, unknown>) => void) => {
    const document = documentOf();
    change(document.photos[1]);
    return write(name, document);
  };
  const asOriginal = (photo: Record<string, unknown>, bytes: Buffer) =>
    Object.assign(photo, { original: bytes.toString("base64"), originalBytes: bytes.length, contentHash: sha256(bytes) });

  it.each([
    ["bad base64", () => withPhoto("bad-base64.json", (photo) => (photo.original = `${String(photo.original).slice(0, -4)}!@#$`)), /photo \d+: original is not valid base64$/],
    [
      "a hash mismatch",
      () =>
        withPhoto("hash.json", (photo) => {
          const bytes = Buffer.from(String(photo.original), "base64");
          bytes[bytes.length - 20] ^= 0xff;
          photo.original = bytes.toString("base64");
        }),
      /photo \d+: the original's sha256 does not match its contentHash$/,
    ],
    [
      "SVG bytes (with a matching hash)",
      () => withPhoto("svg.json", (photo) => asOriginal(photo, SVG_WITH_SCRIPT)),
      /photo \d+: original is an SVG file, which newsdesk never accepts$/,
    ],
    ["bytes of another type than stated", () => withPhoto("type.json", (photo) => (photo.originalFormat = "webp")), /photo \d+: original is PNG, the record says WEBP$/],
    ["another size than stated", () => withPhoto("size.json", (photo) => (photo.originalWidth = 501)), /photo \d+: original is 500×300, the record says 501×300$/],
    [
      "a storage folder outside the scheme",
      () => withPhoto("folder.json", (photo) => (photo.storageKey = "../../etc")),
      /photo #2 \(id \d+\): storageKey: needs 16 lowercase hex digits$/,
    ],
    [
      "a 题图 that is not in the file",
      () => {
        const document = documentOf();
        document.articles[0].lead.photoId = 999;
        return write("lead.json", document);
      },
      /article \d+: 题图 photo 999 is not in the file$/,
    ],
    [
      "a figure of a photo that is not in the file",
      () => {
        const document = documentOf();
        document.photos = document.photos.filter((photo: { id: number }) => photo.id !== story.photoIds[2]);
        document.articles[0].lead = null;
        return write("figure.json", document);
      },
      /article \d+: the body shows photo \d+, which is not in the file$/,
    ],
  ])("%s", async (_case, file, message) => {
    const mediaDir = await emptySite(`refused-${crypto.randomUUID()}`);
    expect(await failure(importExportFile(file(), quiet))).toMatch(message);
    expect(await contentCounts()).toEqual({ users: 0, photos: 0, variants: 0, uses: 0, articles: 0, authors: 0, channels: 0, revisions: 0 });
    expect(listMediaFiles(mediaDir)).toEqual([]);
  });

  it("a failure after some originals were written: the transaction rolls back and the originals are removed", async () => {
    const mediaDir = await emptySite("failed-midway");
    let written: string[] = [];
    const progress = (label: string) => (done: number) => {
      if (label !== "importing articles" || done === 0) return;
      written = listMediaFiles(mediaDir);
      throw new Error("disk full");
    };
    expect(await failure(importExportFile(exportFile, { ...quiet, progress, batchSize: 1 }))).toBe("import failed, nothing was imported: disk full");
    expect(written.filter((file) => file.startsWith("originals/"))).toHaveLength(4);
    expect(await contentCounts()).toEqual({ users: 0, photos: 0, variants: 0, uses: 0, articles: 0, authors: 0, channels: 0, revisions: 0 });
    expect(listMediaFiles(mediaDir)).toEqual([]);
  });

  it("photos into a database other than the site's", async () => {
    const other = path.join(folder, "other.db");
    await replaceDatabaseFile(emptyDatabase, other);
    const db = createPrismaClient(`file:${other}`);
    try {
      expect(await failure(importExportFile(exportFile, { ...quiet, db }))).toMatch(/photos can be imported only into the site's own database \(DATABASE_URL\)$/);
      expect(await db.photo.count()).toBe(0);
    } finally {
      await db.$disconnect();
    }
  });
});
