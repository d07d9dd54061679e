// Photos as pages show them: the facts of a set of photos (read in one query), and a figure for one
// use of a photo — its <picture> markup, alt text, and 图说 followed by the credit line.
import "server-only";
import { prisma, type Prisma } from "../db";
import { formatCaptionWithCredit } from "./credit";
import { pictureMarkup, type PictureMarkup } from "./picture";
import { publicUrl } from "./store";
import { FALLBACK_FORMAT } from "./variants";

export type PhotoVariantFile = { format: string; width: number; height: number; bytes: number; url: string };
export type PhotoFacts = {
  id: number;
  caption: string;
  alt: string;
  focalX: number;
  focalY: number;
  creditKind: string;
  creditAuthor: { name: string; defaultRoleLabel: string } | null;
  creditText: string;
  sourceOrg: string;
  variants: PhotoVariantFile[];
};

/** One use of a photo on a page. `caption` holds the credit line; `src` is the JPEG for feeds and previews. */
export type Figure = {
  photoId: number;
  alt: string;
  caption: string;
  picture: PictureMarkup;
  focal: { x: number; y: number };
  /** The JPEG closest above 960 px (share cards ask for 1200+: see `shareImage`). */
  src: string;
};

const factsSelect = {
  id: true,
  caption: true,
  alt: true,
  focalX: true,
  focalY: true,
  creditKind: true,
  creditText: true,
  sourceOrg: true,
  creditAuthor: { select: { name: true, defaultRoleLabel: true } },
  variants: { select: { format: true, width: true, height: true, bytes: true, key: true } },
} satisfies Prisma.PhotoSelect;

export async function listPhotoFacts(ids: readonly number[], db: Prisma.TransactionClient = prisma): Promise<Map<number, PhotoFacts>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.photo.findMany({ where: { id: { in: unique } }, select: factsSelect });
  return new Map(rows.map(({ variants, ...row }) => [row.id, { ...row, variants: variants.map(({ key, ...variant }) => ({ ...variant, url: publicUrl(key) })) }]));
}

/** The figure of one use; `use` holds what this article says ("" = the photo's own). Null while the photo has no file. */
export function toFigure(facts: PhotoFacts, use: { caption: string; alt: string }, sizes?: string): Figure | null {
  const picture = pictureMarkup(facts.variants, sizes);
  if (!picture) return null;
  return {
    photoId: facts.id,
    alt: use.alt.trim() || facts.alt,
    caption: formatCaptionWithCredit(facts, use.caption),
    picture,
    focal: { x: facts.focalX, y: facts.focalY },
    src: picture.img.src,
  };
}

/** The JPEG a share card or structured data names: the narrowest at least `minWidth` wide, else the widest. */
export function shareImage(facts: PhotoFacts, minWidth = 1200): PhotoVariantFile | null {
  const jpegs = facts.variants.filter((variant) => variant.format === FALLBACK_FORMAT).sort((a, b) => a.width - b.width);
  return jpegs.find((variant) => variant.width >= minWidth) ?? jpegs.at(-1) ?? null;
}
