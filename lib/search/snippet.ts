// Builds a search-result snippet from an article's plain text: a window around the first match,
// HTML-escaped, with <mark> around every match. Only escaped text and our own <mark> tags come out.
import { escapeHtml } from "../text/html";
import { normalizeWithOffsets } from "./normalize";

export const SNIPPET_LENGTH = 120;
const LEAD = 20;

type Range = { start: number; end: number };

/** Source ranges of every occurrence of the (already normalised) needles, merged and sorted. */
export function findMatches(text: string, needles: string[]): Range[] {
  const { text: normalized, sourceOffsets } = normalizeWithOffsets(text);
  const ranges: Range[] = [];
  for (const needle of new Set(needles.filter(Boolean))) {
    for (let at = normalized.indexOf(needle); at !== -1; at = normalized.indexOf(needle, at + needle.length)) {
      ranges.push({ start: sourceOffsets[at], end: sourceOffsets[at + needle.length] });
    }
  }
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Range[] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

/** Escaped text with <mark>…</mark> around the given ranges (ranges sorted, not overlapping). */
export function markRanges(text: string, ranges: Range[]): string {
  let html = "";
  let cursor = 0;
  for (const { start, end } of ranges) {
    html += escapeHtml(text.slice(cursor, start)) + "<mark>" + escapeHtml(text.slice(start, end)) + "</mark>";
    cursor = end;
  }
  return html + escapeHtml(text.slice(cursor));
}

/** A window of about SNIPPET_LENGTH characters starting a little before the first match, with ellipses. */
export function buildSnippet(text: string, needles: string[]): string {
  const flat = text.replace(/\s+/gu, " ").trim();
  const matches = findMatches(flat, needles);
  const first = matches[0]?.start ?? 0;
  const start = codePointBoundary(flat, Math.max(0, Math.min(first - LEAD, flat.length - SNIPPET_LENGTH)));
  const end = codePointBoundary(flat, Math.min(flat.length, start + SNIPPET_LENGTH));
  const inWindow = matches
    .filter((range) => range.end > start && range.start < end)
    .map((range) => ({ start: Math.max(range.start, start) - start, end: Math.min(range.end, end) - start }));
  const body = markRanges(flat.slice(start, end), inWindow);
  return (start > 0 ? "…" : "") + body + (end < flat.length ? "…" : "");
}

/** Moves an offset off the second half of a surrogate pair, so a cut never splits a character. */
function codePointBoundary(text: string, offset: number): number {
  const unit = text.charCodeAt(offset);
  return unit >= 0xdc00 && unit <= 0xdfff ? offset - 1 : offset;
}
