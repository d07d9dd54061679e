import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
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
  if (!channel) notFound();
  return (
    <section aria-labelledby="channel-heading">
      <h1 id="channel-heading" className="page-title">{channel.name}</h1>
      {channel.tagline && <p className="tagline">{channel.tagline}</p>}
      <Suspense fallback={<ListFallback />}>
        <PagedArticles
          searchParams={searchParams}
          basePath={`/channels/${channel.slug}`}
          showChannel={false}
          load={(page) => listCachedChannelArticles(channel.id, page)}
        />
      </Suspense>
    </section>
  );
}
