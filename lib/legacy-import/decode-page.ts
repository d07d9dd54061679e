// Page bytes to text, encoding detected (BOM, else valid UTF-8, else GB18030); binary files are refused.
import iconv from "iconv-lite";

export type PageEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";
export type DecodeResult = { ok: true; text: string; encoding: PageEncoding } | { ok: false; reason: string };

const BINARY_SAMPLE_BYTES = 8000;
// A few stray bytes in an otherwise GB18030 page (a scrape cut mid-character) are tolerated.
const MAX_REPLACEMENT_RATIO = 0.01;
const MAX_CONTROL_RATIO = 0.01;
// Control characters other than tab, line feed, vertical tab, form feed and carriage return.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000E-\u001F\u007F]/g;

export function decodePage(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: "empty file" };
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = decodeWithBom(buffer);
  if (bom) return checkText(bom.text, bom.encoding);
  if (hasNulByte(buffer)) return { ok: false, reason: "binary file (contains NUL bytes)" };
  const utf8 = decodeUtf8(buffer);
  if (utf8 !== null) return checkText(utf8, "utf-8");
  const text = iconv.decode(buffer, "gb18030");
  const replacements = text.match(/\uFFFD/g)?.length ?? 0;
  if (replacements > Math.max(1, text.length * MAX_REPLACEMENT_RATIO)) {
    return { ok: false, reason: "binary file (neither UTF-8 nor GB18030 text)" };
  }
  return checkText(text, "gb18030");
}

function decodeWithBom(buffer: Buffer): { text: string; encoding: PageEncoding } | null {
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    const text = decodeUtf8(buffer.subarray(3));
    return text === null ? null : { text, encoding: "utf-8" };
  }
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return { text: iconv.decode(buffer.subarray(2), "utf-16le"), encoding: "utf-16le" };
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return { text: iconv.decode(buffer.subarray(2), "utf-16be"), encoding: "utf-16be" };
  return null;
}

function decodeUtf8(buffer: Buffer): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(buffer);
  } catch {
    return null;
  }
}

function hasNulByte(buffer: Buffer): boolean {
  return buffer.subarray(0, BINARY_SAMPLE_BYTES).includes(0);
}

/**
 * Text full of control characters is a binary file that happens to decode; a stray one (a DOS
 * end-of-file mark, an escape left by a scraper) is dropped.
 */
function checkText(text: string, encoding: PageEncoding): DecodeResult {
  const sample = text.slice(0, BINARY_SAMPLE_BYTES);
  const controls = sample.match(CONTROL_CHARACTER)?.length ?? 0;
  if (controls > Math.max(2, sample.length * MAX_CONTROL_RATIO)) return { ok: false, reason: "binary file (contains control characters)" };
  return { ok: true, text: text.replace(CONTROL_CHARACTER, ""), encoding };
}
