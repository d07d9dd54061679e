"use server";
import { z } from "zod";
import { requestClientAddress } from "@/lib/auth/client-address";
import { getViewer } from "@/lib/auth/viewer";
import { searchAuthors, searchPublishedTitles } from "@/lib/articles/editor";
import { restoreRevision } from "@/lib/articles/revisions";
import { createArticle, saveArticle } from "@/lib/articles/save";
import { saveIntentSchema } from "@/lib/articles/schema";
import { failure, SIGNED_OUT, success, toFailure, type FormResult } from "@/lib/form-state";
import { refreshPublicPages } from "../_lib/refresh";

const saveRequestSchema = z.object({
  articleId: z.number().int().positive().nullable(),
  baseVersion: z.number().int().min(0),
  intent: saveIntentSchema,
  input: z.unknown(),
});

export type SavedArticle = { articleId: number; version: number; status: string };

const DONE: Record<string, string> = { save: "已保存", submit: "已提交审核", publish: "已发布", unpublish: "已撤稿", archive: "已归档" };

export async function saveArticleAction(request: unknown): Promise<FormResult<SavedArticle>> {
  const viewer = await getViewer();
  if (!viewer) return failure(SIGNED_OUT);
  const parsed = saveRequestSchema.safeParse(request);
  if (!parsed.success) return failure("请求无效");
  const { articleId, baseVersion, intent, input } = parsed.data;
  try {
    const context = { clientAddress: await requestClientAddress() };
    const outcome = articleId
      ? await saveArticle(viewer, { articleId, baseVersion, input, intent }, context)
      : await createArticle(viewer, input, intent, context);
    refreshPublicPages(outcome.publicTags);
    const message = outcome.changed ? DONE[intent] : "没有需要保存的修改";
    return success(message, { articleId: outcome.articleId, version: outcome.version, status: outcome.status });
  } catch (error) {
    return toFailure(error);
  }
}

const restoreSchema = z.object({ articleId: z.number().int().positive(), number: z.number().int().positive(), baseVersion: z.number().int().positive() });

export async function restoreRevisionAction(request: unknown): Promise<FormResult<SavedArticle>> {
  const viewer = await getViewer();
  if (!viewer) return failure(SIGNED_OUT);
  const parsed = restoreSchema.safeParse(request);
  if (!parsed.success) return failure("请求无效");
  try {
    const outcome = await restoreRevision(viewer, parsed.data, { clientAddress: await requestClientAddress() });
    refreshPublicPages(outcome.publicTags);
    return success(outcome.changed ? `已恢复第 ${parsed.data.number} 版（保存为第 ${outcome.version} 版）` : "该版本与当前内容相同，无需恢复", { articleId: outcome.articleId, version: outcome.version, status: outcome.status });
  } catch (error) {
    return toFailure(error);
  }
}

const querySchema = z.string().trim().max(50);

export async function searchAuthorsAction(query: unknown) {
  const viewer = await getViewer();
  const q = querySchema.safeParse(query);
  if (!viewer || !q.success) return [];
  return searchAuthors(q.data);
}

export async function searchPublishedArticlesAction(query: unknown) {
  const viewer = await getViewer();
  const q = querySchema.safeParse(query);
  if (!viewer || !q.success) return [];
  return searchPublishedTitles(q.data);
}
