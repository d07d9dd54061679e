// Newsroom time: stored in UTC, shown and typed in Asia/Shanghai (UTC+8, no daylight saving).

/** The one time zone of the paper, for Intl and for saying which zone times are in. */
export const TIME_ZONE = "Asia/Shanghai";
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

function shanghaiParts(date: Date) {
  const shifted = new Date(date.getTime() + SHANGHAI_OFFSET_MS).toISOString();
  return { day: shifted.slice(0, 10), minute: shifted.slice(11, 16), second: shifted.slice(11, 19) };
}

/** `2020-03-02 11:09`, the way the paper prints times. */
export function formatShanghai(date: Date): string {
  const { day, minute } = shanghaiParts(date);
  return `${day} ${minute}`;
}

/** `2020-03-02`, for lists and sitemaps. */
export function formatShanghaiDate(date: Date): string {
  return shanghaiParts(date).day;
}

/** ISO 8601 with the `+08:00` offset, for JSON-LD and machine-readable times. */
export function toShanghaiIso(date: Date): string {
  const { day, second } = shanghaiParts(date);
  return `${day}T${second}+08:00`;
}

/** Parses `YYYY-MM-DD HH:mm[:ss]` read as Asia/Shanghai wall time; null when not a real time. */
export function parseShanghai(text: string): Date | null {
  const match = LOCAL_PATTERN.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second = "0"] = match.slice(1).map((part) => part ?? "0");
  const utc = Date.UTC(+year, +month - 1, +day, +hour, +minute, +second) - SHANGHAI_OFFSET_MS;
  const date = new Date(utc);
  return formatShanghai(date).startsWith(`${year}-${month}-${day} ${hour}:${minute}`) ? date : null;
}
