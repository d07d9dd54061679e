// Inputs of the photo library, one zod schema each, shared by the forms, the actions, the route
// handlers, the CLI and the tests. Their words come from the message catalog.
import { z } from "zod";
import { field, rule } from "../messages/zod";
import { CREDIT_KINDS } from "./credit";

const focal = z.coerce.number(rule("photo.focalOutside")).min(0).max(1);

export const photoIdSchema = z.coerce.number(rule("request.invalid")).int().positive();

/** 摄影: a linked author (empty means none) or free text. */
const creditFields = {
  creditAuthorId: z.preprocess(
    (value) => (value === "" || value === undefined ? null : value),
    z.coerce
      .number(field("credit", { choose: true }))
      .int()
      .positive()
      .nullable(),
  ),
  creditText: z.string(field("credit")).trim().max(40),
};

/** The details an editor sets on a photo: 图说, 替代文字, 摄影 (an author or free text), 类型, 来源单位, focal point. */
export const photoDetailsSchema = z
  .object({
    photoId: photoIdSchema,
    caption: z.string(field("caption")).trim().max(500),
    alt: z.string(field("alt")).trim().max(200),
    ...creditFields,
    creditKind: z.enum(CREDIT_KINDS, rule("photo.creditKindChoose")),
    sourceOrg: z.string(field("sourceOrg")).trim().max(60),
    focalX: focal,
    focalY: focal,
  })
  .refine((input) => input.creditAuthorId === null || input.creditText === "", { ...rule("photo.creditBoth"), path: ["creditText"] });

export type PhotoDetailsInput = z.input<typeof photoDetailsSchema>;
export type PhotoDetails = z.output<typeof photoDetailsSchema>;

/** Only the 摄影, as the article form's 题图 group changes it; a link wins over leftover text. */
export const photoCreditSchema = z.object({ photoId: photoIdSchema, ...creditFields });
export type PhotoCreditInput = z.input<typeof photoCreditSchema>;

const dateText = z
  .string()
  .trim()
  .refine((value) => value === "" || (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00+08:00`))))
  .catch("");

/** The library's search: words in 图说, 替代文字, 摄影, 来源单位, file name or uploader; dates in Asia/Shanghai. */
export const photoListSchema = z.object({
  q: z.string().trim().max(100).catch(""),
  uploadedById: z.coerce.number().int().positive().optional().catch(undefined),
  from: dateText,
  to: dateText,
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

/** Query values as they come from a URL or a form; anything unusable falls back to its default. */
export type PhotoListInput = { q?: string; uploadedById?: number | string; from?: string; to?: string; page?: number | string };
export type PhotoListQuery = z.output<typeof photoListSchema>;
