import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getArticleForEdit } from "@/lib/articles/editor";
import { requireViewer } from "@/lib/auth/viewer";
import { listChannels } from "@/lib/channels/public";
import { NotFoundError } from "@/lib/errors";
import { parseIdParam } from "../../../../_components/params";
import { ArticleForm } from "../ArticleForm";
import { workflowButtons } from "../form-options";

export const metadata: Metadata = { title: "编辑文章" };

export default async function EditArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer(`/editor/articles/${id}`);
  const articleId = parseIdParam(id);
  if (!articleId) notFound();
  const article = await getArticleForEdit(viewer, articleId).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const channels = await listChannels();
  return (
    <ArticleForm
      key={`${article.id}-${article.version}`}
      article={{ id: article.id, version: article.version, state: article.state, updatedAt: article.updatedAt, updatedBy: article.updatedBy }}
      initialInput={article.input}
      leadPhoto={article.leadPhoto}
      suggestions={article.suggestions}
      channels={channels}
      buttons={workflowButtons(viewer, article)}
    />
  );
}
