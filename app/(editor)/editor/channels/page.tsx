import type { Metadata } from "next";
import Link from "next/link";
import type { Viewer } from "@/lib/auth/viewer";
import { listChannelsForAdmin } from "@/lib/channels/manage";
import { PermissionGate } from "../_components/PermissionGate";
import { ChannelForm } from "./ChannelForm";
import { ChannelOrderButtons } from "./ChannelOrderButtons";

export const metadata: Metadata = { title: "栏目" };

export default function ChannelsPage() {
  return (
    <PermissionGate action="channels.manage" returnTo="/editor/channels">
      {(viewer) => <Channels viewer={viewer} />}
    </PermissionGate>
  );
}

async function Channels({ viewer }: { viewer: Viewer }) {
  const channels = await listChannelsForAdmin(viewer);

  return (
    <section aria-labelledby="channels-heading">
      <div className="toolbar">
        <h1 id="channels-heading">栏目</h1>
        <span className="meta">共 {channels.length} 个，按网站上的顺序排列</span>
      </div>
      <ChannelForm />
      {channels.length === 0 ? (
        <p className="notice">还没有栏目。</p>
      ) : (
        <table className="article-table admin-table">
          <caption className="visually-hidden">栏目列表</caption>
          <thead>
            <tr>
              <th scope="col">名称</th>
              <th scope="col">地址</th>
              <th scope="col">标语</th>
              <th scope="col" className="numeric">
                文章
              </th>
              <th scope="col">旧地址（跳转）</th>
              <th scope="col">顺序</th>
            </tr>
          </thead>
          <tbody>
            {channels.map((channel, index) => (
              <tr key={channel.id}>
                <td>
                  <Link href={`/editor/channels/${channel.id}`}>{channel.name}</Link>
                </td>
                <td>
                  <Link href={`/channels/${channel.slug}`} target="_blank">
                    /channels/{channel.slug}
                  </Link>
                </td>
                <td>{channel.tagline || "—"}</td>
                <td className="numeric">{channel.articleCount}</td>
                <td>{channel.oldSlugs.length > 0 ? channel.oldSlugs.join("、") : "—"}</td>
                <td>
                  <ChannelOrderButtons channel={channel} isFirst={index === 0} isLast={index === channels.length - 1} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
