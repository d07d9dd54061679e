// Test pictures for bench/media.ts, generated reproducibly (seeded): a smooth scene plus noise at
// four scales, so every variant width keeps detail to encode, like a photo and unlike flat noise
// (which averages away when shrunk). Saved as camera-like JPEGs (quality 90). Run as a script in a
// child process, so the decoded layers never count towards the benchmark process's memory:
//   tsx bench/lib/media-images.ts <folder>
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";

/** A 24-megapixel camera frame, and an article's set of ten photos from cameras, phones and handouts. */
export const BIG_PHOTO = { name: "camera-24mp.jpg", width: 6000, height: 4000, seed: 24 };
export const ARTICLE_SET = [
  { name: "set-01-24mp.jpg", width: 6000, height: 4000, seed: 1 },
  { name: "set-02-20mp.jpg", width: 5472, height: 3648, seed: 2 },
  { name: "set-03-phone.jpg", width: 4032, height: 3024, seed: 3 },
  { name: "set-04-phone-portrait.jpg", width: 3024, height: 4032, seed: 4 },
  { name: "set-05-12mp.jpg", width: 4000, height: 3000, seed: 5 },
  { name: "set-06-16mp.jpg", width: 4608, height: 3456, seed: 6 },
  { name: "set-07-6mp.jpg", width: 3000, height: 2000, seed: 7 },
  { name: "set-08-handout.jpg", width: 1920, height: 1080, seed: 8 },
  { name: "set-09-3mp.jpg", width: 2048, height: 1536, seed: 9 },
  { name: "set-10-archive.jpg", width: 1280, height: 960, seed: 10 },
];

export type PictureSpec = { name: string; width: number; height: number; seed: number };

/** [scale, amplitude]: fine grain, texture, shapes, light. */
const LAYERS: [number, number][] = [
  [1, 9],
  [4, 20],
  [16, 40],
  [64, 60],
];

function random(seed: number): () => number {
  let state = (seed * 2654435761) >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
}

async function layer(spec: PictureSpec, scale: number, amplitude: number, seed: number): Promise<Buffer> {
  const width = Math.ceil(spec.width / scale);
  const height = Math.ceil(spec.height / scale);
  const next = random(seed);
  const values = Buffer.alloc(width * height * 3);
  for (let index = 0; index < values.length; index++) values[index] = 128 + Math.round((next() - 0.5) * 2 * amplitude);
  if (scale === 1) return values;
  return sharp(values, { raw: { width, height, channels: 3 } })
    .resize(spec.width, spec.height, { kernel: "cubic" })
    .raw()
    .toBuffer();
}

export async function generatePicture(spec: PictureSpec): Promise<Buffer> {
  const { width, height } = spec;
  const scene = `<svg width="${width}" height="${height}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#2a3f5f"/><stop offset="1" stop-color="#e0b47a"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/><ellipse cx="${width * 0.55}" cy="${height * 0.6}" rx="${width * 0.3}" ry="${height * 0.25}" fill="#3d7a46"/><rect x="${width * 0.1}" y="${height * 0.2}" width="${width * 0.2}" height="${height * 0.5}" fill="#b03a2e"/></svg>`;
  const pixels = await sharp(Buffer.from(scene)).removeAlpha().raw().toBuffer();
  const layers = await Promise.all(LAYERS.map(([scale, amplitude], index) => layer(spec, scale, amplitude, spec.seed * 10 + index)));
  for (let index = 0; index < pixels.length; index++) {
    let value = pixels[index];
    for (const noise of layers) value += noise[index] - 128;
    pixels[index] = value < 0 ? 0 : Math.min(value, 255);
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

async function main(folder: string): Promise<void> {
  fs.mkdirSync(folder, { recursive: true });
  for (const spec of [BIG_PHOTO, ...ARTICLE_SET]) {
    const file = path.join(folder, spec.name);
    if (fs.existsSync(file)) continue;
    const started = Date.now();
    fs.writeFileSync(file, await generatePicture(spec));
    console.log(
      `[bench] generated ${spec.name} (${spec.width}×${spec.height}, ${(fs.statSync(file).size / 1e6).toFixed(1)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  main(process.argv[2] ?? "bench/.tmp/media-images").catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
