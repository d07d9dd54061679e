// Which public files a photo gets: a fixed ladder of widths, never wider than the original, each in
// the modern format and as a JPEG fallback; the first one made is the one the editor places at once.
// Pure. The choice of format and settings is measured in bench/media.ts (bench/RESULTS.md).
import type { ImageFormat } from "./sniff";

export const VARIANT_WIDTHS = [320, 640, 960, 1280, 1600, 1920] as const;
export const LARGEST_WIDTH = VARIANT_WIDTHS[VARIANT_WIDTHS.length - 1];

export type VariantFormat = Extract<ImageFormat, "avif" | "webp" | "jpeg">;

/**
 * AVIF at effort 0, quality 55 (bench/RESULTS.md, "npm run bench:media"): at about WebP q75's SSIM it
 * is 5-17 % smaller on grainy camera frames and as small at a clearly higher SSIM on smoother
 * handouts, encoding in about WebP effort 4's time; effort 2 is several times slower for ~no gain.
 * Browsers without AVIF take the JPEG fallback through <picture>.
 */
export const MODERN_FORMAT: VariantFormat = "avif";
export const FALLBACK_FORMAT: VariantFormat = "jpeg";
export const VARIANT_FORMATS: readonly VariantFormat[] = [MODERN_FORMAT, FALLBACK_FORMAT];

export const ENCODER_SETTINGS = {
  avif: { quality: 55, effort: 0 },
  webp: { quality: 75, effort: 4 },
  jpeg: { quality: 80, progressive: true },
} as const;

/** The width placed first, before the other variants exist: big enough for a full-width figure. */
export const FIRST_WIDTH = 1280;

export type VariantSpec = { format: VariantFormat; width: number };

/**
 * The widths of a photo `originalWidth` pixels wide: the ladder up to the original, plus the
 * original's own width when it lies well (over 10 %) above the last step, so a 1,500-pixel photo is
 * not capped at 1,280. A photo narrower than the first step gets one variant at its own width.
 */
export function planWidths(originalWidth: number): number[] {
  const widths: number[] = VARIANT_WIDTHS.filter((width) => width <= originalWidth);
  if (widths.length === 0) return [originalWidth];
  const last = widths[widths.length - 1];
  if (last < LARGEST_WIDTH && originalWidth > last * 1.1) widths.push(Math.min(originalWidth, LARGEST_WIDTH));
  return widths;
}

/** Every variant of a photo, the first one (see FIRST_WIDTH) at the head. */
export function planVariants(originalWidth: number, formats: readonly VariantFormat[] = VARIANT_FORMATS): VariantSpec[] {
  const widths = planWidths(originalWidth);
  const firstWidth = [...widths].reverse().find((width) => width <= FIRST_WIDTH) ?? widths[0];
  const first: VariantSpec = { format: FALLBACK_FORMAT, width: firstWidth };
  const rest = formats.flatMap((format) => widths.map((width) => ({ format, width }))).filter((spec) => spec.format !== first.format || spec.width !== first.width);
  return formats.includes(FALLBACK_FORMAT) ? [first, ...rest] : rest;
}
