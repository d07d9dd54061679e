import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { listCachedChannels } from "@/lib/site/cached";
import { searchPublished } from "@/lib/search/query";
import { parseSearchParams } from "@/lib/search/schema";
import { formatShanghai, toShanghaiIso } from "@/lib/text/time";
import { Pagination } from "../../_components/Pagination";
import { Thumbnail } from "../../_components/Thumbnail";

export const metadata: Metadata = { title: "搜索", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default function SearchPage({ searchParams }: Props) {
  return (
    <section aria-labelledby="search-heading">
      <h1 id="search-heading" className="page-title">
        搜索
      </h1>
      <Suspense
        fallback={
          <p className="meta" aria-busy="true">
            正在搜索…
          </p>
        }
      >
        <SearchResults searchParams={searchParams} />
      </Suspense>
    </section>
  );
}

async function SearchResults({ searchParams }: Props) {
  const input = parseSearchParams(await searchParams);
  const [result, channels] = await Promise.all([searchPublished(input), listCachedChannels()]);
  const [from, to] = [input.from, input.to].map((date) => (date ? formatShanghai(date).slice(0, 10) : ""));
  const query = new URLSearchParams({ q: input.q, ...(input.channelId ? { channel: String(input.channelId) } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) }).toString();
  return (
    <>
      <form className="search-form" role="search" action="/search">
        <label htmlFor="search-q" className="visually-hidden">
          搜索关键词
        </label>
        <input id="search-q" name="q" type="search" defaultValue={input.q} maxLength={100} placeholder="输入关键词" />
        <label>
          栏目
          <select name="channel" defaultValue={input.channelId ?? ""}>
            <option value="">全部</option>
            {channels.map((channel) => (
              <option key={channel.id} value={channel.id}>
                {channel.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          起始日期
          <input type="date" name="from" defaultValue={from} />
        </label>
        <label>
          截止日期
          <input type="date" name="to" defaultValue={to} />
        </label>
        <button type="submit">搜索</button>
      </form>
      {input.q.trim() === "" ? null : result.total === 0 ? (
        <p className="notice" role="status">
          没有找到与“{input.q}”相关的文章。
        </p>
      ) : (
        <>
          <p className="meta" role="status">
            找到 {result.total} 篇与“{input.q}”相关的文章
          </p>
          <ol className="article-list search-results">
            {result.items.map((hit) => (
              <li key={hit.id} className={hit.thumbnail ? "has-thumb" : undefined}>
                <h2>
                  <Link href={`/articles/${hit.id}`}>{hit.title}</Link>
                </h2>
                {hit.thumbnail && <Thumbnail figure={hit.thumbnail} />}
                {/* Escaped text with <mark> around the matches only (lib/search/snippet). */}
                {/* biome-ignore lint/security/noDangerouslySetInnerHtml: escaped text with <mark> only (lib/search/snippet) */}
                <p dangerouslySetInnerHTML={{ __html: hit.snippetHtml }} />
                <p className="meta">
                  {hit.channel && <Link href={`/channels/${hit.channel.slug}`}>{hit.channel.name}</Link>}
                  <time dateTime={toShanghaiIso(hit.publishedAt)}>{formatShanghai(hit.publishedAt)}</time>
                </p>
              </li>
            ))}
          </ol>
          <Pagination basePath={`/search?${query}`} page={result.page} pageCount={result.pageCount} />
        </>
      )}
    </>
  );
}
