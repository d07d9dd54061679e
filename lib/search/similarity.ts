// The pure half of 相关推荐: which terms of an article are significant, and how candidates found by
// those terms are ranked. lib/search/similar.ts runs the queries and stores the result.
import { sequenceTokens, splitRuns } from "./tokenize";

export const SIMILAR_LIMIT = 6;
/** How many of an article's terms go into its similarity query. */
export const QUERY_TERMS = 12;
const TITLE_WEIGHT = 3;
/** A term held by more than this share of all articles says little about any one of them. */
const COMMON_SHARE = 0.05;
const SAME_CHANNEL_BOOST = 1.5;
/** A candidate far less relevant than the best one shares a stray word or two, not a subject. */
const RELATIVE_RELEVANCE = 0.25;
/** Half the weight at this distance in time between two articles. */
const HALF_WEIGHT_DAYS = 365;

// Particles, prepositions and pronouns: a bigram holding one mostly spans two words (的测 in
// “…的测试稿件”), so it says nothing about the subject however rare it is.
const FUNCTION_CHARACTERS = new Set("的了是在和与及或为对等从将把被也都就而之其这那并又于但着每各已还我你他她们");

/** Bigrams and whole words of the text with their counts; title terms count three times. */
export function termCounts(title: string, body: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (text: string, weight: number) => {
    for (const run of splitRuns(text)) {
      // A lone Han character is too vague to relate two articles.
      if (run.kind === "han" && [...run.text].length < 2) continue;
      for (const token of sequenceTokens(run)) {
        if (run.kind === "han" && [...token].some((char) => FUNCTION_CHARACTERS.has(char))) continue;
        counts.set(token, (counts.get(token) ?? 0) + weight);
      }
    }
  };
  add(title, TITLE_WEIGHT);
  add(body, 1);
  return counts;
}

/**
 * The article's most significant terms with their tf-idf weight: frequent in the article, rare in the archive.
 * Terms only this article holds (they relate it to nothing) and terms most articles hold are left out.
 */
export function significantTerms(
  counts: Map<string, number>,
  documentFrequency: Map<string, number>,
  articleCount: number,
  limit = QUERY_TERMS,
): { term: string; weight: number }[] {
  const commonAbove = Math.max(10, articleCount * COMMON_SHARE);
  return [...counts]
    .flatMap(([term, count]) => {
      const df = documentFrequency.get(term) ?? 0;
      if (df < 2 || df > commonAbove) return [];
      return [{ term, weight: (1 + Math.log(count)) * Math.log(articleCount / df) }];
    })
    .sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1))
    .slice(0, limit);
}

export type Candidate = { id: number; relevance: number; channelId: number | null; publishedAt: Date | null };
export type Subject = { id: number; channelId: number | null; publishedAt: Date | null; excludedIds: readonly number[] };

/**
 * Ranks candidates by text relevance, raised for the subject's channel and lowered with distance in
 * publishing time from the subject (or from now, when it has no time yet); never the subject itself
 * nor its 新闻推荐 picks, nor a candidate with under a quarter of the best one's relevance.
 */
export function rankSimilar(subject: Subject, candidates: readonly Candidate[], now = new Date(), limit = SIMILAR_LIMIT): { id: number; score: number }[] {
  const excluded = new Set([subject.id, ...subject.excludedIds]);
  const reference = (subject.publishedAt ?? now).getTime();
  const eligible = candidates.filter((candidate) => !excluded.has(candidate.id) && candidate.relevance > 0);
  const best = Math.max(0, ...eligible.map((candidate) => candidate.relevance));
  return eligible
    .filter((candidate) => candidate.relevance >= best * RELATIVE_RELEVANCE)
    .map((candidate) => {
      const days = Math.abs(reference - (candidate.publishedAt ?? now).getTime()) / 86_400_000;
      const channel = subject.channelId !== null && candidate.channelId === subject.channelId ? SAME_CHANNEL_BOOST : 1;
      return { id: candidate.id, score: (candidate.relevance * channel) / (1 + days / HALF_WEIGHT_DAYS) };
    })
    .sort((a, b) => b.score - a.score || b.id - a.id)
    .slice(0, limit);
}
