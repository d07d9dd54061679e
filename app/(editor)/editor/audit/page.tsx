import type { Metadata } from "next";
import { listAuditEvents } from "@/lib/audit/list";
import { hasPermission } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/viewer";
import { Pagination, parsePageParam } from "../../../_components/Pagination";

export const metadata: Metadata = { title: "审计日志" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  const params = await searchParams;
  const viewer = await requireViewer("/editor/audit");
  if (!hasPermission(viewer.role, "audit.read")) {
    return <p className="notice" role="alert">没有权限访问此页面</p>;
  }
  const list = await listAuditEvents(viewer, { page: parsePageParam(params.page) ?? 1 });

  return (
    <section aria-labelledby="audit-heading">
      <div className="toolbar">
        <h1 id="audit-heading">审计日志</h1>
        <span className="meta">共 {list.total} 条</span>
      </div>
      {list.items.length === 0 ? (
        <p className="notice">{list.total === 0 ? "还没有审计记录。" : "这一页没有记录。"}</p>
      ) : (
        <table className="article-table audit-table">
          <thead>
            <tr>
              <th scope="col">时间</th>
              <th scope="col">操作者</th>
              <th scope="col">操作</th>
              <th scope="col">对象</th>
              <th scope="col">详情</th>
              <th scope="col">地址</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((event) => (
              <tr key={event.id}>
                <td><time dateTime={event.atIso}>{event.at}</time></td>
                <td>{event.actor ?? "—"}</td>
                <td title={event.action}>{event.actionLabel}</td>
                <td>{event.target || "—"}</td>
                <td>{event.detail || "—"}</td>
                <td>{event.clientAddress || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination basePath="/editor/audit" page={list.page} pageCount={list.pageCount} />
    </section>
  );
}
