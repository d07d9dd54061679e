// Inputs of the photo library, one zod schema each, shared by the forms, the actions, the route
// handlers, the CLI and the tests. Messages come from ./messages.
import { z } from "zod";
import { CREDIT_KINDS } from "./credit";
import { PHOTO_FIELD_MESSAGES as M } from "./messages";

const text = (max: number, message: string) => z.string({ error: message }).trim().max(max, message);
const focal = z.coerce.number({ error: M.focal }).min(0, M.focal).max(1, M.focal);

export const photoIdSchema = z.coerce.number({ error: M.photoId }).int(M.photoId).positive(M.photoId);

/** The details an editor sets on a photo: 图说, 替代文字, 摄影 (an author or free text), 类型, 来源单位, focal point. */
export const photoDetailsSchema = z
  .object({
    photoId: photoIdSchema,
    caption: text(500, M.caption),
    alt: text(200, M.alt),
    creditAuthorId: z.preprocess((value) => (value === "" || value === undefined ? null : value), z.coerce.number({ error: M.creditAuthorId }).int(M.creditAuthorId).positive(M.creditAuthorId).nullable()),
    creditText: text(40, M.creditText),
    creditKind: z.enum(CREDIT_KINDS, { error: M.creditKind }),
    sourceOrg: text(60, M.sourceOrg),
    focalX: focal,
    focalY: focal,
  })
  .refine((input) => input.creditAuthorId === null || input.creditText === "", { message: M.creditBoth, path: ["creditText"] });

export type PhotoDetailsInput = z.input<typeof photoDetailsSchema>;
export type PhotoDetails = z.output<typeof photoDetailsSchema>;

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
