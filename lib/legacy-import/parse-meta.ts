// The line under a legacy page's title: 来源, publish time (Asia/Shanghai) and reader chrome such as 大字.
import { parseShanghai } from "../text/time";

export type PageMeta = { source: string; publishedAt: Date };
export type MetaResult = { ok: true; meta: PageMeta } | { ok: false; reason: string } | null;

const DATE_TIME = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*(\d{1,2})\s*[:：]\s*(\d{2})(?:\s*[:：]\s*(\d{2}))?/u;
const SOURCE_LABEL = /来源\s*[:：]\s*([^\s:：]+)/u;
const TIME_LABEL = /(?:发布)?时间\s*[:：]/gu;
// What may follow the time on the line: 来源, the 大字/小字 switch (字号：大 中 小), print and share links.
const CHROME = /来源\s*[:：]\s*[^\s:：]+|字号\s*[:：]?|[大中小]字|打印|分享|[大中小]/gu;
const MAX_META_LENGTH = 120;

/**
 * Reads a meta line; null when the line has no date and time (it is not a meta line), a reason
 * when it has one that is not a real time.
 */
export function parseMetaLine(line: string): MetaResult {
  if (line.length > MAX_META_LENGTH) return null;
  const match = DATE_TIME.exec(line);
  if (!match) return null;
  const after = line.slice(match.index + match[0].length);
  if (after.replace(CHROME, "").trim() !== "") return null;
  const [year, month, day, hour, minute, second] = match.slice(1);
  const pad = (part: string | undefined) => (part ?? "0").padStart(2, "0");
  const stamp = `${year}-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(minute)}:${pad(second)}`;
  const publishedAt = parseShanghai(stamp);
  if (!publishedAt) return { ok: false, reason: `invalid date "${match[0]}"` };
  const before = line.slice(0, match.index);
  return { ok: true, meta: { source: sourceOf(before, after), publishedAt } };
}

/** `来源：X` wherever it stands, else whatever precedes the date (`济南日报 2020-03-02 11:09`). */
function sourceOf(before: string, after: string): string {
  const labelled = SOURCE_LABEL.exec(`${before} ${after}`);
  if (labelled) return labelled[1];
  return before.replace(TIME_LABEL, " ").replace(/\s+/g, " ").trim();
}
