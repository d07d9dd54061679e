// Database rows as export records: plain JSON in a fixed key order, users named by email.
import type { Prisma } from "../db";
import type { ArticleRecord, AuthorRecord, ChannelRecord, PhotoRecord } from "./format";

export const channelInclude = { oldSlugs: { orderBy: { slug: "asc" }, select: { slug: true } } } satisfies Prisma.ChannelInclude;

export const articleInclude = {
  createdBy: { select: { email: true } },
  updatedBy: { select: { email: true } },
  bylines: { orderBy: { position: "asc" } },
  relatedItems: { orderBy: { position: "asc" } },
  revisions: { orderBy: { number: "asc" }, include: { author: { select: { email: true } } } },
  photoUses: { where: { role: "lead" }, select: { photoId: true, caption: true, alt: true } },
} satisfies Prisma.ArticleInclude;

export const photoInclude = { uploadedBy: { select: { email: true } } } satisfies Prisma.PhotoInclude;

type ChannelRow = Prisma.ChannelGetPayload<{ include: typeof channelInclude }>;
type AuthorRow = Prisma.AuthorGetPayload<object>;
type ArticleRow = Prisma.ArticleGetPayload<{ include: typeof articleInclude }>;
type PhotoRow = Prisma.PhotoGetPayload<{ include: typeof photoInclude }>;

export function toChannelRecord(row: ChannelRow): ChannelRecord {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    tagline: row.tagline,
    position: row.position,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    redirects: row.oldSlugs.map((redirect) => redirect.slug),
  };
}

export function toAuthorRecord(row: AuthorRow): AuthorRecord {
  const { id, name, defaultRoleLabel, bio } = row;
  return { id, name, defaultRoleLabel, bio, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

export function toArticleRecord(row: ArticleRow): ArticleRecord {
  return {
    id: row.id,
    title: row.title,
    subtitle: row.subtitle,
    summary: row.summary,
    bodyHtml: row.bodyHtml,
    bodyText: row.bodyText,
    source: row.source,
    status: row.status as ArticleRecord["status"],
    publishedAt: row.publishedAt?.toISOString() ?? null,
    version: row.version,
    channelId: row.channelId,
    createdBy: row.createdBy?.email ?? null,
    updatedBy: row.updatedBy?.email ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    lead: row.photoUses[0] ? { photoId: row.photoUses[0].photoId, caption: row.photoUses[0].caption, alt: row.photoUses[0].alt } : null,
    bylines: row.bylines.map(({ position, authorId, roleLabel }) => ({ position, authorId, roleLabel })),
    picks: row.relatedItems.map(({ position, targetArticleId, title, excerpt, url }) => ({ position, targetArticleId, title, excerpt, url })),
    revisions: row.revisions.map((revision) => ({
      number: revision.number,
      author: revision.author?.email ?? null,
      createdAt: revision.createdAt.toISOString(),
      snapshot: JSON.parse(revision.snapshot) as Record<string, unknown>,
    })),
  };
}

/** A photo row with its original file; variantsPending is left out (the import makes the variants). */
export function toPhotoRecord(row: PhotoRow, original: Buffer): PhotoRecord {
  return {
    id: row.id,
    caption: row.caption,
    alt: row.alt,
    creditAuthorId: row.creditAuthorId,
    creditText: row.creditText,
    creditKind: row.creditKind as PhotoRecord["creditKind"],
    sourceOrg: row.sourceOrg,
    focalX: row.focalX,
    focalY: row.focalY,
    storageKey: row.storageKey,
    originalName: row.originalName,
    originalFormat: row.originalFormat as PhotoRecord["originalFormat"],
    originalWidth: row.originalWidth,
    originalHeight: row.originalHeight,
    originalBytes: row.originalBytes,
    contentHash: row.contentHash,
    uploadedBy: row.uploadedBy?.email ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    fileUpdatedAt: row.fileUpdatedAt.toISOString(),
    original: original.toString("base64"),
  };
}
