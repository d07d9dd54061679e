import { buildRssFeed } from "@/lib/site/feeds";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const xml = await buildRssFeed((await params).slug);
  if (!xml) return new Response("栏目不存在", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(xml, { headers: { "content-type": "application/rss+xml; charset=utf-8" } });
}
