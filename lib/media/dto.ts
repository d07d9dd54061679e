// What leaves lib/media about a photo: a plain object with the variant URLs, the printed credit line
// and what the viewer may do with it. Rows never leave the module.
import "server-only";
import type { Prisma } from "../db";
import { canPhoto, type Subject } from "../auth/permissions";
import { formatCredit, toCreditKind, type CreditKind } from "./credit";
import { publicUrl } from "./store";
import { VARIANT_FORMATS } from "./variants";

export const photoSelect = {
  id: true,
  caption: true,
  alt: true,
  creditAuthor: { select: { id: true, name: true, defaultRoleLabel: true } },
  creditText: true,
  creditKind: true,
  sourceOrg: true,
  focalX: true,
  focalY: true,
  storageKey: true,
  originalName: true,
  originalFormat: true,
  originalWidth: true,
  originalHeight: true,
  originalBytes: true,
  contentHash: true,
  variantsPending: true,
  uploadedById: true,
  uploadedBy: { select: { id: true, displayName: true } },
  createdAt: true,
  updatedAt: true,
  variants: { select: { format: true, width: true, height: true, bytes: true, key: true } },
  _count: { select: { uses: true } },
} satisfies Prisma.PhotoSelect;

export type PhotoRow = Prisma.PhotoGetPayload<{ select: typeof photoSelect }>;

export type PhotoVariantDto = { format: string; width: number; height: number; bytes: number; url: string };

export type PhotoDto = {
  id: number;
  caption: string;
  alt: string;
  creditAuthor: { id: number; name: string; defaultRoleLabel: string } | null;
  creditText: string;
  creditKind: CreditKind;
  sourceOrg: string;
  /** The credit as printed after the caption, e.g. （本报记者 王晓明 摄）; "" when there is none. */
  credit: string;
  focalX: number;
  focalY: number;
  original: { name: string; format: string; width: number; height: number; bytes: number; contentHash: string };
  /** True until every variant exists; the photo can be placed as soon as it has one. */
  variantsPending: boolean;
  /** Modern format first, then narrowest first. */
  variants: PhotoVariantDto[];
  uploadedBy: { id: number; displayName: string } | null;
  createdAt: string;
  updatedAt: string;
  useCount: number;
  can: { edit: boolean; replace: boolean; delete: boolean };
};

export function toPhotoDto(row: PhotoRow, viewer: Subject): PhotoDto {
  const ref = { uploadedById: row.uploadedById, useCount: row._count.uses };
  const formatRank = (format: string) => (VARIANT_FORMATS as readonly string[]).indexOf(format);
  return {
    id: row.id,
    caption: row.caption,
    alt: row.alt,
    creditAuthor: row.creditAuthor,
    creditText: row.creditText,
    creditKind: toCreditKind(row.creditKind),
    sourceOrg: row.sourceOrg,
    credit: formatCredit(row),
    focalX: row.focalX,
    focalY: row.focalY,
    original: { name: row.originalName, format: row.originalFormat, width: row.originalWidth, height: row.originalHeight, bytes: row.originalBytes, contentHash: row.contentHash },
    variantsPending: row.variantsPending,
    variants: [...row.variants]
      .sort((a, b) => formatRank(a.format) - formatRank(b.format) || a.width - b.width)
      .map(({ key, ...variant }) => ({ ...variant, url: publicUrl(key) })),
    uploadedBy: row.uploadedBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    useCount: row._count.uses,
    can: { edit: canPhoto(viewer, "edit", ref), replace: canPhoto(viewer, "replace", ref), delete: canPhoto(viewer, "delete", ref) && ref.useCount === 0 },
  };
}
