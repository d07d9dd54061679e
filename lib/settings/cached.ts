// Cached site settings for public pages, layouts, feeds and metadata. Tagged SITE_SETTINGS_TAG, which a
// settings change expires, so every page that shows the site name or URL is rendered again.
import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { getSiteSettings, SITE_SETTINGS_TAG } from "./site";

export async function getCachedSiteSettings() {
  "use cache";
  cacheLife("hours");
  cacheTag(SITE_SETTINGS_TAG);
  return getSiteSettings();
}
