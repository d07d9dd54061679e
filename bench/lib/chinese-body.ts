// Realistic Chinese article bodies for the newsroom benchmark: paragraphs built from the sentences
// of the demo article (prisma/demo/jnrb-2020-03-02-pingyin.txt, body lines 5-33), reshuffled and
// repeated, plus the small edits an editor makes. Seeded, so every run writes the same texts.
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./servers";

const FIXTURE = path.join(ROOT, "prisma", "demo", "jnrb-2020-03-02-pingyin.txt");
const BODY_LINES = { first: 5, last: 33 };
const SENTENCE = /[^。！？]+(?:[。！？]+[”’」）]?|$)/gu;
const SENTENCES_PER_PARAGRAPH = { min: 2, max: 6 };

export type Random = () => number;

/** mulberry32: a small seeded generator, good enough to pick sentences and edit positions. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(items: readonly T[], random: Random): T {
  return items[Math.floor(random() * items.length)];
}

function integerBetween(min: number, max: number, random: Random): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** The sentences of the fixture's body paragraphs. */
export function fixtureSentences(): string[] {
  const lines = fs
    .readFileSync(FIXTURE, "utf8")
    .split("\n")
    .slice(BODY_LINES.first - 1, BODY_LINES.last);
  return lines
    .flatMap((line) => line.trim().match(SENTENCE) ?? [])
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

/**
 * Paragraphs of reshuffled fixture sentences whose plain text (paragraphs joined by newlines, as
 * htmlToText returns it) is at least `characters` long, and shorter than that plus one sentence.
 */
export function composeParagraphs(sentences: readonly string[], characters: number, random: Random): string[] {
  const paragraphs: string[] = [];
  let total = 0;
  while (total < characters) {
    const count = integerBetween(SENTENCES_PER_PARAGRAPH.min, SENTENCES_PER_PARAGRAPH.max, random);
    let paragraph = "";
    for (let i = 0; i < count && total + paragraph.length + (paragraphs.length > 0 ? 1 : 0) < characters; i++) {
      paragraph += pick(sentences, random);
    }
    total += paragraph.length + (paragraphs.length > 0 ? 1 : 0);
    paragraphs.push(paragraph);
  }
  return paragraphs;
}

/**
 * A copy-editor's fix: replaces 1-4 characters at a random place in one random paragraph with as
 * many characters taken from elsewhere in the fixture, so the length stays the same.
 */
export function smallEdit(paragraphs: readonly string[], sentences: readonly string[], random: Random): string[] {
  const index = Math.floor(random() * paragraphs.length);
  const paragraph = paragraphs[index];
  for (;;) {
    const length = integerBetween(1, Math.min(4, paragraph.length), random);
    const start = Math.floor(random() * (paragraph.length - length + 1));
    const source = pick(sentences, random);
    if (source.length < length) continue;
    const offset = Math.floor(random() * (source.length - length + 1));
    const replacement = source.slice(offset, offset + length);
    if (replacement === paragraph.slice(start, start + length)) continue;
    const edited = [...paragraphs];
    edited[index] = paragraph.slice(0, start) + replacement + paragraph.slice(start + length);
    return edited;
  }
}

export function plainTextLength(paragraphs: readonly string[]): number {
  return paragraphs.join("\n").length;
}
