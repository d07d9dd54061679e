// File types from the first bytes only: the five accepted image formats, SVG and HTML named so
// they can be refused clearly, everything else unknown.
import { describe, expect, it } from "vitest";
import { sniffImage } from "@/lib/media/sniff";

const bytes = (...values: (number | string)[]) => Buffer.concat(values.map((value) => (typeof value === "string" ? Buffer.from(value, "latin1") : Buffer.from([value]))));
const ftyp = (major: string, ...compatible: string[]) => {
  const body = Buffer.from(`ftyp${major}\0\0\0\0${compatible.join("")}`, "latin1");
  const size = Buffer.alloc(4);
  size.writeUInt32BE(body.length + 4);
  return Buffer.concat([size, body, Buffer.alloc(16)]);
};

describe("sniffImage", () => {
  it.each<[string, Buffer, string]>([
    ["JPEG (JFIF)", bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, "JFIF"), "jpeg"],
    ["JPEG (EXIF)", bytes(0xff, 0xd8, 0xff, 0xe1, 0x12, 0x34, "Exif"), "jpeg"],
    ["PNG", bytes(0x89, "PNG\r\n", 0x1a, "\n", 0, 0, 0, 13, "IHDR"), "png"],
    ["GIF87a", bytes("GIF87a", 1, 0, 1, 0), "gif"],
    ["GIF89a", bytes("GIF89a", 1, 0, 1, 0), "gif"],
    ["WebP", bytes("RIFF", 0x24, 0, 0, 0, "WEBPVP8 "), "webp"],
    ["AVIF (major brand)", ftyp("avif", "mif1", "miaf"), "avif"],
    ["AVIF (compatible brand)", ftyp("mif1", "miaf", "avif"), "avif"],
    ["AVIF sequence", ftyp("avis", "msf1"), "avif"],
    ["HEIC is not accepted", ftyp("heic", "mif1", "heic"), "unknown"],
    ["MP4 is not an image", ftyp("isom", "iso2", "mp41"), "unknown"],
    ["RIFF that is not WebP (WAV)", bytes("RIFF", 0x24, 0, 0, 0, "WAVEfmt "), "unknown"],
    ["SVG", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), "svg"],
    ["SVG after an XML declaration, BOM and comment", Buffer.from('\uFEFF<?xml version="1.0"?>\n<!-- x -->\n<svg>'), "svg"],
    ["SVG with a doctype", Buffer.from('<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x"><svg version="1.1">'), "svg"],
    ["HTML", Buffer.from("<!DOCTYPE html><html><script>alert(1)</script>"), "html"],
    ["HTML fragment", Buffer.from("  <script>alert(1)</script>"), "html"],
    ["HTML holding an inline SVG is still refused as markup", Buffer.from("<html><body><svg></svg>"), "svg"],
    ["plain text", Buffer.from("hello"), "unknown"],
    ["PDF", Buffer.from("%PDF-1.7\n"), "unknown"],
    ["empty", Buffer.alloc(0), "unknown"],
    ["two bytes of a JPEG", bytes(0xff, 0xd8), "unknown"],
  ])("%s", (_label, input, expected) => {
    expect(sniffImage(input)).toBe(expected);
  });
});
