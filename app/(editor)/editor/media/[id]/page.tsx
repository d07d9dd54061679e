import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { Viewer } from "@/lib/auth/viewer";
import type { PhotoDto } from "@/lib/media/dto";
import { getPhoto } from "@/lib/media/read";
import { listVisiblePhotoUses } from "@/lib/media/uses";
import { stateLabel } from "@/lib/messages/catalog";
import { formatShanghai } from "@/lib/text/time";
import { parseIdParam } from "../../../../_components/params";
import { PermissionGate } from "../../_components/PermissionGate";
import { DeletePhotoButton } from "../DeletePhotoButton";
import { PhotoDetailsForm } from "../PhotoDetailsForm";
import { ReplacePhotoFile } from "../ReplacePhotoFile";

export const metadata: Metadata = { title: "图片" };

type Props = { params: Promise<{ id: string }> };

/** How an article uses a photo (ArticlePhoto.role). */
const USE_ROLES: Record<string, string> = { lead: "题图", inline: "正文", gallery: "组图" };

export default async function PhotoPage({ params }: Props) {
  const { id: rawId } = await params;
  return (
    <PermissionGate action="photo.upload" returnTo={`/editor/media/${rawId}`}>
      {(viewer) => <Photo viewer={viewer} rawId={rawId} />}
    </PermissionGate>
  );
}

async function Photo({ viewer, rawId }: { viewer: Viewer; rawId: string }) {
  const id = parseIdParam(rawId);
  if (!id) notFound();
  const photo = await getPhoto(viewer, id);
  if (!photo) notFound();
  const { uses, otherCount } = await listVisiblePhotoUses(viewer, id);

  return (
    <section aria-labelledby="photo-heading">
      <Link className="back-link" href="/editor/media">
        ← 全部图片
      </Link>
      <div className="toolbar">
        <h1 id="photo-heading">图片 #{photo.id}</h1>
        <span className="meta">
          <span>
            {photo.uploadedBy?.displayName ?? "—"} 上传于 <time dateTime={photo.createdAt}>{formatShanghai(new Date(photo.createdAt))}</time>
          </span>
          <span>{describeOriginal(photo)}</span>
        </span>
      </div>
      <PhotoDetailsForm photo={photo} />
      <section className="admin-form" aria-labelledby="photo-uses-heading">
        <h2 id="photo-uses-heading">使用情况</h2>
        {uses.length === 0 && otherCount === 0 ? (
          <p className="hint">还没有文章使用这张图片。</p>
        ) : (
          <ul className="photo-uses">
            {uses.map((use) => (
              <li key={`${use.articleId}-${use.role}-${use.position}`}>
                <Link href={`/editor/articles/${use.articleId}`}>{use.title || "（无标题）"}</Link>
                <span className={`status status-${use.state}`}>{stateLabel(use.state)}</span>
                <span className="photo-use-role">{USE_ROLES[use.role] ?? use.role}</span>
              </li>
            ))}
            {otherCount > 0 && <li className="hint">另有 {otherCount} 处用在其他人的稿件中</li>}
          </ul>
        )}
      </section>
      {photo.can.replace ? <ReplacePhotoFile photoId={photo.id} /> : photo.can.edit && <p className="hint">这张图片已被文章使用，只有编辑和管理员可以替换它的文件。</p>}
      {photo.can.delete ? (
        <DeletePhotoButton photo={{ id: photo.id, caption: photo.caption }} />
      ) : (
        photo.useCount > 0 && photo.can.replace && <p className="hint">这张图片正被 {photo.useCount} 处使用，不能删除。</p>
      )}
    </section>
  );
}

/** `IMG_0001.jpg · JPEG 4000×3000 · 5.2 MB`: the original file, which is never served. */
function describeOriginal(photo: PhotoDto): string {
  const { name, format, width, height, bytes } = photo.original;
  const size = bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return [name, `${format.toUpperCase()} ${width}×${height}`, size].filter(Boolean).join(" · ");
}
