// Photo test data: images generated with sharp (EXIF with GPS and serials, camera orientation, a
// decompression bomb, damaged and disguised files), a media folder per test file, and snapshots of
// what the database and the folder hold, to prove a refusal changed nothing.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import sharp from "sharp";
import { afterAll } from "vitest";
import { prisma } from "@/lib/db";

/** Points MEDIA_DIR at a fresh folder for this test file and removes it afterwards. */
export function temporaryMediaDirPerTest(): string {
  const folder = path.resolve("tests/.tmp", `media-${crypto.randomUUID()}`);
  fs.mkdirSync(folder, { recursive: true });
  process.env.MEDIA_DIR = folder;
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));
  return folder;
}

/** Every file under the media folder, relative to it. */
export function listMediaFiles(folder = process.env.MEDIA_DIR!): string[] {
  if (!fs.existsSync(folder)) return [];
  return (fs.readdirSync(folder, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
    .sort();
}

export async function mediaSnapshot() {
  const [photos, variants] = await Promise.all([prisma.photo.findMany({ orderBy: { id: "asc" } }), prisma.photoVariant.findMany({ orderBy: { id: "asc" } })]);
  return { photos, variants, files: listMediaFiles() };
}

export const SECRETS = { serial: "SN-987654321", camera: "NewsdeskCam", datum: "WGS-84-NEWSDESK" };

/** A detailed (noisy) picture, so encoders have work to do and variants differ by size. */
export async function noisyPixels(width: number, height: number) {
  return sharp({ create: { width, height, channels: 3, background: "#000", noise: { type: "gaussian", mean: 128, sigma: 40 } } })
    .composite([{ input: Buffer.from(`<svg width="${width}" height="${height}"><rect width="${width}" height="${Math.round(height / 2)}" fill="#c33" opacity="0.6"/></svg>`) }])
    .png()
    .toBuffer();
}

/** A JPEG carrying EXIF: camera make, body serial, GPS position, and an ICC profile. */
export async function jpegWithGps(width = 2400, height = 1600): Promise<Buffer> {
  return sharp(await noisyPixels(width, height))
    .jpeg({ quality: 85 })
    .withExif({
      IFD0: { Make: SECRETS.camera, Model: "Model-X" },
      IFD2: { BodySerialNumber: SECRETS.serial, DateTimeOriginal: "2026:11:29 10:00:00" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "36/1 16/1 3000/100", GPSLongitudeRef: "E", GPSLongitude: "116/1 25/1 0/1", GPSMapDatum: SECRETS.datum },
    })
    .withIccProfile("p3")
    .toBuffer();
}

/**
 * A JPEG stored sideways with EXIF orientation 6 (turn 90° clockwise to view): the stored image's
 * top half is red and its bottom half blue, so upright its right half is red and its left half blue.
 */
export async function sidewaysJpeg(storedWidth = 1000, storedHeight = 700): Promise<Buffer> {
  const half = Math.round(storedHeight / 2);
  const svg = `<svg width="${storedWidth}" height="${storedHeight}"><rect width="${storedWidth}" height="${half}" fill="#f00"/><rect y="${half}" width="${storedWidth}" height="${storedHeight - half}" fill="#00f"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 90 }).withMetadata({ orientation: 6 }).toBuffer();
}

export async function plainJpeg(width: number, height: number, colour = "#4a8"): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } })
    .jpeg()
    .toBuffer();
}

/**
 * A PNG bomb: 20,000 × 20,000 grey pixels (400 megapixels, 400 MB decoded) in a few hundred
 * kilobytes of valid, highly compressed data.
 */
export async function pngBomb(size = 20_000): Promise<Buffer> {
  const row = Buffer.alloc(size + 1); // filter byte 0, then zero pixels
  const rowsPerChunk = 64;
  const chunk = Buffer.concat(Array.from({ length: rowsPerChunk }, () => row));
  const deflate = zlib.createDeflate({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on("data", (data: Buffer) => parts.push(data));
  const finished = new Promise((resolve) => deflate.on("end", resolve));
  for (let done = 0; done < size; done += rowsPerChunk) {
    const rows = Math.min(rowsPerChunk, size - done);
    if (!deflate.write(rows === rowsPerChunk ? chunk : chunk.subarray(0, rows * row.length))) await new Promise((resolve) => deflate.once("drain", resolve));
  }
  deflate.end();
  await finished;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", Buffer.concat(parts)),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export const SVG_WITH_SCRIPT = Buffer.from(
  `<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>alert(document.cookie)</script><rect width="100" height="100"/></svg>`,
);
export const HTML_PAGE = Buffer.from(`<!DOCTYPE html>\n<html><body><script>alert(document.cookie)</script></body></html>`);

/** Reads a stored file back. */
export function readMediaFile(key: string): Buffer {
  return fs.readFileSync(path.join(process.env.MEDIA_DIR!, key));
}

/** The media key of a public URL (/media/… → public/…). */
export function keyOfUrl(url: string): string {
  return `public/${url.slice("/media/".length)}`;
}
