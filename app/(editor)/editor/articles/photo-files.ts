// Which file of a library photo the form shows, and what a body figure holds for it. Pure, for the
// browser: the same choice the server makes when it stores a figure (lib/media/picture.ts).
import type { PhotoDto } from "@/lib/media/dto";
import { pickVariant, pictureMarkup } from "@/lib/media/picture";
import { FALLBACK_FORMAT } from "@/lib/media/variants";

/** One photo as a body figure holds it: the library photo, its file, and this article's 替代文字 and 图说. */
export type FigurePhoto = { photoId: number; src: string; alt: string; caption: string };

type WithVariants = Pick<PhotoDto, "variants">;

/** The image a stored figure points at (the JPEG of 960 px or more, else the widest), "" while the photo has none. */
export function figureSrc(photo: WithVariants): string {
  return pictureMarkup(photo.variants)?.img.src ?? "";
}

/** A small file for lists and previews: a slot `cssWidth` wide on a 2× screen. */
export function previewSrc(photo: WithVariants, cssWidth = 160): string {
  const variant = pickVariant(photo.variants, FALLBACK_FORMAT, cssWidth, 2) ?? photo.variants[0];
  return variant?.url ?? "";
}

/** A photo placed in the body: 替代文字 and 图说 start as the library's own, for the editor to change for this article. */
export function toFigurePhoto(photo: Pick<PhotoDto, "id" | "variants" | "alt" | "caption">): FigurePhoto {
  return { photoId: photo.id, src: figureSrc(photo), alt: photo.alt, caption: photo.caption };
}

/** How the picker names a photo: its 图说, else its file name. */
export function photoTitle(photo: Pick<PhotoDto, "caption" | "original">): string {
  return photo.caption.trim() || photo.original.name;
}
