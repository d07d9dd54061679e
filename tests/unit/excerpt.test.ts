import { describe, expect, it } from "vitest";
import { excerpt } from "@/lib/text/excerpt";

const han = (count: number, char = "字") => char.repeat(count);

describe("excerpt", () => {
  it.each([
    ["short text is returned whole", "平阴县召开会议。", 120, "平阴县召开会议。"],
    ["surrounding whitespace is trimmed", "  \n平阴县召开会议。\n ", 120, "平阴县召开会议。"],
    ["only the first paragraph is used", "第一段。\n第二段。", 120, "第一段。"],
    ["blank lines before the first paragraph are skipped", "\n\n\n第一段。\n第二段。", 120, "第一段。"],
    ["exactly the limit is not cut", han(10), 10, han(10)],
    ["empty text gives an empty excerpt", "", 120, ""],
  ])("%s", (_label, text, limit, expected) => {
    expect(excerpt(text, limit)).toBe(expected);
  });

  it("cuts at the last sentence end inside the limit", () => {
    const text = `${han(70)}。${han(40)}！${han(50)}`;
    expect(excerpt(text)).toBe(`${han(70)}。${han(40)}！`);
  });

  it.each(["。", "！", "？", "!", "?", "；", ";"])("treats %s as a sentence end", (mark) => {
    expect(excerpt(`${han(8)}${mark}${han(10)}`, 10)).toBe(`${han(8)}${mark}`);
  });

  it("ignores a sentence end too early in the text and adds an ellipsis", () => {
    const text = `${han(10)}。${han(200)}`;
    const result = excerpt(text);
    expect(result).toBe(`${han(10)}。${han(109)}…`);
    expect(Array.from(result)).toHaveLength(121);
  });

  it("does not treat commas as sentence ends", () => {
    expect(excerpt(`${han(8)},${han(3)}，${han(10)}`, 10)).toBe(`${han(8)},${han(1)}…`);
  });

  it("counts characters, not UTF-16 units, and never splits a surrogate pair", () => {
    const emoji = "😀";
    const text = emoji.repeat(30);
    const result = excerpt(text, 10);
    expect(result).toBe(emoji.repeat(10) + "…");
    expect(result).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    const rare = "𠀀"; // CJK Extension B, outside the BMP
    expect(excerpt(rare.repeat(5), 5)).toBe(rare.repeat(5));
    expect(excerpt(rare.repeat(6), 5)).toBe(rare.repeat(5) + "…");
  });

  it("on the fixture's first paragraph keeps the whole first sentence", () => {
    const first =
      "1月25日,大年初一。时间接近第二天零点,一条提前结束春节假期、全体干部职工1月26日(正月初二)返回工作岗位的的通知从平阴县委发出。平阴县连夜成立新冠病毒肺炎疫情处置工作领导小组(指挥部),并召开第一次会议。一张光线昏暗、众人面色凝重的照片记录下了这个场景。";
    const result = excerpt(first);
    expect(first.startsWith(result)).toBe(true);
    expect(result.endsWith("。")).toBe(true);
    expect(Array.from(result).length).toBeLessThanOrEqual(120);
    expect(Array.from(result).length).toBeGreaterThanOrEqual(72);
  });
});
