import { connection } from "next/server";
import { readPublicFile } from "@/lib/media/serve";

type Params = { params: Promise<{ path: string[] }> };

/** Public photo variants (immutable, content-addressed). nginx can serve data/media/public directly instead. */
export async function GET(_request: Request, { params }: Params) {
  await connection();
  const file = await readPublicFile((await params).path);
  if (!file)
    return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff", "cache-control": "no-store" } });
  return new Response(new Uint8Array(file.body), { headers: file.headers });
}
