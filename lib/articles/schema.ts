// The article form's input, one schema for the form, the server actions, the CLI and the tests.
import { z } from "zod";
import { parseShanghai } from "../text/time";

const text = (max: number, label: string) => z.string().trim().max(max, `${label}最多 ${max} 个字`);

export const bylineInputSchema = z.object({
  authorId: z.number().int().positive().nullable(),
  authorName: z.string().trim().min(1, "请填写作者姓名").max(40, "作者姓名太长"),
  roleLabel: z.string().trim().min(1, "请填写署名身份").max(20, "署名身份太长"),
});

export const pickInputSchema = z
  .object({
    targetArticleId: z.number().int().positive().nullable(),
    title: text(200, "推荐标题"),
    excerpt: text(500, "推荐摘要"),
    url: z
      .string()
      .trim()
      .max(2000, "链接太长")
      .refine((value) => value === "" || /^https?:\/\/[^\s]+$/i.test(value), "链接须以 http:// 或 https:// 开头"),
  })
  .refine((pick) => pick.targetArticleId !== null || pick.title.length > 0, { message: "请选择文章或填写推荐标题", path: ["title"] });

export const articleInputSchema = z.object({
  title: z.string().trim().min(1, "请填写标题").max(200, "标题最多 200 个字"),
  subtitle: text(200, "副标题"),
  summary: text(500, "摘要"),
  bodyHtml: z.string().max(500_000, "正文太长"),
  channelId: z.number().int().positive().nullable(),
  source: text(50, "来源"),
  publishedAt: z
    .string()
    .trim()
    .refine((value) => value === "" || parseShanghai(value) !== null, "发布时间格式应为 2020-03-02 11:09"),
  bylines: z.array(bylineInputSchema).max(10, "署名最多 10 位"),
  picks: z.array(pickInputSchema).max(10, "新闻推荐最多 10 条"),
});

export type ArticleInput = z.infer<typeof articleInputSchema>;
export type BylineInput = z.infer<typeof bylineInputSchema>;
export type PickInput = z.infer<typeof pickInputSchema>;

export const SAVE_INTENTS = ["save", "submit", "publish", "unpublish", "archive"] as const;
export type SaveIntent = (typeof SAVE_INTENTS)[number];
export const saveIntentSchema = z.enum(SAVE_INTENTS);

/** What the edit form sends: the article (checked by the save itself), its id and the version it started from. */
export const saveRequestSchema = z.object({
  articleId: z.number().int().positive().nullable(),
  baseVersion: z.number().int().min(0),
  intent: saveIntentSchema,
  input: z.unknown(),
});
export type SaveRequest = z.infer<typeof saveRequestSchema>;

export const restoreRequestSchema = z.object({ articleId: z.number().int().positive(), number: z.number().int().positive(), baseVersion: z.number().int().positive() });

/** What the 署名 and 新闻推荐 pickers type to look up authors and published titles. */
export const lookupQuerySchema = z.string().trim().max(50);
