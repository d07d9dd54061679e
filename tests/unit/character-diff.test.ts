// Character-level diff on Chinese text: one changed character shows as one changed character.
import { describe, expect, it } from "vitest";
import { characterDiff, hasChanges, type DiffPart } from "@/lib/text/diff";

const textBefore = (parts: DiffPart[]) =>
  parts
    .filter((part) => part.kind !== "insert")
    .map((part) => part.text)
    .join("");
const textAfter = (parts: DiffPart[]) =>
  parts
    .filter((part) => part.kind !== "delete")
    .map((part) => part.text)
    .join("");
const ofKind = (parts: DiffPart[], kind: DiffPart["kind"]) => parts.filter((part) => part.kind === kind);
const changedCharacters = (parts: DiffPart[]) => parts.filter((part) => part.kind !== "equal").reduce((sum, part) => sum + Array.from(part.text).length, 0);

const SENTENCE = "平阴县用不到一天时间建起了网格";

describe("characterDiff on Chinese text", () => {
  it("shows one changed character as exactly one delete and one insert of that character", () => {
    const parts = characterDiff(SENTENCE, "平阴县用不到两天时间建起了网格");
    expect(ofKind(parts, "delete")).toEqual([{ kind: "delete", text: "一" }]);
    expect(ofKind(parts, "insert")).toEqual([{ kind: "insert", text: "两" }]);
    expect(ofKind(parts, "equal").map((part) => part.text)).toEqual(["平阴县用不到", "天时间建起了网格"]);
    expect(hasChanges(parts)).toBe(true);
  });

  it("shows an insertion as one insert and nothing deleted", () => {
    const parts = characterDiff(SENTENCE, "平阴县用不到一天时间就建起了网格");
    expect(ofKind(parts, "insert")).toEqual([{ kind: "insert", text: "就" }]);
    expect(ofKind(parts, "delete")).toEqual([]);
    expect(textAfter(parts)).toBe("平阴县用不到一天时间就建起了网格");
  });

  it("shows a deletion as one delete and nothing inserted", () => {
    const parts = characterDiff(SENTENCE, "平阴县用不到一天建起了网格");
    expect(ofKind(parts, "delete")).toEqual([{ kind: "delete", text: "时间" }]);
    expect(ofKind(parts, "insert")).toEqual([]);
  });

  it("finds no change between identical strings", () => {
    const parts = characterDiff(SENTENCE, SENTENCE);
    expect(parts).toEqual([{ kind: "equal", text: SENTENCE }]);
    expect(hasChanges(parts)).toBe(false);
  });

  it("finds no change between two empty strings, and a whole insert from empty", () => {
    expect(hasChanges(characterDiff("", ""))).toBe(false);
    expect(characterDiff("", "新标题")).toEqual([{ kind: "insert", text: "新标题" }]);
    expect(characterDiff("旧标题", "")).toEqual([{ kind: "delete", text: "旧标题" }]);
  });

  it.each([
    { name: "a digit inside Latin (5G → 4G)", from: "全县已建成5G基站120座", to: "全县已建成4G基站120座", deleted: "5", inserted: "4" },
    { name: "a digit inside a decimal (2.6亿元 → 2.8亿元)", from: "完成投资2.6亿元，同比增长", to: "完成投资2.8亿元，同比增长", deleted: "6", inserted: "8" },
    { name: "a Chinese unit after digits (亿 → 万)", from: "完成投资2.6亿元", to: "完成投资2.6万元", deleted: "亿", inserted: "万" },
    { name: "full-width to half-width comma", from: "两手抓，两手赢", to: "两手抓,两手赢", deleted: "，", inserted: "," },
  ])("handles mixed text: $name", ({ from, to, deleted, inserted }) => {
    const parts = characterDiff(from, to);
    expect(ofKind(parts, "delete").map((part) => part.text)).toEqual([deleted]);
    expect(ofKind(parts, "insert").map((part) => part.text)).toEqual([inserted]);
    expect(textBefore(parts)).toBe(from);
    expect(textAfter(parts)).toBe(to);
  });

  it("never splits a character outside the Basic Multilingual Plane (𠮷 → 吉)", () => {
    const parts = characterDiff("𠮷野家的牛肉饭", "吉野家的牛肉饭");
    expect(ofKind(parts, "delete")).toEqual([{ kind: "delete", text: "𠮷" }]);
    expect(ofKind(parts, "insert")).toEqual([{ kind: "insert", text: "吉" }]);
  });

  it("never splits two rare characters that share a high surrogate (𠮷 → 𠮾)", () => {
    const parts = characterDiff("姓𠮷", "姓𠮾");
    for (const part of parts) expect(part.text.isWellFormed()).toBe(true);
    expect(ofKind(parts, "delete").map((part) => part.text)).toEqual(["𠮷"]);
    expect(ofKind(parts, "insert").map((part) => part.text)).toEqual(["𠮾"]);
  });
});

describe("characterDiff on a long article", () => {
  // A deterministic pseudo-random Chinese text, so a failure can be reproduced.
  function random(seed: number) {
    let state = seed;
    return () => {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      return state / 2 ** 31;
    };
  }
  const ALPHABET = Array.from("平阴县用不到一天时间建起了网格济南日报记者通讯员两手抓赢为什么能新闻推荐疫情防控复工复产企业群众社区干部，。、；");
  const REPLACEMENTS = Array.from("甲乙丙丁戊己庚辛壬癸");

  const next = random(20200302);
  const original = Array.from({ length: 10_000 }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]);
  const edited = [...original];
  // 20 edits spread over the text, from the end so earlier positions stay valid: replace, insert, delete in turn.
  const positions = Array.from({ length: 20 }, (_, index) => 250 + index * 490 + Math.floor(next() * 200)).reverse();
  positions.forEach((position, index) => {
    const marker = REPLACEMENTS[index % REPLACEMENTS.length];
    if (index % 3 === 0) edited.splice(position, 1, marker);
    else if (index % 3 === 1) edited.splice(position, 0, marker);
    else edited.splice(position, 1);
  });
  const from = original.join("");
  const to = edited.join("");

  it("rebuilds both sides exactly from the parts", () => {
    const parts = characterDiff(from, to);
    expect(from).toHaveLength(10_000);
    expect(textBefore(parts)).toBe(from);
    expect(textAfter(parts)).toBe(to);
  });

  it("marks only the edited characters, not whole paragraphs", () => {
    const parts = characterDiff(from, to);
    // 7 replacements (2 characters each), 7 insertions, 6 deletions: at most 27 changed characters.
    expect(changedCharacters(parts)).toBeGreaterThan(0);
    expect(changedCharacters(parts)).toBeLessThanOrEqual(27);
    // Every inserted character is one of the markers; nothing else was added.
    for (const part of ofKind(parts, "insert")) for (const character of part.text) expect(REPLACEMENTS).toContain(character);
  });

  it("keeps parts in alternation: no two neighbouring parts of the same kind", () => {
    const parts = characterDiff(from, to);
    for (let index = 1; index < parts.length; index++) expect(parts[index].kind === parts[index - 1].kind).toBe(false);
  });
});
