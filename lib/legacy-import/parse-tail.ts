// Splits what follows a legacy page's date line into body, byline, 新闻推荐 picks and channel tagline.
import { parseBylineLine, type LegacyByline } from "./parse-byline";

export type LegacyPick = { title: string; excerpt: string };
export type LegacyChannel = { name: string; tagline: string };
export type PageParts = { paragraphs: string[]; bylines: LegacyByline[]; picks: LegacyPick[]; channel: LegacyChannel | null };

const PICKS_HEADING = "新闻推荐";
// 相关推荐 lists automatic related articles: newsdesk computes its own, so it and all after it go.
const RELATED_HEADING = "相关推荐";
const TRAILING_BOILERPLATE = new Set(["相关推荐", "新闻推荐", "大字", "小字", "返回顶部", "打印", "分享到", "关闭窗口"]);
const LEADING_CHROME = new Set(["大字", "中字", "小字"]);
const TAGLINE = /^([\p{Script=Han}A-Za-z0-9·]{2,16})[,，]/u;
// Without a byline or a 新闻推荐 block to anchor it, only a line naming a channel-like name is a tagline.
const CHANNEL_NAME = /(?:新闻|频道|栏目|资讯|在线|视点|之窗|热线|网)$/u;

/** `lines`: the page's non-blank, trimmed lines after the date line. */
export function splitPage(lines: string[]): PageParts {
  const content = withoutBoilerplate(lines);
  const picksAt = content.lastIndexOf(PICKS_HEADING);
  const tailStart = picksAt >= 0 ? picksAt : taglineStart(content);
  const bylines = tailStart > 0 ? parseBylineLine(content[tailStart - 1]) : null;
  const bodyEnd = bylines ? tailStart - 1 : tailStart;
  const tail = content.slice(picksAt >= 0 ? tailStart + 1 : tailStart);
  return { paragraphs: content.slice(0, bodyEnd), bylines: bylines ?? [], ...parseTail(tail) };
}

function withoutBoilerplate(lines: string[]): string[] {
  let start = 0;
  while (start < lines.length && LEADING_CHROME.has(lines[start])) start++;
  const related = lines.lastIndexOf(RELATED_HEADING);
  let end = related > start ? related : lines.length;
  while (end > start && TRAILING_BOILERPLATE.has(lines[end - 1])) end--;
  return lines.slice(start, end);
}

/** Where a closing tagline starts when there is no 新闻推荐 block: the last line, or nothing. */
function taglineStart(content: string[]): number {
  const last = content.length - 1;
  const name = last > 0 ? TAGLINE.exec(content[last])?.[1] : undefined;
  if (!name) return content.length;
  return CHANNEL_NAME.test(name) || parseBylineLine(content[last - 1]) ? last : content.length;
}

/** Title/excerpt pairs, then the tagline: last, after an even number of pick lines or naming a channel. */
function parseTail(tail: string[]): Pick<PageParts, "picks" | "channel"> {
  const last = tail[tail.length - 1];
  const name = last === undefined ? undefined : TAGLINE.exec(last)?.[1];
  const hasTagline = name !== undefined && (tail.length % 2 === 1 || CHANNEL_NAME.test(name));
  const pickLines = hasTagline ? tail.slice(0, -1) : tail;
  const picks: LegacyPick[] = [];
  for (let index = 0; index < pickLines.length; index += 2) {
    picks.push({ title: pickLines[index], excerpt: pickLines[index + 1] ?? "" });
  }
  return { picks, channel: hasTagline ? { name: name!, tagline: last } : null };
}
