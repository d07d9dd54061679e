// An article's photos as readers see them: the body as parts (HTML between figures, photos, 组图)
// with each figure's files, alt text and 图说 + credit, and the 题图. Figures whose photo has no
// file are left out. Photos are looked up in one query.
import "server-only";
import { prisma, type Prisma } from "../db";
import { listPhotoFacts, shareImage, toFigure, type Figure, type PhotoFacts, type PhotoVariantFile } from "../media/figures";
import { escapeHtml } from "../text/html";
import { listBodyPhotos, splitBody } from "./body";
import type { LeadPhoto } from "./snapshot";

export type ReaderPart = { kind: "html"; html: string } | { kind: "photo"; figure: Figure } | { kind: "gallery"; caption: string; figures: Figure[] };
export type ReaderPhotos = {
  lead: Figure | null;
  /** The JPEG for share cards, structured data and feeds: the 题图's, at least 1200 px wide when it has one. */
  shareImage: PhotoVariantFile | null;
  body: ReaderPart[];
  /** Every photo shown, so a change to one refreshes the page. */
  photoIds: number[];
};

/** A 题图 spans the article column like a full-width figure. */
const LEAD_SIZES = "(min-width: 48rem) 46rem, calc(100vw - 2rem)";
/** A list's thumbnail: a third of a phone's width, 10rem on wider screens (app/globals.css .thumb). */
const THUMBNAIL_SIZES = "(min-width: 48rem) 10rem, 33vw";

/** The 题图 of each listed article as a thumbnail, in one query. */
export async function listThumbnails<T extends { photoUses: LeadPhoto[] }>(rows: T[], db: Prisma.TransactionClient = prisma): Promise<(Figure | null)[]> {
  const facts = await listPhotoFacts(
    rows.flatMap((row) => row.photoUses.map((use) => use.photoId)),
    db,
  );
  return rows.map(({ photoUses: [lead] }) => {
    const found = lead && facts.get(lead.photoId);
    return found ? toFigure(found, lead, THUMBNAIL_SIZES) : null;
  });
}

export async function readerPhotos(bodyHtml: string, lead: LeadPhoto | null, db: Prisma.TransactionClient = prisma): Promise<ReaderPhotos> {
  const photoIds = [...new Set([...(lead ? [lead.photoId] : []), ...listBodyPhotos(bodyHtml).map((use) => use.photoId)])];
  const facts = await listPhotoFacts(photoIds, db);
  const leadFacts = lead ? facts.get(lead.photoId) : undefined;
  return {
    lead: lead && leadFacts ? toFigure(leadFacts, lead, LEAD_SIZES) : null,
    shareImage: leadFacts ? shareImage(leadFacts) : null,
    body: readerBody(bodyHtml, facts),
    photoIds,
  };
}

function readerBody(bodyHtml: string, facts: Map<number, PhotoFacts>): ReaderPart[] {
  const figureOf = (photo: { photoId: number; caption: string; alt: string }) => {
    const found = facts.get(photo.photoId);
    return found ? toFigure(found, photo) : null;
  };
  return splitBody(bodyHtml).flatMap((part): ReaderPart[] => {
    if (part.kind === "html") return [part];
    if (part.kind === "photo") {
      const figure = figureOf(part.photo);
      return figure ? [{ kind: "photo", figure }] : [];
    }
    const figures = part.photos.flatMap((photo) => figureOf(photo) ?? []);
    return figures.length > 0 ? [{ kind: "gallery", caption: part.caption, figures }] : [];
  });
}

/** The parts as one HTML document for feeds: plain figures with absolute image addresses. */
export function readerBodyHtml(parts: ReaderPart[], baseUrl: string): string {
  const figure = ({ alt, caption, picture }: Figure) =>
    `<figure><img src="${escapeHtml(baseUrl + picture.img.src)}" alt="${escapeHtml(alt)}" width="${picture.img.width}" height="${picture.img.height}">${caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : ""}</figure>`;
  return parts
    .map((part) => {
      if (part.kind === "html") return part.html;
      if (part.kind === "photo") return figure(part.figure);
      return `<figure>${part.figures.map(figure).join("")}${part.caption ? `<figcaption>${escapeHtml(part.caption)}</figcaption>` : ""}</figure>`;
    })
    .join("\n");
}
