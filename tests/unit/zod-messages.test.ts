// The zod error map (lib/messages/zod.ts): schemas name a field label, the map words each issue in
// Chinese from the catalog — required, too long, a custom refine, a choice, a forged value.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { articleInputSchema } from "@/lib/articles/schema";
import { authorInputSchema, mergeAuthorsSchema } from "@/lib/authors/manage";
import { createChannelSchema, updateChannelSchema } from "@/lib/channels/manage";
import { field, rule } from "@/lib/messages/zod";
import { siteSettingsSchema } from "@/lib/settings/schema";
import { createUserSchema } from "@/lib/users/schema";
import { fieldErrors } from "@/lib/validation";

function errors(schema: z.ZodType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`accepted: ${JSON.stringify(input)}`);
  return fieldErrors(result.error);
}

const ARTICLE = { title: "平阴", subtitle: "", summary: "", bodyHtml: "<p>正文</p>", channelId: null, source: "本报", publishedAt: "", bylines: [], picks: [] };
const CHANNEL = { name: "平阴新闻", slug: "pingyin", tagline: "" };

describe("zod error map on the shared schemas", () => {
  it.each([
    ["required (blank after trim)", articleInputSchema, { ...ARTICLE, title: "  " }, { title: "请填写标题" }],
    ["required (field missing)", articleInputSchema, { ...ARTICLE, title: undefined }, { title: "请填写标题" }],
    ["wrong type", articleInputSchema, { ...ARTICLE, title: 7 }, { title: "标题无效" }],
    ["too long, counted in 个字", articleInputSchema, { ...ARTICLE, subtitle: "字".repeat(201) }, { subtitle: "副标题最多 200 个字" }],
    ["too long, worded 太长", articleInputSchema, { ...ARTICLE, bodyHtml: "字".repeat(500_001) }, { bodyHtml: "正文太长" }],
    [
      "too many, counted in 条",
      articleInputSchema,
      { ...ARTICLE, picks: Array.from({ length: 11 }, () => ({ targetArticleId: 1, title: "", excerpt: "", url: "" })) },
      { picks: "新闻推荐最多 10 条" },
    ],
    ["too long, counted in 个字符", createChannelSchema, { ...CHANNEL, slug: "a".repeat(61) }, { slug: "栏目地址最多 60 个字符" }],
    ["a check worded with another label", authorInputSchema, { name: "冯经伟", defaultRoleLabel: "字".repeat(21), bio: "" }, { defaultRoleLabel: "署名身份最多 20 个字" }],
    ["custom refine", createChannelSchema, { ...CHANNEL, slug: "平阴" }, { slug: "栏目地址只能用小写英文字母、数字和连字符（如 pingyin）" }],
    ["refine that requires", updateChannelSchema, { ...CHANNEL, channelId: 3, slug: "" }, { slug: "请填写栏目地址" }],
    ["object refine on a path", mergeAuthorsSchema, { keepId: 4, removeId: 4 }, { removeId: "不能把作者并入自己" }],
    ["a choice", createUserSchema, { email: "a@example.com", displayName: "甲", role: "owner", password: "long enough" }, { role: "请选择角色" }],
    ["a choice with its label", mergeAuthorsSchema, { keepId: 4, removeId: "5" }, { removeId: "请选择要并入的作者" }],
    ["an id the form sets", updateChannelSchema, { ...CHANNEL, channelId: -1 }, { channelId: "请求无效" }],
    ["an email", createUserSchema, { email: "not-an-email", displayName: "甲", role: "editor", password: "long enough" }, { email: "请输入有效的邮箱地址" }],
    [
      "a transform's own issue",
      siteSettingsSchema,
      { siteName: "", defaultSource: "", siteUrl: "ftp://example.com" },
      { siteUrl: "网站地址应为 https://www.example.com 这样的形式，不含路径" },
    ],
  ])("%s", (_name, schema, input, expected) => {
    expect(errors(schema, input)).toEqual(expected);
  });
});

describe("field() and rule() on any schema", () => {
  it("words a minimum above one with the field's unit", () => {
    expect(errors(z.object({ password: z.string(field("password", { unit: "letters" })).min(8) }), { password: "short" })).toEqual({ password: "密码至少 8 个字符" });
  });

  it("words every issue of a schema with one rule", () => {
    const schema = z.object({ userId: z.number(rule("request.invalid")).int().positive() });
    for (const userId of [undefined, "1", 1.5, 0]) expect(errors(schema, { userId })).toEqual({ userId: "请求无效" });
  });

  it("leaves schemas without a label to zod's own English (the CLI's)", () => {
    expect(errors(z.object({ port: z.number() }), { port: "x" }).port).toMatch(/^Invalid input/);
  });
});
