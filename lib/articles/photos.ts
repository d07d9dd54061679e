// The photos of a newsroom save, checked against the library: the 题图 must exist, figures of the
// body keep only library photos (pointed at the library's files), and an article that readers can
// see needs alt text for every photo it shows.
import "server-only";
import { prisma, type Prisma } from "../db";
import { ValidationError } from "../errors";
import { listPhotoFacts, type PhotoFacts } from "../media/figures";
import { pictureMarkup } from "../media/picture";
import { message, t } from "../messages/catalog";
import { listBodyPhotos, normalizeBodyPhotos } from "./body";
import type { LeadPhoto } from "./snapshot";

type Tx = Prisma.TransactionClient;
type WithPhotos = { bodyHtml: string; lead: LeadPhoto | null };

/** The body in stored form and the 题图, checked; `dropped` counts images that were not library photos. */
export async function preparePhotos(tx: Tx, { bodyHtml, lead }: WithPhotos): Promise<WithPhotos & { dropped: number }> {
  const facts = await listPhotoFacts([...listBodyPhotos(bodyHtml).map((use) => use.photoId), ...(lead ? [lead.photoId] : [])], tx);
  if (lead && !facts.has(lead.photoId)) throw new ValidationError({ lead: t("article.leadMissing") });
  const normalized = normalizeBodyPhotos(bodyHtml, srcFrom(facts));
  return { bodyHtml: normalized.html, lead, dropped: normalized.dropped };
}

/** The stored body with its images pointed at the photos' current files (a replaced photo has new ones), for the edit form. */
export async function withCurrentPhotoFiles(bodyHtml: string, db: Tx = prisma): Promise<string> {
  const facts = await listPhotoFacts(
    listBodyPhotos(bodyHtml).map((use) => use.photoId),
    db,
  );
  return normalizeBodyPhotos(bodyHtml, srcFrom(facts)).html;
}

function srcFrom(facts: Map<number, PhotoFacts>) {
  return (photoId: number) => {
    const photo = facts.get(photoId);
    return photo ? (pictureMarkup(photo.variants)?.img.src ?? null) : null;
  };
}

/** Refuses a version readers can see when one of its photos has no alt text, here or in the library. */
export async function requireAltText(tx: Tx, { bodyHtml, lead }: WithPhotos): Promise<void> {
  const inBody = listBodyPhotos(bodyHtml);
  const facts = await listPhotoFacts([...inBody.map((use) => use.photoId), ...(lead ? [lead.photoId] : [])], tx);
  const lacksAlt = (use: { photoId: number; alt: string }) => !use.alt.trim() && !facts.get(use.photoId)?.alt.trim();
  const errors: Record<string, string> = {};
  if (lead && lacksAlt(lead)) errors["lead.alt"] = t("article.altRequired");
  const missing = inBody.filter(lacksAlt).length;
  if (missing > 0) errors.bodyHtml = t("article.bodyAltRequired", { count: missing });
  if (Object.keys(errors).length > 0) throw new ValidationError(errors, message("article.altRequiredToPublish"));
}
