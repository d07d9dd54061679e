// How readers' pages frame photos: the list thumbnail's fixed box and its crop around the photo's
// focal point, and the share image as absolute addresses for cards and structured data. Pure.
import type { PhotoVariantFile } from "@/lib/media/figures";

/**
 * A list thumbnail is cropped to 4:3 (the common shape of a news photo, so most lose little): its
 * width and height attributes are this box, its CSS width follows THUMBNAIL_SIZES in
 * lib/articles/reader-body.ts (33vw on phones, 10rem from 48rem up; app/globals.css .thumb).
 */
export const THUMBNAIL_BOX = { width: 160, height: 120 } as const;

/** CSS object-position keeping the focal point (0–1 from the top left) in the crop: `30% 75%`. */
export function focalPosition(focal: { x: number; y: number }): string {
  const percent = (value: number) => `${Math.round(Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0.5)) * 1000) / 10}%`;
  return `${percent(focal.x)} ${percent(focal.y)}`;
}

export type ShareImage = { url: string; width: number; height: number; alt: string };

/** The share image with an absolute address on `siteUrl` (an origin without a trailing slash); null without one. */
export function absoluteShareImage(image: PhotoVariantFile | null, alt: string, siteUrl: string): ShareImage | null {
  if (!image) return null;
  return { url: new URL(image.url, `${siteUrl}/`).href, width: image.width, height: image.height, alt };
}
