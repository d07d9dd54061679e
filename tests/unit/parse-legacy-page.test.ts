import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseBylineLine, parseLegacyPage, type LegacyPage } from "@/lib/legacy-import/parse-legacy-page";

const REPOSITORY = path.resolve(import.meta.dirname, "../..");
const FIXTURE = path.join(REPOSITORY, "prisma/demo/jnrb-2020-03-02-pingyin.txt");
// The project's shared folder sits beside the repository in newsroom checkouts; a clone elsewhere (CI) has none.
const SHARED_FIXTURES = path.resolve(REPOSITORY, "../shared/fixtures");
const SHARED_FIXTURE = path.join(SHARED_FIXTURES, "legacy-pages/jnrb-2020-03-02-pingyin.txt");
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
  it("demo copy is byte-identical to the shared fixture", (context) => {
    context.skip(!fs.existsSync(SHARED_FIXTURES), `no shared fixtures folder beside the repository (${SHARED_FIXTURES}), so there is nothing to compare the demo copy with`);
    // With the folder present, a missing fixture fails here rather than skipping.
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
    [
      "full-width parentheses, two roles",
      "（记者 张晨 实习生 赵一鸣）",
      [
        { roleLabel: "记者", name: "张晨" },
        { roleLabel: "实习生", name: "赵一鸣" },
      ],
    ],
    [
      "several role pairs",
      "(本报记者 王晓明 通讯员 李华)",
      [
        { roleLabel: "本报记者", name: "王晓明" },
        { roleLabel: "通讯员", name: "李华" },
      ],
    ],
    [
      "two names under one role",
      "(本报记者 王晓明 李华)",
      [
        { roleLabel: "本报记者", name: "王晓明" },
        { roleLabel: "本报记者", name: "李华" },
      ],
    ],
    ["role glued to the name", "(本报记者王晓明)", [{ roleLabel: "本报记者", name: "王晓明" }]],
    [
      "photographer",
      "(本报记者 王晓明 摄影 刘强)",
      [
        { roleLabel: "本报记者", name: "王晓明" },
        { roleLabel: "摄影", name: "刘强" },
      ],
    ],
    [
      "ideographic space between pairs",
      "（记者\u3000张晨\u3000通讯员\u3000李华）",
      [
        { roleLabel: "记者", name: "张晨" },
        { roleLabel: "通讯员", name: "李华" },
      ],
    ],
    [
      "trailing 报道 is not an author",
      "(本报记者 王晓明 通讯员 李华 报道)",
      [
        { roleLabel: "本报记者", name: "王晓明" },
        { roleLabel: "通讯员", name: "李华" },
      ],
    ],
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

describe("parseLegacyPage on the sample pages of tests/fixtures/legacy", () => {
  const sample = (name: string) => parseOk(fs.readFileSync(`tests/fixtures/legacy/${name}`, "utf8"));

  it("长清: full-width byline with two roles, two picks, channel tagline, trailing boilerplate dropped", () => {
    const result = sample("changqing-2019-07-15-two-picks.txt");
    expect(result.title).toBe("长清区“夏粮入仓”跑出加速度");
    expect(result.publishedAt.toISOString()).toBe("2019-07-15T10:42:00.000Z");
    expect(result.paragraphs).toHaveLength(3);
    expect(result.bylines).toEqual([
      { roleLabel: "记者", name: "张晨" },
      { roleLabel: "实习生", name: "赵一鸣" },
    ]);
    expect(result.picks.map((pick) => pick.title)).toEqual(["长清区小麦机收进度过半", "归德街道:党员服务队帮农户抢收"]);
    expect(result.picks[1].excerpt).toMatch(/^“在归德街道.*\.\.\.$/);
    expect(result.channel).toEqual({ name: "长清新闻", tagline: "长清新闻,身边事,家乡情。看得见的变化,都在这里。" });
  });

  it("章丘: BOM and CRLF, no 大字, byline with 本报记者 and 通讯员, no picks", () => {
    const result = sample("zhangqiu-2021-11-03-no-picks.txt");
    expect(result.title).toBe("章丘区首趟“返岗直通车”发车");
    expect(result.source).toBe("济南日报");
    expect(result.paragraphs.every((paragraph) => !paragraph.includes("\r"))).toBe(true);
    expect(result.bylines).toEqual([
      { roleLabel: "本报记者", name: "王晓明" },
      { roleLabel: "通讯员", name: "李华" },
    ]);
    expect(result.picks).toEqual([]);
    expect(result.channel?.name).toBe("章丘新闻");
  });

  it("济南: labelled 来源 with a 年月日 date, a 大字 line on its own, an unknown glued role label", () => {
    const result = sample("jinan-2018-02-14-meta-variants.txt");
    expect(result.source).toBe("济南时报");
    expect(result.publishedAt.toISOString()).toBe("2018-02-14T01:05:00.000Z");
    expect(result.paragraphs).toEqual(["2月13日晚,第二十届泉城灯会在趵突泉公园开幕,120余组彩灯点亮夜空。", "(以上数据截至2月13日)", "灯会将持续至3月4日,每晚开放至22时。"]);
    expect(result.bylines).toEqual([{ roleLabel: "新华社记者", name: "王晓明" }]);
    expect(result.channel?.name).toBe("济南新闻");
  });

  it("平阴: markup-looking text is kept as text, character for character", () => {
    const result = sample("pingyin-2022-01-01-markup.txt");
    expect(result.title).toBe('<script>alert("标题")</script>平阴玫瑰节开幕');
    expect(result.paragraphs[0]).toBe("第一段正文里有<script>alert(document.cookie)</script>这样的文字。");
    expect(result.paragraphs[2]).toBe(`a & b < c > d "引号" '单引号'`);
    expect(result.bylines).toEqual([
      { roleLabel: "本报记者", name: "冯经伟" },
      { roleLabel: "摄影", name: "刘强" },
    ]);
  });

  it("历城: no byline; the closing line naming a channel is still the tagline", () => {
    const result = sample("licheng-2023-06-18-no-byline.txt");
    expect(result.bylines).toEqual([]);
    expect(result.paragraphs).toHaveLength(2);
    expect(result.channel).toEqual({ name: "历城新闻", tagline: "历城新闻,看得见的变化。" });
  });

  it.each([
    ["broken/empty.txt", /empty/],
    ["broken/no-date.txt", /no date line/],
    ["broken/no-title.txt", /no title/],
  ])("%s is refused with a reason", (name, reason) => {
    const result = parseLegacyPage(fs.readFileSync(`tests/fixtures/legacy/${name}`, "utf8"));
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(reason) });
  });
});

