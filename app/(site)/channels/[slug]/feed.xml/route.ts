import { getChannelRedirect } from "@/lib/channels/public";
import { buildRssFeed } from "@/lib/site/feeds";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const xml = await buildRssFeed(slug);
  if (!xml) {
    const current = await getChannelRedirect(slug);
    if (current) return Response.redirect(new URL(`/channels/${current.slug}/feed.xml`, request.url), 308);
    return new Response("栏目不存在", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  return new Response(xml, { headers: { "content-type": "application/rss+xml; charset=utf-8" } });
}
