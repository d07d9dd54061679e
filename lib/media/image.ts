// Image work with sharp: reading a file's header, decoding it once into an upright, metadata-free
// "master" no wider than the largest variant, and encoding variants from that master. Refuses
// decompression bombs from the header, before any pixel is decoded.
import "server-only";
import sharp, { type Metadata } from "sharp";
import { ImageRejectedError } from "./errors";
import { sniffImage, type ImageFormat } from "./sniff";
import { ENCODER_SETTINGS, LARGEST_WIDTH, type VariantFormat } from "./variants";

// One libvips thread per image: parallelism comes from the work queue's slots (MEDIA_CONCURRENCY),
// so image work never takes every core from the site. libvips' operation cache would keep decoded
// images in memory for a reuse that never comes here.
sharp.concurrency(1);
sharp.cache(false);

/** What the header says, with width and height upright (camera orientation applied). */
export type ImageInfo = { format: ImageFormat; width: number; height: number };

/** Decoded pixels, upright, sRGB, 8 bits per channel, no metadata. */
export type Master = { data: Buffer; width: number; height: number; channels: 1 | 2 | 3 | 4 };

export type EncodedVariant = { data: Buffer; width: number; height: number; format: VariantFormat };

/** sharp's name for each accepted format (AVIF is read by its HEIF loader). */
const DECODER_NAMES: Record<ImageFormat, string> = { jpeg: "jpeg", png: "png", webp: "webp", gif: "gif", avif: "heif" };

/** Type from the bytes, then size from the header only: refuses anything we will not decode. */
export async function inspectImage(bytes: Buffer, maxPixels: number): Promise<ImageInfo> {
  if (bytes.length === 0) throw new ImageRejectedError("file.empty");
  const sniffed = sniffImage(bytes);
  if (sniffed === "svg") throw new ImageRejectedError("file.svg");
  if (sniffed === "html" || sniffed === "unknown") throw new ImageRejectedError("file.unsupported");
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false, failOn: "error" }).metadata();
  } catch {
    throw new ImageRejectedError("file.damaged");
  }
  if (metadata.format !== DECODER_NAMES[sniffed] || !metadata.width || !metadata.height) throw new ImageRejectedError("file.damaged");
  if (sniffed === "avif" && metadata.compression !== "av1") throw new ImageRejectedError("file.unsupported");
  const upright = metadata.autoOrient ?? { width: metadata.width, height: metadata.height };
  if (metadata.width * metadata.height > maxPixels) {
    throw new ImageRejectedError("file.tooManyPixels", { width: upright.width, height: upright.height, maxMegapixels: Math.round(maxPixels / 1_000_000) });
  }
  return { format: sniffed, width: upright.width, height: upright.height };
}

/**
 * Decodes the image once: camera orientation applied, first frame only, converted to sRGB, shrunk to
 * at most LARGEST_WIDTH (JPEG decodes at reduced scale for that, which is most of the speed).
 * Raw pixels carry no EXIF, ICC, XMP or IPTC, so nothing encoded from them can leak GPS or serials.
 * A damaged or truncated file fails here, before anything is stored.
 */
export async function decodeMaster(bytes: Buffer, info: ImageInfo, maxPixels: number): Promise<Master> {
  try {
    const { data, info: out } = await sharp(bytes, { limitInputPixels: maxPixels, failOn: "error", autoOrient: true, sequentialRead: true })
      .resize({ width: Math.min(info.width, LARGEST_WIDTH), withoutEnlargement: true })
      .toColourspace("srgb")
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { data, width: out.width, height: out.height, channels: out.channels };
  } catch {
    throw new ImageRejectedError("file.damaged");
  }
}

/** One public variant from the master. JPEG has no transparency: transparent pixels become white. */
export async function encodeVariant(master: Master, format: VariantFormat, width: number): Promise<EncodedVariant> {
  let pipeline = sharp(master.data, { raw: { width: master.width, height: master.height, channels: master.channels } });
  if (width < master.width) pipeline = pipeline.resize({ width });
  if (format === "jpeg") pipeline = pipeline.flatten({ background: "#ffffff" }).jpeg(ENCODER_SETTINGS.jpeg);
  else if (format === "webp") pipeline = pipeline.webp(ENCODER_SETTINGS.webp);
  else pipeline = pipeline.avif(ENCODER_SETTINGS.avif);
  const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, format };
}