describe("parseLegacyPage: more meta lines", () => {
  it.each([
    ["来源 label before the date", "来源：济南时报 2018-02-14 09:05", "济南时报", "2018-02-14T01:05:00.000Z"],
    ["来源 label after the date, slashes, no zero padding", "2020/3/2 9:05 来源:大众日报 大字", "大众日报", "2020-03-02T01:05:00.000Z"],
    ["发布时间 label", "济南日报 发布时间：2020-03-02 11:09", "济南日报", "2020-03-02T03:09:00.000Z"],
    ["字号 switch", "济南日报 2020-03-02 11:09 字号：大 中 小", "济南日报", "2020-03-02T03:09:00.000Z"],
    ["年月日 with a full-width colon", "齐鲁晚报 2020年3月2日 11：09", "齐鲁晚报", "2020-03-02T03:09:00.000Z"],
    ["a source that contains 大", "大众日报 2020-03-02 11:09 大字", "大众日报", "2020-03-02T03:09:00.000Z"],
  ])("%s", (_label, meta, source, iso) => {
    const result = parseOk(page({ meta }));
    expect(result.source).toBe(source);
    expect(result.publishedAt.toISOString()).toBe(iso);
  });

  it("a second line that is prose mentioning a time is not a date line", () => {
    const result = parseLegacyPage(page({ meta: "2020-03-02 11:09,平阴县召开疫情防控工作会议。" }));
    expect(result).toEqual({ ok: false, reason: "no date line after the title" });
  });

  it("a page that starts with its date line has no title", () => {
    expect(parseLegacyPage("济南日报 2020-03-02 11:09 大字\n\n正文。\n")).toEqual({ ok: false, reason: expect.stringMatching(/^no title/) });
  });
});

