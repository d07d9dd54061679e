// Site settings input, one schema for the settings form, its action, the CLI and the tests.
// An empty field means "use the default from the environment".
import { z } from "zod";
import { t } from "../messages/catalog";
import { field } from "../messages/zod";

/** `https://Example.com/` → `https://example.com`; null unless an http(s) origin with nothing after it. */
export function toSiteOrigin(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  const bare = url.pathname === "/" && !url.search && !url.hash && !url.username && !url.password && !text.endsWith("?") && !text.endsWith("#");
  return (url.protocol === "https:" || url.protocol === "http:") && bare ? url.origin : null;
}

export const siteSettingsSchema = z.object({
  siteName: z.string(field("siteName")).trim().max(40),
  defaultSource: z.string(field("defaultSource")).trim().max(50),
  siteUrl: z
    .string(field("siteUrl", { tooLong: true }))
    .trim()
    .max(200)
    .transform((value, context) => {
      if (value === "") return "";
      const origin = toSiteOrigin(value);
      if (origin) return origin;
      context.addIssue({ code: "custom", message: t("settings.siteUrlFormat") });
      return z.NEVER;
    }),
});

export type SiteSettingsInput = z.input<typeof siteSettingsSchema>;
export type SiteSettings = z.output<typeof siteSettingsSchema>;
export const SITE_SETTING_KEYS = ["siteName", "defaultSource", "siteUrl"] as const satisfies readonly (keyof SiteSettings)[];
export type SiteSettingKey = (typeof SITE_SETTING_KEYS)[number];
