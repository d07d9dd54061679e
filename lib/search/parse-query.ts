// Turns what a reader typed into a safe FTS5 MATCH expression. Invariant: every user string reaches
// FTS5 only inside double quotes built here, so its syntax (" * NEAR OR AND NOT ( ) : ^ -) is text.
import { Converter } from "opencc-js/t2cn";
import { normalizeText } from "./normalize";
import { sequenceTokens, splitRuns, type Run } from "./tokenize";

export const MAX_QUERY_LENGTH = 100;

/** One thing that must match: consecutive stream tokens (a phrase), and the strings to highlight. */
export type QueryTerm = { tokens: string[]; highlights: string[] };
export type ParsedQuery = { terms: QueryTerm[]; match: string | null };

// ASCII and typographic quotes (“ ” « » 「 」 『 』) all delimit phrases; NFKC keeps “” as they are.
const QUOTES = /["“”«»「」『』]/;

/** Splits the (cut, normalised) query into chunks: quoted phrases stay whole, the rest splits on spaces. */
export function splitChunks(query: string): string[] {
  const chunks: string[] = [];
  const parts = normalizeText(query.slice(0, MAX_QUERY_LENGTH)).split(QUOTES);
  parts.forEach((part, index) => {
    const quoted = index % 2 === 1;
    if (quoted) chunks.push(part);
    else chunks.push(...part.split(/\s+/u));
  });
  return chunks.filter((chunk) => chunk.trim() !== "");
}

/**
 * A chunk's runs become one phrase of stream tokens; a lone Han character between other runs is
 * its own term (it is a unigram, not part of the bigram stream of a longer word).
 */
function termsOfChunk(chunk: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  let phrase: Run[] = [];
  const flush = () => {
    if (phrase.length > 0) terms.push({ tokens: phrase.flatMap(sequenceTokens), highlights: phrase.map((run) => run.text) });
    phrase = [];
  };
  const runs = splitRuns(chunk);
  for (const run of runs) {
    const lone = run.kind === "han" && [...run.text].length === 1 && runs.length > 1;
    if (!lone) {
      phrase.push(run);
      continue;
    }
    flush();
    terms.push({ tokens: [run.text], highlights: [run.text] });
  }
  flush();
  return terms;
}

/** An FTS5 string: the one way user text enters a MATCH expression. */
export function quote(token: string): string {
  return `"${token.replaceAll('"', '""')}"`;
}

// Traditional → Simplified (OpenCC's t → cn, with its phrase dictionary): 復工復產 finds 复工复产.
const toSimplified = Converter({ from: "t", to: "cn" });

/** All terms must match (FTS5 AND), each a quoted phrase; the terms as typed, and separately as simplified. */
function parseTerms(query: string): QueryTerm[] {
  const seen = new Set<string>();
  return splitChunks(query)
    .flatMap(termsOfChunk)
    .filter((term) => {
      const key = term.tokens.join(" ");
      return !seen.has(key) && seen.add(key);
    });
}

const allOf = (terms: QueryTerm[]) => terms.map((term) => quote(term.tokens.join(" "))).join(" AND ");

/**
 * The MATCH expression for what a reader typed; null when nothing is searchable. A query with
 * traditional characters matches either as typed or in simplified characters.
 */
export function parseQuery(query: string): ParsedQuery {
  const normalized = normalizeText(query.slice(0, MAX_QUERY_LENGTH));
  const typed = parseTerms(normalized);
  if (typed.length === 0) return { terms: typed, match: null };
  const simplifiedQuery = toSimplified(normalized);
  const simplified = simplifiedQuery === normalized ? [] : parseTerms(simplifiedQuery);
  if (simplified.length === 0) return { terms: typed, match: allOf(typed) };
  return { terms: [...typed, ...simplified], match: `(${allOf(typed)}) OR (${allOf(simplified)})` };
}