describe("parseLegacyPage: more bylines and tails", () => {
  it.each([
    ["an unknown role label ending like a role", "(新华社记者 王晓明)", [{ roleLabel: "新华社记者", name: "王晓明" }]],
    [
      "an unknown role label glued to the name",
      "（大众日报记者王晓明 通讯员李华）",
      [
        { roleLabel: "大众日报记者", name: "王晓明" },
        { roleLabel: "通讯员", name: "李华" },
      ],
    ],
    ["文/图 before the role", "(文/图 本报记者 王晓明)", [{ roleLabel: "本报记者", name: "王晓明" }]],
    ["文/图 as the role", "(文/图 王晓明)", [{ roleLabel: "文/图", name: "王晓明" }]],
    [
      "names separated by a slash",
      "(本报记者 王晓明/李华)",
      [
        { roleLabel: "本报记者", name: "王晓明" },
        { roleLabel: "本报记者", name: "李华" },
      ],
    ],
    ["a colon after the role", "(记者：张晨)", [{ roleLabel: "记者", name: "张晨" }]],
    ["a trailing 摄", "(记者 张晨 摄)", [{ roleLabel: "记者", name: "张晨" }]],
    ["a name with a middle dot", "(记者 阿依古丽·买买提)", [{ roleLabel: "记者", name: "阿依古丽·买买提" }]],
  ])("byline with %s", (_label, bylineLine, expected) => {
    expect(parseOk(page({ byline: bylineLine })).bylines).toEqual(expected);
  });

  it.each([["(王晓明)"], ["(2020年3月2日)"], ["(记者 这是一段很长很长的说明文字)"], ["(本报记者)"]])("%s is not a byline", (line) => {
    expect(parseBylineLine(line)).toBeNull();
  });

  it("a photo credit in the middle of the body stays in the body", () => {
    const result = parseOk(page({ body: ["第一段。", "(记者 张晨 摄)", "第三段。"] }));
    expect(result.paragraphs).toEqual(["第一段。", "(记者 张晨 摄)", "第三段。"]);
    expect(result.bylines).toEqual([{ roleLabel: "本报记者", name: "王晓明" }]);
  });

  it("a pick without an excerpt before a channel tagline keeps its title", () => {
    const result = parseOk(page({ picks: ["新闻推荐", "标题甲", "摘要甲", "标题乙"] }));
    expect(result.picks).toEqual([
      { title: "标题甲", excerpt: "摘要甲" },
      { title: "标题乙", excerpt: "" },
    ]);
    expect(result.channel?.name).toBe("平阴新闻");
  });

  it("titles listed under 相关推荐 are dropped (newsdesk computes its own related articles)", () => {
    const result = parseOk(page({ trailer: ["相关推荐", "某某旧文章标题", "另一篇旧文章标题", "新闻推荐"] }));
    expect(result).toEqual(parseOk(page()));
  });

  it("without a byline, a last body paragraph shaped like a tagline stays body text", () => {
    const result = parseOk(page({ body: ["第一段。", "第二天下午,平阴县建起了防控网格。"], byline: null, picks: [], tagline: null }));
    expect(result.paragraphs).toEqual(["第一段。", "第二天下午,平阴县建起了防控网格。"]);
    expect(result.channel).toBeNull();
  });
});

describe("parseLegacyPage: limits of an editable article", () => {
  it("refuses a title longer than 200 characters", () => {
    expect(parseLegacyPage(page({ title: "长".repeat(201) }))).toEqual({ ok: false, reason: "title longer than 200 characters" });
    expect(parseLegacyPage(page({ title: "长".repeat(200) })).ok).toBe(true);
  });

  it("refuses a 来源 longer than 50 characters and more than 10 bylines", () => {
    expect(parseLegacyPage(page({ meta: `${"报".repeat(51)} 2021-06-01 08:30` }))).toEqual({ ok: false, reason: expect.stringMatching(/^source/) });
    const eleven = Array.from({ length: 11 }, (_, index) => `记者 张${"一二三四五六七八九十甲"[index]}`).join(" ");
    expect(parseLegacyPage(page({ byline: `(${eleven})` }))).toEqual({ ok: false, reason: "more than 10 bylines" });
  });

  it("keeps the first 10 picks and shortens an over-long excerpt instead of losing the page", () => {
    const picks = ["新闻推荐", ...Array.from({ length: 12 }, (_, index) => [`标题${index}`, index === 0 ? "摘".repeat(600) : `摘要${index}`]).flat()];
    const result = parseOk(page({ picks }));
    expect(result.picks).toHaveLength(10);
    expect(result.picks[9].title).toBe("标题9");
    expect(Array.from(result.picks[0].excerpt)).toHaveLength(500);
    expect(result.picks[0].excerpt.endsWith("…")).toBe(true);
  });
});
