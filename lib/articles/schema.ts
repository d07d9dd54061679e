// The article form's input, one schema for the form, the server actions, the CLI and the tests.
import { z } from "zod";
import { field, rule, type FieldWording } from "../messages/zod";
import { parseShanghai } from "../text/time";

const text = (max: number, label: FieldWording["label"]) => z.string(field(label)).trim().max(max);
/** Ids the form's pickers set, not the person: a bad one only comes from a forged request. */
const idSchema = z.number(rule("request.invalid")).int().positive();

export const bylineInputSchema = z.object({
  authorId: idSchema.nullable(),
  authorName: z
    .string(field("bylineAuthor", { tooLong: true }))
    .trim()
    .min(1)
    .max(40),
  roleLabel: z
    .string(field("roleLabel", { tooLong: true }))
    .trim()
    .min(1)
    .max(20),
});

export const pickInputSchema = z
  .object({
    targetArticleId: idSchema.nullable(),
    title: text(200, "pickTitle"),
    excerpt: text(500, "pickExcerpt"),
    url: z
      .string(field("url", { tooLong: true }))
      .trim()
      .max(2000)
      .refine((value) => value === "" || /^https?:\/\/[^\s]+$/i.test(value), rule("article.urlScheme")),
  })
  .refine((pick) => pick.targetArticleId !== null || pick.title.length > 0, { ...rule("article.pickTargetOrTitle"), path: ["title"] });

export const articleInputSchema = z.object({
  title: z.string(field("title")).trim().min(1).max(200),
  subtitle: text(200, "subtitle"),
  summary: text(500, "summary"),
  bodyHtml: z.string(field("body", { tooLong: true })).max(500_000),
  channelId: idSchema.nullable(),
  source: text(50, "source"),
  publishedAt: z
    .string(field("publishedAt"))
    .trim()
    .refine((value) => value === "" || parseShanghai(value) !== null, rule("article.publishedAtFormat")),
  bylines: z.array(bylineInputSchema, field("bylines", { unit: "people" })).max(10),
  picks: z.array(pickInputSchema, field("picks", { unit: "entries" })).max(10),
  /** The 题图 with this article's 图说 and 替代文字 for it ("" = the photo's own). */
  lead: z
    .object({ photoId: idSchema, caption: text(500, "caption"), alt: text(200, "alt") })
    .nullable()
    .default(null),
});

export type ArticleInput = z.infer<typeof articleInputSchema>;
export type BylineInput = z.infer<typeof bylineInputSchema>;
export type PickInput = z.infer<typeof pickInputSchema>;

export const SAVE_INTENTS = ["save", "submit", "publish", "unpublish", "archive"] as const;
export type SaveIntent = (typeof SAVE_INTENTS)[number];
export const saveIntentSchema = z.enum(SAVE_INTENTS, rule("request.invalid"));

/** What the edit form sends: the article (checked by the save itself), its id and the version it started from. */
export const saveRequestSchema = z.object({
  articleId: idSchema.nullable(),
  baseVersion: z.number(rule("request.invalid")).int().min(0),
  intent: saveIntentSchema,
  input: z.unknown(),
});
export type SaveRequest = z.infer<typeof saveRequestSchema>;

export const restoreRequestSchema = z.object({ articleId: idSchema, number: idSchema, baseVersion: idSchema });

/** What the 署名 and 新闻推荐 pickers type to look up authors and published titles. */
export const lookupQuerySchema = z.string().trim().max(50);
