// What a reader's page needs to show a photo: <picture> sources (modern format) and the JPEG <img>
// with srcset, sizes, width and height. Pure, for server components and the benchmarks.
import { FALLBACK_FORMAT, MODERN_FORMAT } from "./variants";

type Variant = { format: string; width: number; height: number; bytes: number; url: string };

/**
 * A full-width figure in the article column: 46rem (736 px) from a 48rem viewport up, else the
 * viewport less the page's 1rem padding on each side (app/globals.css: .article, .site-main).
 */
export const FIGURE_SIZES = "(min-width: 48rem) 46rem, calc(100vw - 2rem)";

export type PictureMarkup = {
  sources: { type: string; srcSet: string }[];
  img: { src: string; srcSet: string; sizes: string; width: number; height: number };
};

/** Null when the photo has no variant yet. */
export function pictureMarkup(variants: readonly Variant[], sizes = FIGURE_SIZES): PictureMarkup | null {
  const fallback = ofFormat(variants, FALLBACK_FORMAT);
  const modern = ofFormat(variants, MODERN_FORMAT);
  const img = fallback.length > 0 ? fallback : modern;
  if (img.length === 0) return null;
  const largest = img[img.length - 1];
  const srcSet = (list: Variant[]) => list.map((variant) => `${variant.url} ${variant.width}w`).join(", ");
  // Without a fallback the modern files are the <img> itself, so they need no <source>.
  const sources = modern.length > 0 && fallback.length > 0 ? [{ type: `image/${MODERN_FORMAT}`, srcSet: srcSet(modern) }] : [];
  const middle = img.find((variant) => variant.width >= 960) ?? largest;
  return { sources, img: { src: middle.url, srcSet: srcSet(img), sizes, width: largest.width, height: largest.height } };
}

/** The variant a browser picks for a slot `slotCssPixels` wide at `devicePixelRatio`: the narrowest wide enough, else the widest. */
export function pickVariant<V extends Variant>(variants: readonly V[], format: string, slotCssPixels: number, devicePixelRatio: number): V | null {
  const list = ofFormat(variants, format);
  if (list.length === 0) return null;
  const needed = slotCssPixels * devicePixelRatio;
  return list.find((variant) => variant.width >= needed) ?? list[list.length - 1];
}

/** The CSS width FIGURE_SIZES gives a figure in a viewport `viewportWidth` CSS pixels wide (16 px rem). */
export function figureSlotWidth(viewportWidth: number): number {
  return viewportWidth >= 48 * 16 ? 46 * 16 : viewportWidth - 2 * 16;
}

function ofFormat<V extends Variant>(variants: readonly V[], format: string): V[] {
  return variants.filter((variant) => variant.format === format).sort((a, b) => a.width - b.width);
}
