// Search text rules: normalisation, tokens of Chinese/Latin/mixed text, query parsing and escaping, snippets.
import { describe, expect, it } from "vitest";
import { normalizeText } from "@/lib/search/normalize";
import { MAX_QUERY_LENGTH, parseQuery } from "@/lib/search/parse-query";
import { buildSnippet } from "@/lib/search/snippet";
import { indexTokens, splitRuns } from "@/lib/search/tokenize";

describe("normalizeText", () => {
  it.each([
    ["ＡＩ５Ｇ", "ai5g"],
    ["，：（）", ",:()"],
    ["２．６亿元", "2.6亿元"],
    ["平阴县", "平阴县"],
    ["Ｈｅｌｌｏ　World", "hello world"],
  ])("%s → %s", (input, expected) => expect(normalizeText(input)).toBe(expected));
});

describe("indexTokens", () => {
  it.each([
    ["平阴县", "平阴 阴县 平 阴 县"],
    ["疫", "疫"],
    ["复工复产", "复工 工复 复产 复 工 复 产"],
    ["5G网络", "5g 网络 网 络"],
    ["AI, 5G", "ai 5g"],
    ["２．６亿元", "2.6 亿元 亿 元"],
    ["A股上涨", "a 股上 上涨 股 上 涨"],
    ["A股 大涨", "a 股 大涨 大 涨"],
    ["“两手抓、两手赢”", "两手 手抓 两手 手赢 两 手 抓 两 手 赢"],
    ["版本1.2.3。结束.", "版本 1.2.3 结束 版 本 结 束"],
    ["！？…“”", ""],
  ])("%s → %s", (input, expected) => expect(indexTokens(input)).toBe(expected));

  it("keeps Latin words whole and splits them from Han runs", () => {
    expect(splitRuns("玫德集团Q3营收")).toEqual([
      { kind: "han", text: "玫德集团" },
      { kind: "word", text: "q3" },
      { kind: "han", text: "营收" },
    ]);
  });
});

describe("parseQuery", () => {
  it.each([
    ["疫", '"疫"'],
    ["平阴", '"平阴"'],
    ["复工复产", '"复工 工复 复产"'],
    ["玫德集团", '"玫德 德集 集团"'],
    ["5G", '"5g"'],
    ["５Ｇ", '"5g"'],
    ["平阴  复工", '"平阴" AND "复工"'],
    ["“两手抓”", '"两手 手抓"'],
    ['"两手抓、两手赢"', '"两手 手抓 两手 手赢"'],
    ["5G网络", '"5g 网络"'],
    ["2.6亿元", '"2.6 亿元"'],
    ["A股", '"a" AND "股"'],
    ["平阴 平阴", '"平阴"'],
  ])("%s → %s", (input, match) => expect(parseQuery(input).match).toBe(match));

  it.each([[""], ["   "], ["，。！？"], ['"'], ['""'], ["*"], ["()"], [")("], ["^:-"], ["“”"]])("%j searches nothing", (input) => {
    expect(parseQuery(input)).toEqual({ terms: [], match: null });
  });

  it.each([
    ["NEAR", '"near"'],
    ["OR", '"or"'],
    ["平阴 OR", '"平阴" AND "or"'],
    ["平阴 AND NOT 疫", '"平阴" AND "and" AND "not" AND "疫"'],
    ["title_tokens:平阴", '"title tokens 平阴"'],
    ["平阴*", '"平阴"'],
    ['平阴" OR "疫', '"平阴" AND "or" AND "疫"'],
    ["NEAR(平阴 疫, 2)", '"near 平阴" AND "疫" AND "2"'],
  ])("FTS syntax %j is only text: %s", (input, match) => expect(parseQuery(input).match).toBe(match));

  it("cuts the query at 100 characters", () => {
    const parsed = parseQuery("平".repeat(MAX_QUERY_LENGTH) + "阴");
    expect(parsed.terms).toHaveLength(1);
    expect(parsed.terms[0].tokens).toHaveLength(MAX_QUERY_LENGTH - 1);
    expect(parsed.terms[0].tokens).not.toContain("平阴");
  });

  it.each([
    ["復工復產", '("復工 工復 復產") OR ("复工 工复 复产")'],
    ["兩手抓 平陰", '("兩手 手抓" AND "平陰") OR ("两手 手抓" AND "平阴")'],
    ["5G網絡", '("5g 網絡") OR ("5g 网络")'],
  ])("traditional %s also matches as simplified: %s", (input, match) => expect(parseQuery(input).match).toBe(match));

  it("highlights both the typed and the simplified form", () => {
    expect(parseQuery("平陰").terms.flatMap((term) => term.highlights)).toEqual(["平陰", "平阴"]);
  });

  it.each([["平阴"], ["著名"], ["发展"], ["干部"]])("leaves simplified %s as it is", (input) => {
    expect(parseQuery(input).terms).toHaveLength(1);
  });
});

describe("buildSnippet", () => {
  it("marks every match in a window around the first, escaping the text", () => {
    const text = "前".repeat(50) + "<b>平阴</b>复工复产，平阴加油" + "后".repeat(200);
    const html = buildSnippet(text, ["平阴", "复工复产"]);
    expect(html.startsWith("…")).toBe(true);
    expect(html.endsWith("…")).toBe(true);
    expect(html).toContain("&lt;b&gt;<mark>平阴</mark>&lt;/b&gt;<mark>复工复产</mark>，<mark>平阴</mark>加油");
    expect(html).not.toContain("<b>");
  });

  it("finds full-width text with half-width needles and marks the original characters", () => {
    expect(buildSnippet("全面推进５Ｇ建设", ["5g"])).toBe("全面推进<mark>５Ｇ</mark>建设");
  });

  it("starts at the beginning when nothing matches", () => {
    expect(buildSnippet("标题里才有", ["平阴"])).toBe("标题里才有");
  });
});
