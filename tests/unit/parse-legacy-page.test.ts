import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parseBylineLine, parseLegacyPage, type LegacyPage } from "@/lib/importer/parse-legacy-page";

const FIXTURE = "prisma/demo/jnrb-2020-03-02-pingyin.txt";
const SHARED_FIXTURE = "/work/shared/fixtures/legacy-pages/jnrb-2020-03-02-pingyin.txt";
const fixtureText = fs.readFileSync(FIXTURE, "utf8");
const fixtureLines = fixtureText.split("\n");
/** Body paragraphs straight from the file: lines 5..33 (1-based), blank lines dropped. */
const fixtureBody = fixtureLines.slice(4, 33).filter((line) => line.trim() !== "");

function parseOk(text: string): LegacyPage {
  const result = parseLegacyPage(text);
  if (!result.ok) throw new Error(`expected a parsed page, got: ${result.reason}`);
  return result.page;
}

/** A small page in the fixture's shape, assembled from parts so variations stay readable. */
function page({
  title = "县城新闻标题",
  meta = "济南日报 2021-06-01 08:30 大字",
  body = ["第一段正文。", "第二段正文。"],
  byline = "(本报记者 王晓明)" as string | null,
  picks = ["新闻推荐", "推荐标题一", "推荐摘要一..."] as string[],
  tagline = "平阴新闻,新鲜有料。距离平阴县再远也不是问题。" as string | null,
  trailer = ["", " ", "相关推荐", "", "新闻推荐"],
  newline = "\n",
} = {}): string {
  const lines = [title, "", meta, "", ...body.flatMap((paragraph) => [paragraph, ""])];
  if (byline !== null) lines.push(byline, "");
  for (const line of picks) lines.push(line, "");
  if (tagline !== null) lines.push(tagline);
  lines.push(...trailer);
  return lines.join(newline);
}

describe("parseLegacyPage on the founding fixture", () => {
  it.skipIf(!fs.existsSync(SHARED_FIXTURE))("demo copy is byte-identical to the shared fixture", () => {
    expect(fs.readFileSync(FIXTURE).equals(fs.readFileSync(SHARED_FIXTURE))).toBe(true);
  });

  it("derives 15 body lines from the file (guards the expectation itself)", () => {
    expect(fixtureBody).toHaveLength(15);
    expect(fixtureLines[34]).toBe("(本报记者 冯经伟)");
  });

  const parsed = parseOk(fixtureText);

  it("reads title, 来源 and the Shanghai publish time", () => {
    expect(parsed.title).toBe("“两手抓、两手赢”平阴为什么能");
    expect(parsed.source).toBe("济南日报");
    expect(parsed.publishedAt.toISOString()).toBe("2020-03-02T03:09:00.000Z");
  });

  it("keeps exactly the 15 body paragraphs, in order and unchanged", () => {
    expect(parsed.paragraphs).toEqual(fixtureBody);
  });

  it("reads the byline as one role/author pair", () => {
    expect(parsed.bylines).toEqual([{ roleLabel: "本报记者", name: "冯经伟" }]);
  });

  it("reads the 新闻推荐 block as one pick with its title and excerpt lines", () => {
    expect(parsed.picks).toEqual([{ title: fixtureLines[38], excerpt: fixtureLines[40] }]);
    expect(parsed.picks[0].title).toMatch(/^权威发布、5G加速/);
    expect(parsed.picks[0].excerpt).toMatch(/\.\.\.$/);
  });

  it("reads the channel and its tagline line", () => {
    expect(parsed.channel).toEqual({ name: "平阴新闻", tagline: fixtureLines[42] });
    expect(parsed.channel?.tagline).toMatch(/^平阴新闻,新鲜有料。/);
  });

  it("ignores trailing boilerplate headings and space-only lines", () => {
    const everything = [...parsed.paragraphs, ...parsed.picks.flatMap((pick) => [pick.title, pick.excerpt])];
    expect(everything).not.toContain("相关推荐");
    expect(everything).not.toContain("新闻推荐");
    expect(everything.some((line) => line.trim() === "")).toBe(false);
  });

  it("parses the same page with CRLF line endings and a BOM", () => {
    const windows = "\uFEFF" + fixtureText.replace(/\n/g, "\r\n");
    expect(parseOk(windows)).toEqual(parsed);
  });
});

