// The photo upload byte limit: an admin setting stored in the Setting table over the environment's
// default (MEDIA_MAX_UPLOAD_MB, else 30 MB). Kept apart from the site settings form's schema so
// that form is unchanged until its page shows this field. Every change is audited.
import "server-only";
import { z } from "zod";
import { prisma } from "../db";
import { mediaDefaultMaxUploadMegabytes } from "../env";
import { fieldErrors } from "../validation";
import { recordAudit } from "../audit/record";
import { requireAllowed } from "../auth/guard";
import type { Viewer } from "../auth/viewer";
import { ValidationError } from "../errors";
import { fieldLabel, t } from "../messages/catalog";
import { rule } from "../messages/zod";

const STORAGE_KEY = "media.maxUploadMegabytes";
export const MAX_UPLOAD_MEGABYTES_CEILING = 200;

const megabytes = z.coerce.number(rule("photo.maxUploadRange")).int().min(1).max(MAX_UPLOAD_MEGABYTES_CEILING);

/** "" (or absent) means "use the default". */
export const mediaSettingsSchema = z.object({
  maxUploadMegabytes: z.preprocess(
    (value) => (typeof value === "string" ? value.trim() : value),
    z
      .union([z.literal("").transform(() => null), megabytes])
      .nullable()
      .default(null),
  ),
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

export async function getMediaSettingsForm(viewer: Viewer, context: { clientAddress?: string } = {}): Promise<{ stored: MediaSettings; defaults: { maxUploadMegabytes: number } }> {
  await requireAllowed(viewer, "users.manage", { tried: "settings.read", target: "settings", clientAddress: context.clientAddress });
  return { stored: { maxUploadMegabytes: await getStoredMaxUploadMegabytes() }, defaults: { maxUploadMegabytes: mediaDefaultMaxUploadMegabytes() } };
}

export async function updateMediaSettings(
  viewer: Viewer,
  rawInput: MediaSettingsInput,
  context: { clientAddress?: string } = {},
): Promise<{ stored: MediaSettings; changed: boolean }> {
  // Settings are the admins' (like lib/settings/manage.ts).
  await requireAllowed(viewer, "users.manage", { tried: "settings.media", target: "settings", clientAddress: context.clientAddress });
  const parsed = mediaSettingsSchema.safeParse(rawInput);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  const next = parsed.data.maxUploadMegabytes;
  return prisma.$transaction(async (tx) => {
    const row = await tx.setting.findUnique({ where: { key: STORAGE_KEY } });
    const before = row ? Number(row.value) : null;
    if (before === next) return { stored: { maxUploadMegabytes: next }, changed: false };
    if (next === null) await tx.setting.deleteMany({ where: { key: STORAGE_KEY } });
    else await tx.setting.upsert({ where: { key: STORAGE_KEY }, create: { key: STORAGE_KEY, value: String(next) }, update: { value: String(next) } });
    const shown = (value: number | null) => (value === null ? t("settings.default", { value: String(mediaDefaultMaxUploadMegabytes()) }) : String(value));
    await recordAudit(
      {
        actorId: viewer.id,
        action: "settings.update",
        target: "settings",
        detail: `${fieldLabel("maxUploadMegabytes")}：${shown(before)} → ${shown(next)}`,
        clientAddress: context.clientAddress,
      },
      tx,
    );
    return { stored: { maxUploadMegabytes: next }, changed: true };
  });
}
