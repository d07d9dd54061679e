import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { Viewer } from "@/lib/auth/viewer";
import { getChannelForEdit } from "@/lib/channels/manage";
import { NotFoundError } from "@/lib/errors";
import { parseIdParam } from "../../../../_components/params";
import { PermissionGate } from "../../_components/PermissionGate";
import { ChannelForm } from "../ChannelForm";
import { DeleteChannelButton } from "../DeleteChannelButton";

export const metadata: Metadata = { title: "编辑栏目" };

type Props = { params: Promise<{ id: string }> };

export default async function ChannelPage({ params }: Props) {
  const { id: rawId } = await params;
  return (
    <PermissionGate action="channels.manage" returnTo={`/editor/channels/${rawId}`}>
      {(viewer) => <Channel viewer={viewer} rawId={rawId} />}
    </PermissionGate>
  );
}

async function Channel({ viewer, rawId }: { viewer: Viewer; rawId: string }) {
  const id = parseIdParam(rawId);
  if (!id) notFound();
  const channel = await getChannelForEdit(viewer, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) return null;
    throw error;
  });
  if (!channel) notFound();

  return (
    <section aria-labelledby="channel-heading">
      <Link className="back-link" href="/editor/channels">
        ← 全部栏目
      </Link>
      <div className="toolbar">
        <h1 id="channel-heading">{channel.name}</h1>
        <span className="meta">{channel.articleCount} 篇文章</span>
        <Link href={`/channels/${channel.slug}`} target="_blank">
          查看公开页面
        </Link>
      </div>
      <ChannelForm key={channel.id} channel={channel} />
      {channel.oldSlugs.length > 0 && <p className="hint">这些旧地址会跳转到本栏目：{channel.oldSlugs.map((slug) => `/channels/${slug}`).join("、")}</p>}
      <DeleteChannelButton channel={channel} />
    </section>
  );
}
