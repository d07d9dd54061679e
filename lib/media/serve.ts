// Serving public variants at /media/<folder>/<hash>-<width>.<ext>. Only keys of the public scheme
// are looked up, so no path can reach an original or step outside the store. The headers make a
// file cacheable forever (its name changes with its content) and keep it from running as a document.
import "server-only";
import { keyFromPublicPath, mediaStore } from "./store";

const CONTENT_TYPES: Record<string, string> = { jpg: "image/jpeg", webp: "image/webp", avif: "image/avif" };

export const PUBLIC_FILE_HEADERS = {
  "cache-control": "public, max-age=31536000, immutable",
  "x-content-type-options": "nosniff",
  // Defence in depth should a file ever be opened as a page: no scripts, no plugins, no framing.
  "content-security-policy": "default-src 'none'; sandbox",
  "cross-origin-resource-policy": "same-site",
} as const;

export type PublicFile = { body: Buffer; headers: Record<string, string> };

/** The variant named by a /media/… path, or null (unknown name, or no such file). */
export async function readPublicFile(segments: readonly string[]): Promise<PublicFile | null> {
  const key = keyFromPublicPath(segments);
  if (!key) return null;
  const body = await mediaStore().get(key);
  if (!body) return null;
  const extension = key.slice(key.lastIndexOf(".") + 1);
  return { body, headers: { ...PUBLIC_FILE_HEADERS, "content-type": CONTENT_TYPES[extension], "content-length": String(body.length) } };
}
