import { describe, expect, it } from "vitest";
import { rankSimilar, significantTerms, termCounts, type Candidate } from "@/lib/search/similarity";

describe("termCounts", () => {
  it("counts bigrams and words, title terms three times, lone characters never", () => {
    const counts = termCounts("平阴复工", "平阴县 5G 疫");
    expect(counts.get("平阴")).toBe(4);
    expect(counts.get("复工")).toBe(3);
    expect(counts.get("阴县")).toBe(1);
    expect(counts.get("5g")).toBe(1);
    expect(counts.has("疫")).toBe(false);
    expect(counts.has("平")).toBe(false);
  });

  it("leaves out bigrams holding a particle or preposition, which mostly span two words", () => {
    const counts = termCounts("带新闻推荐的测试稿件", "在平阴的玫瑰田");
    expect([...counts.keys()]).toEqual(["带新", "新闻", "闻推", "推荐", "测试", "试稿", "稿件", "平阴", "玫瑰", "瑰田"]);
  });
});

describe("significantTerms", () => {
  const counts = new Map([
    ["玫德", 2],
    ["集团", 5],
    ["平阴", 6],
    ["独有", 9],
    ["工作", 20],
  ]);
  const df = new Map([
    ["玫德", 3],
    ["集团", 40],
    ["平阴", 30],
    ["独有", 1],
    ["工作", 900],
  ]);

  it("prefers terms frequent in the article and rare in the archive", () => {
    expect(significantTerms(counts, df, 1000).map(({ term }) => term)).toEqual(["玫德", "平阴", "集团"]);
  });

  it("leaves out terms only this article holds and terms over 5 % of the archive hold", () => {
    const terms = significantTerms(counts, df, 1000).map(({ term }) => term);
    expect(terms).not.toContain("独有");
    expect(terms).not.toContain("工作");
  });

  it("keeps at most the limit", () => {
    expect(significantTerms(counts, df, 1000, 1)).toEqual([{ term: "玫德", weight: expect.closeTo((1 + Math.log(2)) * Math.log(1000 / 3), 6) }]);
  });
});

describe("rankSimilar", () => {
  const day = 86_400_000;
  const at = new Date("2020-03-02T03:09:00Z");
  const candidate = (id: number, relevance: number, channelId: number | null, daysAway = 0): Candidate => ({
    id,
    relevance,
    channelId,
    publishedAt: new Date(at.getTime() + daysAway * day),
  });
  const subject = { id: 1, channelId: 7, publishedAt: at, excludedIds: [5] };

  it("never lists the article itself nor its picks, and lists at most six", () => {
    const candidates = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((id) => candidate(id, 10, null));
    const ids = rankSimilar(subject, candidates).map((row) => row.id);
    expect(ids).toHaveLength(6);
    expect(ids).not.toContain(1);
    expect(ids).not.toContain(5);
  });

  it("raises the same channel and lowers distance in time", () => {
    const ids = rankSimilar(subject, [candidate(2, 10, null), candidate(3, 8, 7), candidate(4, 12, null, 3 * 365)]).map((row) => row.id);
    expect(ids).toEqual([3, 2, 4]);
  });

  it("drops candidates with no relevance, or under a quarter of the best one's", () => {
    expect(rankSimilar(subject, [candidate(2, 0, 7)])).toEqual([]);
    expect(rankSimilar(subject, [candidate(2, 10, null), candidate(3, 2.4, 7), candidate(4, 2.6, null)]).map((row) => row.id)).toEqual([2, 4]);
  });
});
