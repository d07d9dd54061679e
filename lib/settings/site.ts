// The effective site settings: what admins stored in the Setting table, else the environment's defaults.
// Public pages read these through lib/settings/cached.ts, tagged SITE_SETTINGS_TAG.
import "server-only";
import { prisma, type Prisma } from "../db";
import { defaultSource, siteName, siteUrl } from "../env";
import { SITE_SETTING_KEYS, siteSettingsSchema, type SiteSettingKey, type SiteSettings } from "./schema";

/** Every public page shows the site name or URL, so every one carries this tag. */
export const SITE_SETTINGS_TAG = "site";

const STORAGE_KEYS: Record<SiteSettingKey, string> = { siteName: "site.name", defaultSource: "site.defaultSource", siteUrl: "site.url" };

export function defaultSiteSettings(): SiteSettings {
  return { siteName: siteName(), defaultSource: defaultSource(), siteUrl: siteUrl() };
}

/** Values admins stored; an absent or unusable row reads as "" (use the default). */
export async function getStoredSiteSettings(db: Prisma.TransactionClient = prisma): Promise<SiteSettings> {
  const rows = await db.setting.findMany({ where: { key: { in: Object.values(STORAGE_KEYS) } } });
  const byKey = new Map(rows.map((row) => [row.key, row.value]));
  const stored = Object.fromEntries(SITE_SETTING_KEYS.map((key) => [key, byKey.get(STORAGE_KEYS[key]) ?? ""]));
  // A row written by hand that the form would refuse is ignored rather than shown to readers.
  const parsed = siteSettingsSchema.safeParse(stored);
  if (parsed.success) return parsed.data;
  const valid = SITE_SETTING_KEYS.map((key) => [key, siteSettingsSchema.shape[key].safeParse(stored[key]).data ?? ""]);
  return Object.fromEntries(valid) as SiteSettings;
}

export async function getSiteSettings(): Promise<SiteSettings> {
  const stored = await getStoredSiteSettings();
  const defaults = defaultSiteSettings();
  return { siteName: stored.siteName || defaults.siteName, defaultSource: stored.defaultSource || defaults.defaultSource, siteUrl: stored.siteUrl || defaults.siteUrl };
}

/** Writes the stored values inside the caller's transaction: "" removes the row. */
export async function writeStoredSiteSettings(tx: Prisma.TransactionClient, values: SiteSettings): Promise<void> {
  for (const key of SITE_SETTING_KEYS) {
    const storageKey = STORAGE_KEYS[key];
    if (values[key] === "") await tx.setting.deleteMany({ where: { key: storageKey } });
    else await tx.setting.upsert({ where: { key: storageKey }, create: { key: storageKey, value: values[key] }, update: { value: values[key] } });
  }
}
