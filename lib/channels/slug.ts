// ASCII slugs for channel URLs, from the Chinese name by pinyin (平阴新闻 → pingyin).
import { pinyin } from "pinyin-pro";

const GENERIC_SUFFIXES = ["新闻", "频道", "栏目"];

export function slugFromName(name: string): string {
  const core = GENERIC_SUFFIXES.reduce((text, suffix) => (text.length > suffix.length && text.endsWith(suffix) ? text.slice(0, -suffix.length) : text), name.trim());
  const latin = pinyin(core, { toneType: "none", type: "array", nonZh: "consecutive" }).join("");
  const slug = latin
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "channel";
}
