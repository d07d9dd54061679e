import { revalidateTag } from "next/cache";

/** Expires the public pages an edit touched; the next reader waits for fresh content. */
export function refreshPublicPages(tags: string[]): void {
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
}
