// Site settings, admins only: site name, default 来源 and public site URL, stored in the Setting
// table over the environment's defaults. Every change is audited.
import "server-only";
import { fieldErrors } from "../validation";
import { recordAudit } from "../audit/record";
import { requireAllowed } from "../auth/guard";
import type { Viewer } from "../auth/viewer";
import { ValidationError } from "../errors";
import { fieldLabel, t } from "../messages/catalog";
import { SITE_SETTING_KEYS, siteSettingsSchema, type SiteSettings, type SiteSettingsInput } from "./schema";
import { defaultSiteSettings, getStoredSiteSettings, SITE_SETTINGS_TAG, writeStoredSiteSettings } from "./site";
import { publicChange } from "../site/tag-events";

export type Context = { clientAddress?: string };
/** `stored` is what the form shows ("" = default); `defaults` come from the environment. */
export type SettingsForm = { stored: SiteSettings; defaults: SiteSettings };
export type SettingsChange = { stored: SiteSettings; changed: boolean; publicTags: string[] };

export async function getSettingsForm(viewer: Viewer, context: Context = {}): Promise<SettingsForm> {
  await requireSettingsManager(viewer, "settings.read", context);
  return { stored: await getStoredSiteSettings(), defaults: defaultSiteSettings() };
}

export async function updateSettings(viewer: Viewer, rawInput: SiteSettingsInput, context: Context = {}): Promise<SettingsChange> {
  await requireSettingsManager(viewer, "settings.update", context);
  const parsed = siteSettingsSchema.safeParse(rawInput);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  const next = parsed.data;
  const defaults = defaultSiteSettings();
  return publicChange(async (tx) => {
    const before = await getStoredSiteSettings(tx);
    const changedKeys = SITE_SETTING_KEYS.filter((key) => before[key] !== next[key]);
    if (changedKeys.length === 0) return { stored: before, changed: false, publicTags: [] };
    await writeStoredSiteSettings(tx, next);
    const shown = (value: string, key: keyof SiteSettings) => value || t("settings.default", { value: defaults[key] });
    const detail = changedKeys.map((key) => `${fieldLabel(key)}：${shown(before[key], key)} → ${shown(next[key], key)}`).join("；");
    await recordAudit({ actorId: viewer.id, action: "settings.update", target: "settings", detail, clientAddress: context.clientAddress }, tx);
    // The default 来源 only prefills the newsroom's new-article form; readers never see it.
    const publicChange = changedKeys.some((key) => key !== "defaultSource");
    return { stored: next, changed: true, publicTags: publicChange ? [SITE_SETTINGS_TAG] : [] };
  });
}

function requireSettingsManager(viewer: Viewer, action: string, context: Context): Promise<void> {
  return requireAllowed(viewer, "users.manage", { tried: action, target: "settings", clientAddress: context.clientAddress });
}
