import type { Metadata } from "next";
import Link from "next/link";
import type { Viewer } from "@/lib/auth/viewer";
import { listAuthors } from "@/lib/authors/manage";
import { Pagination, parsePageParam } from "../../../_components/Pagination";
import { PermissionGate } from "../_components/PermissionGate";
import { AuthorForm } from "./AuthorForm";

export const metadata: Metadata = { title: "作者" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default function AuthorsPage({ searchParams }: Props) {
  return (
    <PermissionGate action="authors.manage" returnTo="/editor/authors">
      {(viewer) => <Authors viewer={viewer} searchParams={searchParams} />}
    </PermissionGate>
  );
}

async function Authors({ viewer, searchParams }: Props & { viewer: Viewer }) {
  const params = await searchParams;
  const q = typeof params.q === "string" ? params.q.trim().slice(0, 40) : "";
  const list = await listAuthors(viewer, { q, page: parsePageParam(params.page) ?? 1 });
  const sameName = new Set(list.items.filter((author, index) => list.items.findIndex((other) => other.name === author.name) !== index).map((author) => author.name));

  return (
    <section aria-labelledby="authors-heading">
      <div className="toolbar">
        <h1 id="authors-heading">作者</h1>
        <span className="meta">共 {list.total} 位</span>
      </div>
      <AuthorForm />
      <form className="filters" role="search" aria-label="查找作者">
        <label>
          姓名
          <input type="search" name="q" defaultValue={q} placeholder="按姓名查找" />
        </label>
        <button type="submit">查找</button>
      </form>
      {list.items.length === 0 ? (
        <p className="notice">{list.total > 0 ? "这一页没有作者。" : q ? "没有找到这个姓名的作者。" : "还没有作者。"}</p>
      ) : (
        <table className="article-table admin-table">
          <caption className="visually-hidden">作者列表</caption>
          <thead>
            <tr>
              <th scope="col">姓名</th>
              <th scope="col">编号</th>
              <th scope="col">默认署名身份</th>
              <th scope="col">简介</th>
              <th scope="col" className="numeric">
                署名文章（已发布）
              </th>
              <th scope="col" className="numeric">
                关联用户
              </th>
              <th scope="col">公开页面</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((author) => (
              <tr key={author.id}>
                <td>
                  <Link href={`/editor/authors/${author.id}`}>{author.name}</Link>
                  {sameName.has(author.name) && <span className="status"> 同名</span>}
                </td>
                <td>#{author.id}</td>
                <td>{author.defaultRoleLabel}</td>
                <td>{author.bio ? author.bio.slice(0, 40) : "—"}</td>
                <td className="numeric">
                  {author.articleCount}（{author.publishedCount}）
                </td>
                <td className="numeric">{author.userCount}</td>
                <td>
                  <Link href={`/authors/${author.id}`} target="_blank">
                    查看
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination basePath={`/editor/authors${q ? `?${new URLSearchParams({ q })}` : ""}`} page={list.page} pageCount={list.pageCount} />
    </section>
  );
}
