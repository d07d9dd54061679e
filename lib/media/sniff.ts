// The file type of an upload, decided from its first bytes only: never from its name or the
// browser's claim. Pure. SVG and HTML are recognised so they can be refused by name.

export const IMAGE_FORMATS = ["jpeg", "png", "webp", "gif", "avif"] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];
export type SniffResult = ImageFormat | "svg" | "html" | "unknown";

/** How many leading bytes sniffImage looks at, at most. */
export const SNIFF_BYTES = 1024;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const AVIF_BRANDS = new Set(["avif", "avis"]);

export function sniffImage(bytes: Uint8Array): SniffResult {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, PNG_SIGNATURE)) return "png";
  if (ascii(bytes, 0, 6) === "GIF87a" || ascii(bytes, 0, 6) === "GIF89a") return "gif";
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return "webp";
  if (isAvif(bytes)) return "avif";
  return sniffText(bytes);
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((byte, index) => bytes[index] === byte);
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  if (bytes.length < end) return "";
  return String.fromCharCode(...bytes.subarray(start, end));
}

/** An ISO-BMFF `ftyp` box whose major or a compatible brand is AVIF (HEIC and others are not). */
function isAvif(bytes: Uint8Array): boolean {
  if (ascii(bytes, 4, 8) !== "ftyp") return false;
  const boxSize = ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0;
  if (boxSize < 16 || boxSize > Math.min(bytes.length, SNIFF_BYTES)) return false;
  if (AVIF_BRANDS.has(ascii(bytes, 8, 12))) return true;
  for (let offset = 16; offset + 4 <= boxSize; offset += 4) if (AVIF_BRANDS.has(ascii(bytes, offset, offset + 4))) return true;
  return false;
}

/** Markup sent as an image: SVG (may carry scripts) and HTML are named, anything else is unknown. */
function sniffText(bytes: Uint8Array): SniffResult {
  const head = new TextDecoder("utf-8", { fatal: false })
    .decode(bytes.subarray(0, SNIFF_BYTES))
    .replace(/^\uFEFF/, "")
    .toLowerCase();
  const start = head.trimStart();
  if (!start.startsWith("<")) return "unknown";
  if (/<svg[\s>/]/.test(head)) return "svg";
  if (/<(!doctype\s+html|html|head|body|script|iframe|meta|title|div|p)[\s>/]/.test(head)) return "html";
  return "unknown";
}

export const EXTENSIONS: Record<ImageFormat, string> = { jpeg: "jpg", png: "png", webp: "webp", gif: "gif", avif: "avif" };
