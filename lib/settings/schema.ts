// Site settings input, one schema for the settings form, its action, the CLI and the tests.
// An empty field means "use the default from the environment".
import { z } from "zod";

export const SITE_URL_MESSAGE = "网站地址应为 https://www.example.com 这样的形式，不含路径";

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
  siteName: z.string({ error: "网站名称无效" }).trim().max(40, "网站名称最多 40 个字"),
  defaultSource: z.string({ error: "默认来源无效" }).trim().max(50, "默认来源最多 50 个字"),
  siteUrl: z
    .string({ error: SITE_URL_MESSAGE })
    .trim()
    .max(200, "网站地址太长")
    .transform((value, context) => {
      if (value === "") return "";
      const origin = toSiteOrigin(value);
      if (origin) return origin;
      context.addIssue({ code: "custom", message: SITE_URL_MESSAGE });
      return z.NEVER;
    }),
});

export type SiteSettingsInput = z.input<typeof siteSettingsSchema>;
export type SiteSettings = z.output<typeof siteSettingsSchema>;
export const SITE_SETTING_KEYS = ["siteName", "defaultSource", "siteUrl"] as const satisfies readonly (keyof SiteSettings)[];
export type SiteSettingKey = (typeof SITE_SETTING_KEYS)[number];

export const SITE_SETTING_LABELS: Record<SiteSettingKey, string> = { siteName: "网站名称", defaultSource: "默认来源", siteUrl: "网站地址" };
