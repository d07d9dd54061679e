// The photo upload byte limit: an admin setting stored in the Setting table over the environment's
// default (MEDIA_MAX_UPLOAD_MB, else 30 MB). Kept apart from the site settings form's schema so
// that form is unchanged until its page shows this field. Every change is audited.
import "server-only";
import { z } from "zod";
import { prisma } from "../db";
import { mediaDefaultMaxUploadMegabytes } from "../env";
import { fieldErrors } from "../validation";
import { recordAudit } from "../audit/record";
import { hasPermission } from "../auth/permissions";
import type { Viewer } from "../auth/viewer";
import { ForbiddenError, ValidationError } from "../errors";
import { DEFAULT_MARK, PHOTO_FIELD_LABELS, PHOTO_FIELD_MESSAGES } from "../media/messages";

const STORAGE_KEY = "media.maxUploadMegabytes";
export const MAX_UPLOAD_MEGABYTES_CEILING = 200;

const megabytes = z.coerce
  .number({ error: PHOTO_FIELD_MESSAGES.maxUploadMegabytes })
  .int(PHOTO_FIELD_MESSAGES.maxUploadMegabytes)
  .min(1, PHOTO_FIELD_MESSAGES.maxUploadMegabytes)
  .max(MAX_UPLOAD_MEGABYTES_CEILING, PHOTO_FIELD_MESSAGES.maxUploadMegabytes);

/** "" (or absent) means "use the default". */
export const mediaSettingsSchema = z.object({
  maxUploadMegabytes: z.preprocess((value) => (typeof value === "string" ? value.trim() : value), z.union([z.literal("").transform(() => null), megabytes]).nullable().default(null)),
});

export type MediaSettingsInput = z.input<typeof mediaSettingsSchema>;
export type MediaSettings = { maxUploadMegabytes: number | null };

async function getStoredMaxUploadMegabytes(): Promise<number | null> {
  const row = await prisma.setting.findUnique({ where: { key: STORAGE_KEY } });
  const parsed = megabytes.safeParse(row?.value);
  return row && parsed.success ? parsed.data : null;
}

/** The byte limit in force for one uploaded photo file. */
export async function getMediaUploadLimitBytes(): Promise<number> {
  return ((await getStoredMaxUploadMegabytes()) ?? mediaDefaultMaxUploadMegabytes()) * 1024 * 1024;
}

export async function getMediaSettingsForm(viewer: Viewer): Promise<{ stored: MediaSettings; defaults: { maxUploadMegabytes: number } }> {
  if (!hasPermission(viewer.role, "users.manage")) throw new ForbiddenError();
  return { stored: { maxUploadMegabytes: await getStoredMaxUploadMegabytes() }, defaults: { maxUploadMegabytes: mediaDefaultMaxUploadMegabytes() } };
}

export async function updateMediaSettings(viewer: Viewer, rawInput: MediaSettingsInput, context: { clientAddress?: string } = {}): Promise<{ stored: MediaSettings; changed: boolean }> {
  // Settings are the admins' (like lib/settings/manage.ts); the check is the pure table, so this
  // module also loads in the CLI and benchmarks, where next/navigation cannot.
  if (!hasPermission(viewer.role, "users.manage")) {
    await recordAudit({ actorId: viewer.id, action: "permission.denied", target: "settings", detail: "settings.media", clientAddress: context.clientAddress });
    throw new ForbiddenError();
  }
  const parsed = mediaSettingsSchema.safeParse(rawInput);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  const next = parsed.data.maxUploadMegabytes;
  return prisma.$transaction(async (tx) => {
    const row = await tx.setting.findUnique({ where: { key: STORAGE_KEY } });
    const before = row ? Number(row.value) : null;
    if (before === next) return { stored: { maxUploadMegabytes: next }, changed: false };
    if (next === null) await tx.setting.deleteMany({ where: { key: STORAGE_KEY } });
    else await tx.setting.upsert({ where: { key: STORAGE_KEY }, create: { key: STORAGE_KEY, value: String(next) }, update: { value: String(next) } });
    const shown = (value: number | null) => (value === null ? `${mediaDefaultMaxUploadMegabytes()}${DEFAULT_MARK}` : String(value));
    await recordAudit({ actorId: viewer.id, action: "settings.update", target: "settings", detail: `${PHOTO_FIELD_LABELS.maxUploadMegabytes}：${shown(before)} → ${shown(next)}`, clientAddress: context.clientAddress }, tx);
    return { stored: { maxUploadMegabytes: next }, changed: true };
  });
}
