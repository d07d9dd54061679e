import { buildRssFeed } from "@/lib/site/feeds";

export async function GET() {
  const xml = await buildRssFeed();
  return new Response(xml, { headers: { "content-type": "application/rss+xml; charset=utf-8" } });
}
