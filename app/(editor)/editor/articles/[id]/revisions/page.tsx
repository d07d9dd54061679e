import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { compareRevisions, listRevisions } from "@/lib/articles/revisions";
import { requireViewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { parseIdParam } from "../../../../../_components/params";
import { DiffView } from "./DiffView";
import { RestoreButton } from "./RestoreButton";

export const metadata: Metadata = { title: "修订记录" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const revisionParam = (value: unknown) => (typeof value === "string" && /^[1-9]\d{0,8}$/.test(value) ? Number(value) : null);

export default async function RevisionsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const viewer = await requireViewer(`/editor/articles/${id}/revisions`);
  const articleId = parseIdParam(id);
  if (!articleId) notFound();
  const history = await listRevisions(viewer, articleId).catch(notFoundOr);
  const latest = history.revisions[0]?.number ?? 1;
  const to = revisionParam(query.to) ?? latest;
  const from = revisionParam(query.from) ?? Math.max(1, to - 1);
  const numbers = history.revisions.map((revision) => revision.number);
  const diff = await compareRevisions(viewer, articleId, from, to).catch((error) => (error instanceof NotFoundError ? null : Promise.reject(error)));

  return (
    <section aria-labelledby="revisions-heading">
      <div className="toolbar">
        <h1 id="revisions-heading">修订记录：{history.article.title}</h1>
        <Link href={`/editor/articles/${articleId}`}>返回编辑</Link>
      </div>
      <form className="filters" aria-label="选择要比较的版本">
        <VersionSelect name="from" label="从" value={from} numbers={numbers} />
        <VersionSelect name="to" label="到" value={to} numbers={numbers} />
        <button type="submit">比较</button>
      </form>
      {diff ? (
        <DiffView fields={diff} from={from} to={to} />
      ) : (
        <p className="notice" role="alert">
          找不到要比较的版本。
        </p>
      )}
      <h2>全部版本</h2>
      <table className="article-table">
        <thead>
          <tr>
            <th scope="col">版本</th>
            <th scope="col">修改人</th>
            <th scope="col">时间</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {history.revisions.map((revision) => (
            <tr key={revision.number}>
              <td>
                第 {revision.number} 版{revision.number === history.article.version && "（当前）"}
              </td>
              <td>{revision.author}</td>
              <td>{revision.createdAt}</td>
              <td className="row-actions">
                <Link href={`/editor/articles/${articleId}/revisions?from=${revision.number}&to=${history.article.version}`}>与当前比较</Link>
                <Link href={`/editor/articles/${articleId}/preview?revision=${revision.number}`} target="_blank">
                  预览
                </Link>
                {revision.number !== history.article.version && <RestoreButton articleId={articleId} number={revision.number} baseVersion={history.article.version} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function VersionSelect({ name, label, value, numbers }: { name: "from" | "to"; label: string; value: number; numbers: number[] }) {
  return (
    <label>
      {label}
      <select name={name} defaultValue={value}>
        {numbers.map((number) => (
          <option key={number} value={number}>
            第 {number} 版
          </option>
        ))}
      </select>
    </label>
  );
}

function notFoundOr(error: unknown): never {
  if (error instanceof NotFoundError) notFound();
  throw error;
}
