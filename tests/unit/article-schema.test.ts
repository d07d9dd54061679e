// The article form and sign-in schemas: what passes, what is refused, and the messages users see.
import { describe, expect, it } from "vitest";
import { articleInputSchema } from "@/lib/articles/schema";
import { fieldErrors } from "@/lib/validation";
import { passwordSchema, signInSchema } from "@/lib/auth/schema";

const HAN = /\p{Script=Han}/u;

function validInput() {
  return {
    title: "“两手抓、两手赢”平阴为什么能",
    subtitle: "",
    summary: "",
    bodyHtml: "<p>平阴县用不到一天时间建起了网格。</p>",
    channelId: 1,
    source: "济南日报",
    publishedAt: "2020-03-02 11:09",
    bylines: [{ authorId: 3, authorName: "冯经伟", roleLabel: "本报记者" }],
    picks: [
      { targetArticleId: 12, title: "", excerpt: "", url: "" },
      { targetArticleId: null, title: "平阴新闻", excerpt: "新鲜有料", url: "https://example.com/pingyin" },
    ],
  };
}

/** The field errors a user would see for this input, or null when it is accepted. */
function errorsFor(input: unknown): Record<string, string> | null {
  const result = articleInputSchema.safeParse(input);
  return result.success ? null : fieldErrors(result.error);
}

describe("articleInputSchema", () => {
  it("accepts a complete article", () => {
    expect(errorsFor(validInput())).toBeNull();
  });

  it("trims the title and accepts 200 characters", () => {
    const parsed = articleInputSchema.parse({ ...validInput(), title: `  ${"字".repeat(200)}  ` });
    expect(parsed.title).toBe("字".repeat(200));
  });

  it.each(["", "2020-03-02 11:09", "2020-03-02T11:09", "2020-03-02 11:09:30", "2024-02-29 23:59"])("accepts publish time %j", (publishedAt) => {
    expect(errorsFor({ ...validInput(), publishedAt })).toBeNull();
  });

  it.each([
    { name: "empty title", change: { title: "" }, path: "title", message: "请填写标题" },
    { name: "blank title", change: { title: "   " }, path: "title", message: "请填写标题" },
    { name: "201-character title", change: { title: "字".repeat(201) }, path: "title", message: "标题最多 200 个字" },
    { name: "30 February", change: { publishedAt: "2020-02-30 10:00" }, path: "publishedAt", message: "发布时间格式应为 2020-03-02 11:09" },
    { name: "'tomorrow'", change: { publishedAt: "tomorrow" }, path: "publishedAt", message: "发布时间格式应为 2020-03-02 11:09" },
    { name: "hour 24", change: { publishedAt: "2020-03-02 24:00" }, path: "publishedAt", message: "发布时间格式应为 2020-03-02 11:09" },
    { name: "29 February in a common year", change: { publishedAt: "2023-02-29 10:00" }, path: "publishedAt", message: "发布时间格式应为 2020-03-02 11:09" },
    {
      name: "11 bylines",
      change: { bylines: Array.from({ length: 11 }, () => ({ authorId: 1, authorName: "甲", roleLabel: "通讯员" })) },
      path: "bylines",
      message: "署名最多 10 位",
    },
  ])("refuses $name", ({ change, path, message }) => {
    const errors = errorsFor({ ...validInput(), ...change });
    expect(errors?.[path]).toBe(message);
  });

  it.each([
    {
      name: "a javascript: URL",
      pick: { targetArticleId: null, title: "点我", excerpt: "", url: "javascript:alert(1)" },
      message: "链接须以 http:// 或 https:// 开头",
      path: "picks.0.url",
    },
    {
      name: "a data: URL",
      pick: { targetArticleId: null, title: "点我", excerpt: "", url: "data:text/html,<script>alert(1)</script>" },
      message: "链接须以 http:// 或 https:// 开头",
      path: "picks.0.url",
    },
    {
      name: "neither title nor target",
      pick: { targetArticleId: null, title: "  ", excerpt: "摘要", url: "https://example.com/" },
      message: "请选择文章或填写推荐标题",
      path: "picks.0.title",
    },
  ])("refuses a pick with $name", ({ pick, path, message }) => {
    const errors = errorsFor({ ...validInput(), picks: [pick] });
    expect(errors).toEqual({ [path]: message });
  });

  it("accepts a pick with its own title and no URL", () => {
    expect(errorsFor({ ...validInput(), picks: [{ targetArticleId: null, title: "平阴新闻", excerpt: "", url: "" }] })).toBeNull();
  });

  it("gives each bad byline field a dotted path and a Chinese message", () => {
    const errors = errorsFor({
      ...validInput(),
      bylines: [
        { authorId: 3, authorName: "冯经伟", roleLabel: "本报记者" },
        { authorId: null, authorName: "", roleLabel: "" },
      ],
    });
    expect(errors).toEqual({ "bylines.1.authorName": "请填写作者姓名", "bylines.1.roleLabel": "请填写署名身份" });
  });

  it("refuses a byline that lacks the name field altogether, at bylines.0.authorName", () => {
    const errors = errorsFor({ ...validInput(), bylines: [{ authorId: null, roleLabel: "通讯员" }] });
    expect(Object.keys(errors ?? {})).toEqual(["bylines.0.authorName"]);
  });

  it("reports every bad field at once, each message in Chinese", () => {
    const errors = errorsFor({ ...validInput(), title: "", publishedAt: "tomorrow", bylines: [{ authorId: null, authorName: "", roleLabel: "摄影" }] });
    expect(Object.keys(errors ?? {}).sort()).toEqual(["bylines.0.authorName", "publishedAt", "title"]);
    for (const message of Object.values(errors ?? {})) expect(message).toMatch(HAN);
  });
});

describe("passwordSchema", () => {
  it.each([
    { length: 7, ok: false },
    { length: 8, ok: true },
    { length: 128, ok: true },
    { length: 256, ok: true },
    { length: 257, ok: false },
  ])("a password of $length characters → accepted: $ok", ({ length, ok }) => {
    expect(passwordSchema.safeParse("p".repeat(length)).success).toBe(ok);
  });

  it("explains the minimum in Chinese", () => {
    const result = passwordSchema.safeParse("1234567");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe("密码至少 8 个字符");
  });

  it("counts Chinese characters as characters", () => {
    expect(passwordSchema.safeParse("平阴县网格化管理").success).toBe(true);
  });
});

describe("signInSchema", () => {
  it("trims and lower-cases the email", () => {
    const parsed = signInSchema.parse({ email: "  Editor@Example.COM \n", password: "secret-password" });
    expect(parsed.email).toBe("editor@example.com");
  });

  it("keeps the password exactly as typed (no trimming)", () => {
    expect(signInSchema.parse({ email: "a@example.com", password: " pass word " }).password).toBe(" pass word ");
  });

  it.each([
    { name: "an address without @", input: { email: "editor.example.com", password: "x" } },
    { name: "an empty email", input: { email: "   ", password: "x" } },
    { name: "an empty password", input: { email: "editor@example.com", password: "" } },
    { name: "a 257-character password", input: { email: "editor@example.com", password: "p".repeat(257) } },
    { name: "a missing password", input: { email: "editor@example.com" } },
  ])("refuses $name", ({ input }) => {
    expect(signInSchema.safeParse(input).success).toBe(false);
  });

  it("tells the user in Chinese that the email is invalid", () => {
    const result = signInSchema.safeParse({ email: "not-an-email", password: "x" });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)).toEqual({ email: "请输入有效的邮箱地址" });
  });
});
