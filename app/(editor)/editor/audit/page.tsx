import type { Metadata } from "next";
import Link from "next/link";
import { listAuditEvents, listAuditFilterOptions, parseAuditFilters, type AuditFilterErrors, type AuditFilters } from "@/lib/audit/list";
import type { Viewer } from "@/lib/auth/viewer";
import { Pagination, parsePageParam } from "../../../_components/Pagination";
import { PermissionGate } from "../_components/PermissionGate";

export const metadata: Metadata = { title: "审计日志" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
type Options = Awaited<ReturnType<typeof listAuditFilterOptions>>;

export default function AuditPage({ searchParams }: Props) {
  return (
    <PermissionGate action="audit.read" returnTo="/editor/audit">
      {(viewer) => <AuditLog viewer={viewer} searchParams={searchParams} />}
    </PermissionGate>
  );
}

async function AuditLog({ viewer, searchParams }: Props & { viewer: Viewer }) {
  const params = await searchParams;
  const { filters, errors } = parseAuditFilters(params);
  const [list, options] = await Promise.all([listAuditEvents(viewer, { page: parsePageParam(params.page) ?? 1, filters }), listAuditFilterOptions(viewer)]);
  const query = new URLSearchParams(Object.entries(filters).map(([key, value]) => [key, String(value)])).toString();
  const filtered = query !== "";

  return (
    <section aria-labelledby="audit-heading">
      <div className="toolbar">
        <h1 id="audit-heading">审计日志</h1>
        <span className="meta">共 {list.total} 条</span>
      </div>
      <AuditFilterForm values={typedValues(params)} errors={errors} options={options} />
      {list.items.length === 0 ? (
        <p className="notice">{list.total > 0 ? "这一页没有记录。" : filtered ? "没有符合条件的记录。" : "还没有审计记录。"}</p>
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
                <td>
                  <time dateTime={event.atIso}>{event.at}</time>
                </td>
                <td>{event.actor ?? "—"}</td>
                <td title={event.action}>{event.actionLabel}</td>
                <td>{event.targetHref ? <Link href={event.targetHref}>{event.target}</Link> : event.target || "—"}</td>
                <td>{event.detail || "—"}</td>
                <td>{event.clientAddress || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination basePath={`/editor/audit${filtered ? `?${query}` : ""}`} page={list.page} pageCount={list.pageCount} />
    </section>
  );
}

/** A plain GET form: filters live in the URL, so a filtered view can be bookmarked and paged. */
function AuditFilterForm({ values, errors, options }: { values: Record<keyof AuditFilters, string>; errors: AuditFilterErrors; options: Options }) {
  const error = (name: keyof AuditFilters) =>
    errors[name] && (
      <span className="field-error" id={`audit-${name}-error`}>
        {errors[name]}
      </span>
    );
  const invalid = (name: keyof AuditFilters) => (errors[name] ? { "aria-invalid": true as const, "aria-describedby": `audit-${name}-error` } : {});
  return (
    <form className="filters" role="search" aria-label="筛选审计日志" action="/editor/audit">
      <label>
        操作者
        <select name="actor" aria-label="操作者" defaultValue={values.actor} {...invalid("actor")}>
          <option value="">全部</option>
          <option value="none">（无：未登录或系统）</option>
          {options.actors.map((user) => (
            <option key={user.id} value={user.id}>
              {user.displayName}（{user.email}）
            </option>
          ))}
        </select>
        {error("actor")}
      </label>
      <label>
        操作
        <select name="action" aria-label="操作" defaultValue={values.action}>
          <option value="">全部</option>
          {options.actions.map(({ action, label }) => (
            <option key={action} value={action}>
              {label === action ? action : `${label}（${action}）`}
            </option>
          ))}
        </select>
      </label>
      <label>
        对象
        <input name="target" aria-label="对象" defaultValue={values.target} placeholder="如 article:12 或 channel" />
      </label>
      <label>
        起始日期
        <input type="date" name="from" aria-label="起始日期" defaultValue={values.from} {...invalid("from")} />
        {error("from")}
      </label>
      <label>
        截止日期
        <input type="date" name="to" aria-label="截止日期" defaultValue={values.to} {...invalid("to")} />
        {error("to")}
      </label>
      <button type="submit">筛选</button>
      <Link href="/editor/audit">清除筛选</Link>
    </form>
  );
}

/** What the filter form shows: what was typed, even when it was refused, so it can be corrected. */
function typedValues(params: Record<string, string | string[] | undefined>): Record<keyof AuditFilters, string> {
  const value = (name: keyof AuditFilters) => (typeof params[name] === "string" ? (params[name] as string).slice(0, 100) : "");
  return { actor: value("actor"), action: value("action"), target: value("target"), from: value("from"), to: value("to") };
}
