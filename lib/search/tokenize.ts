// Splits normalised text into search runs and index tokens. Han runs give bigrams (in order, so a
// phrase of consecutive bigrams matches a word) plus every unigram (so one character matches);
// Latin/digit runs are whole words, a decimal number ("2.6") is one word.
import { normalizeText } from "./normalize";

export type Run = { kind: "han" | "word"; text: string };

// Han ideographs (incl. extensions and compatibility blocks) and 〇.
const HAN = /\p{Script=Han}/u;
// Letters of other scripts and digits form words; a "." between two digits stays inside the word.
const RUN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+(?:\.\p{N}+)*/gu;

/** Runs of normalised text, in order; punctuation and spaces separate runs and are dropped. */
export function splitRuns(text: string): Run[] {
  const runs: Run[] = [];
  for (const match of normalizeText(text).matchAll(RUN)) {
    const value = match[0];
    runs.push({ kind: HAN.test(value[0] ?? "") ? "han" : "word", text: value });
  }
  return runs;
}

/** The tokens of one run as they appear in the ordered stream: a word, a lone character, or bigrams. */
export function sequenceTokens(run: Run): string[] {
  if (run.kind === "word") return [run.text];
  const chars = [...run.text];
  if (chars.length === 1) return chars;
  return chars.slice(1).map((char, index) => chars[index] + char);
}

/**
 * The FTS5 document for a text: first the ordered stream (words and bigrams), then every Han
 * unigram. Space-separated; each token is one unicode61 token (Han, letters, digits, and "."
 * declared a token character in the migration).
 */
export function indexTokens(text: string): string {
  const runs = splitRuns(text);
  const sequence = runs.flatMap(sequenceTokens);
  const unigrams = runs.filter((run) => run.kind === "han" && [...run.text].length > 1).flatMap((run) => [...run.text]);
  return [...sequence, ...unigrams].join(" ");
}
