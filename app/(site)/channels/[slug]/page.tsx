import type { Metadata } from "next";
import { cacheLife, cacheTag } from "next/cache";
import { notFound, permanentRedirect } from "next/navigation";
import { Suspense } from "react";
import { getChannelRedirect } from "@/lib/channels/public";
import { tags } from "@/lib/site/cache-tags";
import { getCachedChannel, listCachedChannelArticles, listCachedChannels } from "@/lib/site/cached";
import { ListFallback, PagedArticles } from "../../../_components/PagedArticles";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateStaticParams() {
  const channels = await listCachedChannels();
  return channels.length > 0 ? channels.map((channel) => ({ slug: channel.slug })) : [{ slug: "none" }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const channel = await getCachedChannel((await params).slug);
  if (!channel) return { title: "页面不存在" };
  return {
    title: channel.name,
    description: channel.tagline,
    alternates: { canonical: `/channels/${channel.slug}`, types: { "application/rss+xml": `/channels/${channel.slug}/feed.xml` } },
  };
}

export default async function ChannelPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const channel = await getCachedChannel(slug);
  if (!channel) {
    // An old slug of a renamed channel: its URLs keep working, pointing at the current one.
    const current = await getCachedChannelRedirect(slug);
    if (current) permanentRedirect(`/channels/${current.slug}`);
    notFound();
  }
  return (
    <section aria-labelledby="channel-heading">
      <h1 id="channel-heading" className="page-title">
        {channel.name}
      </h1>
      {channel.tagline && <p className="tagline">{channel.tagline}</p>}
      <Suspense fallback={<ListFallback />}>
        <PagedArticles searchParams={searchParams} basePath={`/channels/${channel.slug}`} showChannel={false} load={(page) => listCachedChannelArticles(channel.id, page)} />
      </Suspense>
    </section>
  );
}

// Channel changes expire tags.channels, which also drops a redirect cached for an old slug.
async function getCachedChannelRedirect(slug: string) {
  "use cache";
  cacheLife("hours");
  cacheTag(tags.channels);
  return getChannelRedirect(slug);
}