describe("parseLegacyPage variations", () => {
  it("parses the synthetic baseline page", () => {
    const result = parseOk(page());
    expect(result).toEqual({
      title: "县城新闻标题",
      source: "济南日报",
      publishedAt: new Date("2021-06-01T00:30:00Z"),
      paragraphs: ["第一段正文。", "第二段正文。"],
      bylines: [{ roleLabel: "本报记者", name: "王晓明" }],
      picks: [{ title: "推荐标题一", excerpt: "推荐摘要一..." }],
      channel: { name: "平阴新闻", tagline: "平阴新闻,新鲜有料。距离平阴县再远也不是问题。" },
    });
  });

  it.each([
    ["CRLF", page({ newline: "\r\n" })],
    ["old Mac CR", page({ newline: "\r" })],
    ["BOM", "\uFEFF" + page()],
    ["BOM + CRLF", "\uFEFF" + page({ newline: "\r\n" })],
    ["no trailing boilerplate", page({ trailer: [] })],
    ["space-only and ideographic-space lines", page({ trailer: ["   ", "\u3000", "\t", "相关推荐", " "] })],
  ])("%s gives the same page", (_label, text) => {
    expect(parseOk(text)).toEqual(parseOk(page()));
  });

  it.each([
    ["full-width parentheses, two roles", "（记者 张晨 实习生 赵一鸣）", [{ roleLabel: "记者", name: "张晨" }, { roleLabel: "实习生", name: "赵一鸣" }]],
    ["several role pairs", "(本报记者 王晓明 通讯员 李华)", [{ roleLabel: "本报记者", name: "王晓明" }, { roleLabel: "通讯员", name: "李华" }]],
    ["two names under one role", "(本报记者 王晓明 李华)", [{ roleLabel: "本报记者", name: "王晓明" }, { roleLabel: "本报记者", name: "李华" }]],
    ["role glued to the name", "(本报记者王晓明)", [{ roleLabel: "本报记者", name: "王晓明" }]],
    ["photographer", "(本报记者 王晓明 摄影 刘强)", [{ roleLabel: "本报记者", name: "王晓明" }, { roleLabel: "摄影", name: "刘强" }]],
    ["ideographic space between pairs", "（记者\u3000张晨\u3000通讯员\u3000李华）", [{ roleLabel: "记者", name: "张晨" }, { roleLabel: "通讯员", name: "李华" }]],
    ["trailing 报道 is not an author", "(本报记者 王晓明 通讯员 李华 报道)", [{ roleLabel: "本报记者", name: "王晓明" }, { roleLabel: "通讯员", name: "李华" }]],
    ["trailing 摄影报道 is not an author", "（记者 张晨 摄影报道）", [{ roleLabel: "记者", name: "张晨" }]],
  ])("byline with %s", (_label, bylineLine, expected) => {
    const result = parseOk(page({ byline: bylineLine }));
    expect(result.bylines).toEqual(expected);
    expect(result.paragraphs).toEqual(["第一段正文。", "第二段正文。"]);
  });

  it("a parenthesised sentence in the body is not mistaken for a byline", () => {
    expect(parseBylineLine("(完)")).toBeNull();
    expect(parseBylineLine("(以上数据截至2月29日)")).toBeNull();
    const result = parseOk(page({ body: ["第一段正文。", "(以上数据截至2月29日)", "第三段。"] }));
    expect(result.paragraphs).toEqual(["第一段正文。", "(以上数据截至2月29日)", "第三段。"]);
    expect(result.bylines).toEqual([{ roleLabel: "本报记者", name: "王晓明" }]);
  });

  it("no picks block: no picks, channel still read", () => {
    const result = parseOk(page({ picks: [] }));
    expect(result.picks).toEqual([]);
    expect(result.channel?.name).toBe("平阴新闻");
  });

  it("a 新闻推荐 block with two picks keeps their order", () => {
    const result = parseOk(page({ picks: ["新闻推荐", "标题甲", "摘要甲", "标题乙", "摘要乙"] }));
    expect(result.picks).toEqual([
      { title: "标题甲", excerpt: "摘要甲" },
      { title: "标题乙", excerpt: "摘要乙" },
    ]);
  });

  it("no tagline: no channel, pick intact", () => {
    const result = parseOk(page({ tagline: null }));
    expect(result.channel).toBeNull();
    expect(result.picks).toEqual([{ title: "推荐标题一", excerpt: "推荐摘要一..." }]);
  });

  it("full-width comma in the tagline still names the channel", () => {
    const result = parseOk(page({ tagline: "济南新闻，城市脉搏。" }));
    expect(result.channel).toEqual({ name: "济南新闻", tagline: "济南新闻，城市脉搏。" });
  });

  it("a page without a byline keeps the body and drops trailing boilerplate", () => {
    const result = parseOk(page({ byline: null, picks: [], tagline: null }));
    expect(result.paragraphs).toEqual(["第一段正文。", "第二段正文。"]);
    expect(result.bylines).toEqual([]);
  });

  it.each([
    ["without 大字", "济南日报 2021-06-01 08:30", "济南日报", "2021-06-01T00:30:00.000Z"],
    ["with seconds", "济南日报 2021-06-01 08:30:15 大字", "济南日报", "2021-06-01T00:30:15.000Z"],
    ["after midnight in Shanghai (previous UTC day)", "平阴报 2021-06-01 05:00 大字", "平阴报", "2021-05-31T21:00:00.000Z"],
    ["no source", "2021-06-01 08:30 大字", "", "2021-06-01T00:30:00.000Z"],
  ])("meta line %s", (_label, meta, source, iso) => {
    const result = parseOk(page({ meta }));
    expect(result.source).toBe(source);
    expect(result.publishedAt.toISOString()).toBe(iso);
  });
});

describe("parseLegacyPage on broken pages", () => {
  it.each([
    ["empty", "", /empty/],
    ["only whitespace", " \n\r\n\u3000\n", /empty/],
    ["only a BOM", "\uFEFF", /empty/],
    ["only a title", "孤零零的标题\n", /date/],
    ["no date line", "标题\n\n这里本该是日期\n\n正文。", /date/],
    ["invalid date 2020-02-30", page({ meta: "济南日报 2020-02-30 11:09 大字" }), /invalid date/],
    ["invalid hour 25:00", page({ meta: "济南日报 2020-03-02 25:00 大字" }), /invalid date/],
    ["title and date but no body", "标题\n\n济南日报 2020-03-02 11:09 大字\n\n相关推荐\n", /body/],
    ["byline right after the date", "标题\n\n济南日报 2020-03-02 11:09 大字\n\n(本报记者 冯经伟)\n", /body/],
  ])("%s → ok:false with a reason", (_label, text, reason) => {
    const result = parseLegacyPage(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});
