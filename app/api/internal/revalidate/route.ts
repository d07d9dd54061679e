import { revalidateTag } from "next/cache";
import { z } from "zod";
import { isInternalToken } from "@/lib/site/release";

const bodySchema = z.object({ tags: z.array(z.string().min(1).max(256)).min(1).max(1000) });

/** Invalidates cache tags for the scheduler and the admin CLI; needs the internal token. */
export async function POST(request: Request) {
  if (!isInternalToken(request.headers.get("authorization"))) return Response.json({ error: "forbidden" }, { status: 403 });
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: "invalid body" }, { status: 400 });
  // expire: 0 makes the next visitor wait for fresh content instead of seeing the stale page once.
  for (const tag of parsed.data.tags) revalidateTag(tag, { expire: 0 });
  return Response.json({ revalidated: parsed.data.tags.length });
}
