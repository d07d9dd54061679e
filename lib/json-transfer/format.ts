// The newsdesk export format: one JSON object, sections in this order. Version 2 adds the photos
// (each with its original file) before the articles, and each article's 题图; version 1 files (no
// photos) are still read. Users and the audit log are not part of it; authorship names users by
// email. Ids are kept so links survive.
import { z } from "zod";
import { OperationError } from "../errors";
import { CREDIT_KINDS } from "../media/credit";
import { IMAGE_FORMATS } from "../media/sniff";

export const FORMAT = "newsdesk-export";
export const VERSION = 2;
export const VERSIONS = [1, 2] as const;
export type Version = (typeof VERSIONS)[number];

export const SECTIONS = ["channels", "authors", "photos", "articles"] as const;
export type Section = (typeof SECTIONS)[number];

/** Keys of the document, in the order export writes them and import requires them. */
export function documentKeys(version: Version): readonly string[] {
  const sections = version === 1 ? SECTIONS.filter((section) => section !== "photos") : SECTIONS;
  return ["format", "version", "exportedAt", ...sections];
}

/** A one-line English failure of export or import; nothing was written when import throws it. */
export class TransferError extends OperationError {
  constructor(message: string) {
    // File content (keys, values) may end up in the message; keep it on one line.
    super(message.replace(/\s*[\r\n]+\s*/g, " "));
  }
}

/** "1 article", "2 articles" — for the one-line summaries. */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

export const STATUSES = ["draft", "review", "published", "archived"] as const;

const id = z.number().int().positive();
const time = z.iso.datetime();
const email = z.string().trim().toLowerCase().min(3).max(254);
const position = z.number().int().nonnegative();

export const channelRecord = z.strictObject({
  id,
  slug: z.string().min(1).max(200),
  name: z.string().min(1),
  tagline: z.string(),
  position: z.number().int(),
  createdAt: time,
  updatedAt: time,
  redirects: z.array(z.string().min(1).max(200)),
});

export const authorRecord = z.strictObject({
  id,
  name: z.string(),
  defaultRoleLabel: z.string(),
  bio: z.string(),
  createdAt: time,
  updatedAt: time,
});

const bylineRecord = z.strictObject({ position, authorId: id, roleLabel: z.string() });

const pickRecord = z.strictObject({ position, targetArticleId: id.nullable(), title: z.string(), excerpt: z.string(), url: z.string() });

const hex = (digits: number) => z.string().regex(new RegExp(`^[0-9a-f]{${digits}}$`), `needs ${digits} lowercase hex digits`);
const share = z.number().min(0).max(1);
const pixels = z.number().int().positive();

/** A photo's row, uploader by email, and its original file (base64): the variants are made again from it. */
export const photoRecord = z.strictObject({
  id,
  caption: z.string(),
  alt: z.string(),
  creditAuthorId: id.nullable(),
  creditText: z.string(),
  creditKind: z.enum(CREDIT_KINDS),
  sourceOrg: z.string(),
  focalX: share,
  focalY: share,
  storageKey: hex(16),
  originalName: z.string(),
  originalFormat: z.enum(IMAGE_FORMATS),
  originalWidth: pixels,
  originalHeight: pixels,
  originalBytes: pixels,
  contentHash: hex(64),
  uploadedBy: email.nullable(),
  createdAt: time,
  updatedAt: time,
  fileUpdatedAt: time,
  original: z.string().min(1),
});

const leadRecord = z.strictObject({ photoId: id, caption: z.string(), alt: z.string() });

const revisionRecord = z.strictObject({
  number: z.number().int().positive(),
  author: email.nullable(),
  createdAt: time,
  // Kept as stored, key order included, so a re-export is byte-identical.
  snapshot: z.record(z.string(), z.unknown()),
});

const articleFields = {
  id,
  title: z.string(),
  subtitle: z.string(),
  summary: z.string(),
  bodyHtml: z.string(),
  bodyText: z.string(),
  source: z.string(),
  status: z.enum(STATUSES),
  publishedAt: time.nullable(),
  version: z.number().int().positive(),
  channelId: id.nullable(),
  createdBy: email.nullable(),
  updatedBy: email.nullable(),
  createdAt: time,
  updatedAt: time,
  bylines: z.array(bylineRecord),
  picks: z.array(pickRecord),
  revisions: z.array(revisionRecord),
};

type Positioned = { bylines: { position: number }[]; picks: { position: number }[]; revisions: { number: number }[] };

function requireDistinctPositions(article: Positioned, context: z.RefinementCtx): void {
  for (const [list, key] of [
    [article.bylines.map((byline) => byline.position), "bylines"],
    [article.picks.map((pick) => pick.position), "picks"],
    [article.revisions.map((revision) => revision.number), "revisions"],
  ] as const) {
    if (new Set(list).size !== list.length) context.addIssue({ code: "custom", path: [key], message: "positions or numbers repeat" });
  }
}

/** Photos in the body are part of bodyHtml; the 题图 (with this article's 图说 and 替代文字 for it) is `lead`. */
export const articleRecord = z.strictObject({ ...articleFields, lead: leadRecord.nullable() }).superRefine(requireDistinctPositions);
/** A version 1 article, from before photos: it has no 题图. */
const articleRecordV1 = z
  .strictObject(articleFields)
  .superRefine(requireDistinctPositions)
  .transform((article) => ({ ...article, lead: null }));

export const headerFields = {
  format: z.literal(FORMAT),
  version: z.union(VERSIONS.map((version) => z.literal(version))),
  exportedAt: time,
} as const;

/** The schema of each section's records in a file of `version`. */
export function sectionRecords(version: Version) {
  return { channels: channelRecord, authors: authorRecord, photos: photoRecord, articles: version === 1 ? articleRecordV1 : articleRecord } as const;
}

export type ChannelRecord = z.infer<typeof channelRecord>;
export type AuthorRecord = z.infer<typeof authorRecord>;
export type PhotoRecord = z.infer<typeof photoRecord>;
export type ArticleRecord = z.infer<typeof articleRecord>;
export type SectionRecord = { channels: ChannelRecord; authors: AuthorRecord; photos: PhotoRecord; articles: ArticleRecord };
