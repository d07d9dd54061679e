// Parser for article pages scraped from legacy news sites (the format of the founding fixture).
// Pure: text in, a structured page or a reason out. Text stays text; nothing here is HTML.
import { parseShanghai } from "../text/time";

export type LegacyByline = { roleLabel: string; name: string };
export type LegacyPick = { title: string; excerpt: string };
export type LegacyPage = {
  title: string;
  source: string;
  publishedAt: Date;
  paragraphs: string[];
  bylines: LegacyByline[];
  picks: LegacyPick[];
  channel: { name: string; tagline: string } | null;
};
export type ParseResult = { ok: true; page: LegacyPage } | { ok: false; reason: string };

// Credit words that close a byline ("(记者 张晨 摄影报道)"); they are not author names.
const CREDIT_WORDS = new Set(["报道", "摄影报道", "报导"]);
const ROLE_LABELS = ["本报记者", "本报通讯员", "特约记者", "见习记者", "摄影记者", "记者", "通讯员", "实习生", "摄影", "编辑", "责任编辑"];
const META_LINE = /^(.*?)\s*(\d{4}-\d{2}-\d{2}\s+\d{2}:\d{2}(?::\d{2})?)\s*(?:大字)?\s*$/u;
const BYLINE_LINE = /^[(（]\s*(.+?)\s*[)）]$/u;
const PICKS_HEADING = "新闻推荐";
const BOILERPLATE = new Set(["相关推荐", "新闻推荐", "大字", "小字"]);
const TAGLINE = /^([\p{Script=Han}A-Za-z0-9·]{2,16})[,，]/u;

/** Parses one legacy page; `text` is already decoded (BOM and line endings may remain). */
export function parseLegacyPage(text: string): ParseResult {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/).map((line) => line.trim()).filter(Boolean);
  if (lines.length === 0) return { ok: false, reason: "empty page" };
  const [title, metaLine, ...rest] = lines;
  const meta = metaLine ? META_LINE.exec(metaLine) : null;
  if (!meta) return { ok: false, reason: "no date line after the title" };
  const publishedAt = parseShanghai(meta[2].replace(/\s+/, " "));
  if (!publishedAt) return { ok: false, reason: `invalid date "${meta[2]}"` };

  const bylineIndex = rest.findIndex((line) => parseBylineLine(line) !== null);
  const tail = trimBoilerplate(bylineIndex >= 0 ? rest.slice(bylineIndex + 1) : []);
  const paragraphs = bylineIndex >= 0 ? rest.slice(0, bylineIndex) : trimBoilerplate(rest);
  if (paragraphs.length === 0) return { ok: false, reason: "no body text" };
  const { picks, channel } = parseTail(tail);
  return {
    ok: true,
    page: {
      title,
      source: meta[1].trim(),
      publishedAt,
      paragraphs,
      bylines: bylineIndex >= 0 ? (parseBylineLine(rest[bylineIndex]) ?? []) : [],
      picks,
      channel,
    },
  };
}

/** `(本报记者 王晓明 通讯员 李华)` → role/name pairs; null when the line is not a byline. */
export function parseBylineLine(line: string): LegacyByline[] | null {
  const match = BYLINE_LINE.exec(line);
  if (!match) return null;
  const tokens = match[1].split(/[\s、,，]+/u).filter(Boolean);
  const bylines: LegacyByline[] = [];
  let role: string | null = null;
  for (const token of tokens) {
    if (CREDIT_WORDS.has(token)) continue;
    if (ROLE_LABELS.includes(token)) {
      role = token;
      continue;
    }
    const glued = ROLE_LABELS.find((label) => token.startsWith(label) && token.length > label.length);
    if (glued) bylines.push({ roleLabel: glued, name: token.slice(glued.length) });
    else if (role && token.length <= 8) bylines.push({ roleLabel: role, name: token });
    else return null;
  }
  return bylines.length > 0 ? bylines : null;
}

function trimBoilerplate(lines: string[]): string[] {
  let end = lines.length;
  while (end > 0 && BOILERPLATE.has(lines[end - 1])) end--;
  return lines.slice(0, end);
}

/** After the byline: an optional 新闻推荐 block of title/excerpt pairs, then the channel tagline. */
function parseTail(tail: string[]): Pick<LegacyPage, "picks" | "channel"> {
  const body = tail[0] === PICKS_HEADING ? tail.slice(1) : tail;
  const hasTagline = body.length % 2 === 1 && TAGLINE.test(body[body.length - 1]);
  const pickLines = hasTagline ? body.slice(0, -1) : body;
  const picks: LegacyPick[] = [];
  for (let index = 0; index + 1 < pickLines.length; index += 2) {
    picks.push({ title: pickLines[index], excerpt: pickLines[index + 1] });
  }
  if (!hasTagline) return { picks, channel: null };
  const tagline = body[body.length - 1];
  return { picks, channel: { name: TAGLINE.exec(tagline)![1], tagline } };
}
