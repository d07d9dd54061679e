import Link from "next/link";

/** Page links for `?page=N` lists; page 1 is the bare path. */
export function Pagination({ basePath, page, pageCount }: { basePath: string; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  const separator = basePath.includes("?") ? "&" : "?";
  const href = (target: number) => (target === 1 ? basePath : `${basePath}${separator}page=${target}`);
  const pages = Array.from({ length: pageCount }, (_, index) => index + 1).filter((n) => n === 1 || n === pageCount || Math.abs(n - page) <= 2);
  return (
    <nav className="pagination" aria-label="分页">
      {page > 1 && (
        <Link href={href(page - 1)} rel="prev">
          上一页
        </Link>
      )}
      {pages.map((n, index) => (
        <span key={n} style={{ display: "contents" }}>
          {index > 0 && n - pages[index - 1] > 1 && <span aria-hidden="true">…</span>}
          {n === page ? (
            <span aria-current="page">{n}</span>
          ) : (
            <Link href={href(n)} aria-label={`第 ${n} 页`}>
              {n}
            </Link>
          )}
        </span>
      ))}
      {page < pageCount && (
        <Link href={href(page + 1)} rel="next">
          下一页
        </Link>
      )}
    </nav>
  );
}

/** Reads `?page=` strictly: a positive whole number, else null. */
export function parsePageParam(value: string | string[] | undefined): number | null {
  if (value === undefined) return 1;
  if (typeof value !== "string" || !/^[1-9]\d{0,5}$/.test(value)) return null;
  return Number(value);
}
