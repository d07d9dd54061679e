import Link from "next/link";
import type { ArticleListItem, Page } from "@/lib/articles/public";
import { ArticleList } from "./ArticleList";
import { Pagination, parsePageParam } from "./Pagination";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** A `?page=N` list: reads the page number at request time and the page itself from the cache. */
export async function PagedArticles({
  searchParams,
  basePath,
  load,
  showChannel,
}: {
  searchParams: SearchParams;
  basePath: string;
  load: (page: number) => Promise<Page<ArticleListItem> | null>;
  showChannel?: boolean;
}) {
  const page = parsePageParam((await searchParams).page);
  const result = page ? await load(page) : null;
  if (!result || page! > result.pageCount) {
    return (
      <p className="notice" role="status">
        没有这一页。<Link href={basePath}>返回第一页</Link>
      </p>
    );
  }
  return (
    <>
      <ArticleList articles={result.items} showChannel={showChannel} />
      <Pagination basePath={basePath} page={result.page} pageCount={result.pageCount} />
    </>
  );
}

export function ListFallback() {
  return (
    <p className="meta" aria-busy="true">
      正在加载…
    </p>
  );
}
