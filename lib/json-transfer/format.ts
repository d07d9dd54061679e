// The newsdesk export format, version 1: one JSON object, sections in this order. Users and the
// audit log are not part of it; authorship names users by email. Ids are kept so links survive.
import { z } from "zod";
import { OperationError } from "../errors";

export const FORMAT = "newsdesk-export";
export const VERSION = 1;

/** Keys of the document, in the order export writes them and import requires them. */
export const DOCUMENT_KEYS = ["format", "version", "exportedAt", "channels", "authors", "articles"] as const;
export const SECTIONS = ["channels", "authors", "articles"] as const;
export type Section = (typeof SECTIONS)[number];

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

const revisionRecord = z.strictObject({
  number: z.number().int().positive(),
  author: email.nullable(),
  createdAt: time,
  // Kept as stored, key order included, so a re-export is byte-identical.
  snapshot: z.record(z.string(), z.unknown()),
});

export const articleRecord = z
  .strictObject({
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
  })
  .superRefine((article, context) => {
    for (const [list, key] of [
      [article.bylines.map((byline) => byline.position), "bylines"],
      [article.picks.map((pick) => pick.position), "picks"],
      [article.revisions.map((revision) => revision.number), "revisions"],
    ] as const) {
      if (new Set(list).size !== list.length) context.addIssue({ code: "custom", path: [key], message: "positions or numbers repeat" });
    }
  });

export const headerFields = {
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  exportedAt: time,
} as const;

export const sectionRecords = { channels: channelRecord, authors: authorRecord, articles: articleRecord } as const;

export type ChannelRecord = z.infer<typeof channelRecord>;
export type AuthorRecord = z.infer<typeof authorRecord>;
export type ArticleRecord = z.infer<typeof articleRecord>;
export type SectionRecord = { channels: ChannelRecord; authors: AuthorRecord; articles: ArticleRecord };
