// The export format's layout per version and its photo record, and the name of a backup's photo folder.
import { describe, expect, it } from "vitest";
import { mediaFolderOf } from "@/lib/backup/media-files";
import { articleRecord, documentKeys, photoRecord, sectionRecords } from "@/lib/json-transfer/format";

const photo = {
  id: 1,
  caption: "图说",
  alt: "替代文字",
  creditAuthorId: null,
  creditText: "",
  creditKind: "shot",
  sourceOrg: "",
  focalX: 0.5,
  focalY: 0.5,
  storageKey: "0123456789abcdef",
  originalName: "a.jpg",
  originalFormat: "jpeg",
  originalWidth: 10,
  originalHeight: 10,
  originalBytes: 3,
  contentHash: "a".repeat(64),
  uploadedBy: null,
  createdAt: "2026-11-29T00:00:00.000Z",
  updatedAt: "2026-11-29T00:00:00.000Z",
  fileUpdatedAt: "2026-11-29T00:00:00.000Z",
  original: "/9j/",
};

describe("export format", () => {
  it("has photos before articles from version 2 on, and none in version 1", () => {
    expect(documentKeys(2)).toEqual(["format", "version", "exportedAt", "channels", "authors", "photos", "articles"]);
    expect(documentKeys(1)).toEqual(["format", "version", "exportedAt", "channels", "authors", "articles"]);
  });

  it("gives version 1 articles no 题图, and requires the field in version 2", () => {
    const article = {
      id: 1,
      title: "",
      subtitle: "",
      summary: "",
      bodyHtml: "",
      bodyText: "",
      source: "",
      status: "draft",
      publishedAt: null,
      version: 1,
      channelId: null,
      createdBy: null,
      updatedBy: null,
      createdAt: photo.createdAt,
      updatedAt: photo.createdAt,
      bylines: [],
      picks: [],
      revisions: [],
    };
    expect(sectionRecords(1).articles.parse(article).lead).toBeNull();
    expect(sectionRecords(1).articles.safeParse({ ...article, lead: null }).success).toBe(false);
    expect(articleRecord.safeParse(article).success).toBe(false);
    expect(articleRecord.parse({ ...article, lead: { photoId: 3, caption: "", alt: "" } }).lead).toEqual({ photoId: 3, caption: "", alt: "" });
  });

  it.each([
    ["a storage folder that is not 16 hex digits", { storageKey: "../../etc/passwd" }],
    ["an uppercase hash", { contentHash: "A".repeat(64) }],
    ["a format newsdesk does not accept", { originalFormat: "svg" }],
    ["a credit kind that does not exist", { creditKind: "stolen" }],
    ["a focal point outside the picture", { focalX: 1.5 }],
    ["no original", { original: "" }],
    ["a field export never writes", { variantsPending: false }],
  ])("refuses a photo record with %s", (_case, change) => {
    expect(photoRecord.safeParse(photo).success).toBe(true);
    expect(photoRecord.safeParse({ ...photo, ...change }).success).toBe(false);
  });
});

describe("a backup's photo folder", () => {
  it.each([
    ["/b/newsdesk-20261129T093005.123Z.db", "/b/newsdesk-20261129T093005.123Z.media"],
    ["/mnt/nas/newsdesk.db", "/mnt/nas/newsdesk.media"],
    ["/mnt/nas/site.sqlite", "/mnt/nas/site.sqlite.media"],
    ["/mnt/nas/backup", "/mnt/nas/backup.media"],
  ])("of %s is %s", (file, folder) => {
    expect(mediaFolderOf(file)).toBe(folder);
  });
});
