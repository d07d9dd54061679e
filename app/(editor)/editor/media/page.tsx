import type { Metadata } from "next";
import Link from "next/link";
import type { Viewer } from "@/lib/auth/viewer";
import { listPhotos } from "@/lib/media/read";
import { photoListSchema } from "@/lib/media/schema";
import { getMediaUploadLimitBytes } from "@/lib/settings/media";
import { Pagination } from "../../../_components/Pagination";
import { PermissionGate } from "../_components/PermissionGate";
import { PhotoGrid } from "./PhotoGrid";
import { PhotoUploader } from "./PhotoUploader";

export const metadata: Metadata = { title: "图片库" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default function MediaLibraryPage({ searchParams }: Props) {
  return (
    <PermissionGate action="photo.upload" returnTo="/editor/media">
      {(viewer) => <Library viewer={viewer} searchParams={searchParams} />}
    </PermissionGate>
  );
}

async function Library({ viewer, searchParams }: Props & { viewer: Viewer }) {
  const params = await searchParams;
  const single = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);
  // The same schema lib parses with: a bad value falls back to its default rather than failing.
  const query = photoListSchema.parse({ q: single(params.q), from: single(params.from), to: single(params.to), page: single(params.page) });
  const [list, limitBytes] = await Promise.all([listPhotos(viewer, query), getMediaUploadLimitBytes()]);
  const filters = new URLSearchParams(Object.entries({ q: query.q, from: query.from, to: query.to }).filter(([, value]) => value !== "")).toString();
  const deleted = single(params.deleted);

  return (
    <section aria-labelledby="media-heading">
      <div className="toolbar">
        <h1 id="media-heading">图片库</h1>
        <span className="meta">共 {list.total} 张</span>
      </div>
      {deleted && /^\d{1,10}$/.test(deleted) && (
        <p className="form-message ok" role="status">
          已删除图片 #{deleted}
        </p>
      )}
      <PhotoUploader maxMegabytes={Math.floor(limitBytes / 1024 / 1024)} />
      <form className="filters photo-filters" role="search" aria-label="查找图片" action="/editor/media">
        <label>
          关键词
          <input type="search" name="q" defaultValue={query.q} maxLength={100} placeholder="图说、摄影、上传者或文件名" />
        </label>
        <label>
          上传日期从
          <input type="date" name="from" defaultValue={query.from} />
        </label>
        <label>
          上传日期到
          <input type="date" name="to" defaultValue={query.to} />
        </label>
        <button type="submit">查找</button>
        {filters && <Link href="/editor/media">清除条件</Link>}
      </form>
      {list.items.length === 0 ? (
        <p className="notice">{list.total > 0 ? "这一页没有图片。" : filters ? "没有符合条件的图片。" : "图片库还是空的：上传第一张图片吧。"}</p>
      ) : (
        <PhotoGrid photos={list.items} />
      )}
      <Pagination basePath={`/editor/media${filters ? `?${filters}` : ""}`} page={list.page} pageCount={list.pageCount} />
    </section>
  );
}
