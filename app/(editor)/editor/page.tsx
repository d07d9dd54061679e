import Link from "next/link";
import { listEditorArticles } from "@/lib/articles/editor";
import { ARTICLE_STATES } from "@/lib/articles/visibility";
import { requireViewer } from "@/lib/auth/viewer";
import { listChannels } from "@/lib/channels/public";
import { stateLabel } from "@/lib/messages/catalog";
import { Pagination, parsePageParam } from "../../_components/Pagination";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ArticleListPage({ searchParams }: Props) {
  const params = await searchParams;
  const viewer = await requireViewer("/editor");
  const status = ARTICLE_STATES.find((value) => value === params.status);
  const channelId = typeof params.channel === "string" && /^\d{1,9}$/.test(params.channel) ? Number(params.channel) : undefined;
  const q = typeof params.q === "string" ? params.q.trim().slice(0, 100) : "";
  const page = parsePageParam(params.page) ?? 1;
  const [list, channels] = await Promise.all([listEditorArticles(viewer, { status, channelId, q, page }), listChannels()]);
  const query = new URLSearchParams({ ...(status ? { status } : {}), ...(channelId ? { channel: String(channelId) } : {}), ...(q ? { q } : {}) }).toString();

  return (
    <section aria-labelledby="list-heading">
      <div className="toolbar">
        <h1 id="list-heading">文章</h1>
        <Link className="button primary" href="/editor/articles/new">
          新建文章
        </Link>
      </div>
      <form className="filters" role="search" aria-label="筛选文章">
        <label>
          状态
          <select name="status" defaultValue={status ?? ""}>
            <option value="">全部</option>
            {ARTICLE_STATES.map((value) => (
              <option key={value} value={value}>
                {stateLabel(value)}
              </option>
            ))}
          </select>
        </label>
        <label>
          栏目
          <select name="channel" defaultValue={channelId ?? ""}>
            <option value="">全部</option>
            {channels.map((channel) => (
              <option key={channel.id} value={channel.id}>
                {channel.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          搜索
          <input type="search" name="q" defaultValue={q} placeholder="标题或正文" />
        </label>
        <button type="submit">筛选</button>
      </form>
      <p className="meta">共 {list.total} 篇</p>
      {list.items.length === 0 ? (
        <p className="notice">没有符合条件的文章。</p>
      ) : (
        <table className="article-table">
          <thead>
            <tr>
              <th scope="col">标题</th>
              <th scope="col">状态</th>
              <th scope="col">栏目</th>
              <th scope="col">署名</th>
              <th scope="col">最后修改</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((item) => (
              <tr key={item.id}>
                <td>
                  <Link href={`/editor/articles/${item.id}`}>{item.title}</Link>
                </td>
                <td>
                  <span className={`status status-${item.state.key}`}>{item.state.label}</span>
                </td>
                <td>{item.channel}</td>
                <td>{item.byline}</td>
                <td>
                  {item.updatedBy} · {item.updatedAt}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination basePath={`/editor${query ? `?${query}` : ""}`} page={list.page} pageCount={list.pageCount} />
    </section>
  );
}
