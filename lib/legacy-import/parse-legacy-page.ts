// Parser for article pages scraped from legacy news sites (the founding fixture's format): pure, text stays text.
import type { LegacyByline } from "./parse-byline";
import { parseMetaLine } from "./parse-meta";
import { splitPage, type LegacyChannel, type LegacyPick } from "./parse-tail";
import { legacyPageSchema } from "./page-schema";

export { parseBylineLine, type LegacyByline } from "./parse-byline";
export type { LegacyChannel, LegacyPick } from "./parse-tail";

export type LegacyPage = {
  title: string;
  source: string;
  publishedAt: Date;
  paragraphs: string[];
  bylines: LegacyByline[];
  picks: LegacyPick[];
  channel: LegacyChannel | null;
};
export type ParseResult = { ok: true; page: LegacyPage } | { ok: false; reason: string };

/** Parses one legacy page; `text` is already decoded (a BOM and any line endings may remain). */
export function parseLegacyPage(text: string): ParseResult {
  const lines = text
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length === 0) return { ok: false, reason: "empty page" };
  const [title, metaLine = "", ...rest] = lines;
  if (parseMetaLine(title)) return { ok: false, reason: "no title (the page starts with its date line)" };
  const meta = parseMetaLine(metaLine);
  if (!meta) return { ok: false, reason: "no date line after the title" };
  if (!meta.ok) return meta;
  const parts = splitPage(rest);
  if (parts.paragraphs.length === 0) return { ok: false, reason: "no body text" };
  const checked = legacyPageSchema.safeParse({ title, ...meta.meta, ...parts });
  if (!checked.success) return { ok: false, reason: checked.error.issues[0].message };
  return { ok: true, page: checked.data };
}
