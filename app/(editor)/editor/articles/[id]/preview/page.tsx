import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getPreview } from "@/lib/articles/preview";
import { requireViewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { ArticleView } from "../../../../../_components/ArticleView";
import { parseIdParam } from "../../../../../_components/params";

export const metadata: Metadata = { title: "预览" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PreviewPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { revision } = await searchParams;
  const viewer = await requireViewer(`/editor/articles/${id}/preview`);
  const articleId = parseIdParam(id);
  const revisionNumber = typeof revision === "string" ? parseIdParam(revision) : null;
  if (!articleId || (revision !== undefined && !revisionNumber)) notFound();
  const article = await getPreview(viewer, articleId, revisionNumber ?? undefined).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <div className="preview">
      <p className="notice" role="note">
        预览：第 {article.version} 版，读者看到的样子（相关推荐与上一篇/下一篇在发布后生成）
      </p>
      <ArticleView article={article} />
    </div>
  );
}
