import { buildNewsSitemap } from "@/lib/site/feeds";

export async function GET() {
  return new Response(await buildNewsSitemap(), { headers: { "content-type": "application/xml; charset=utf-8" } });
}
