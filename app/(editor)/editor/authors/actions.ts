"use server";
import { refresh } from "next/cache";
import type { z } from "zod";
import { fieldErrors } from "@/lib/articles/schema";
import { requestClientAddress } from "@/lib/auth/client-address";
import { getViewer } from "@/lib/auth/viewer";
import { authorInputSchema, createAuthor, mergeAuthors, mergeAuthorsSchema, updateAuthor, updateAuthorSchema } from "@/lib/authors/manage";
import { failure, SIGNED_OUT, success, toFailure, type FormResult } from "@/lib/form-state";
import { refreshPublicPages } from "../_lib/refresh";

const INVALID = "请修改标出的内容后再提交";

/** Resolves the viewer and parses the request; the shared steps of every action below. */
async function prepare<T extends z.ZodType>(schema: T, request: unknown) {
  const viewer = await getViewer();
  if (!viewer) return { ok: false, result: failure(SIGNED_OUT) } as const;
  const parsed = schema.safeParse(request);
  if (!parsed.success) return { ok: false, result: failure(INVALID, fieldErrors(parsed.error)) } as const;
  return { ok: true, viewer, input: parsed.data as z.output<T>, context: { clientAddress: await requestClientAddress() } } as const;
}

export async function createAuthorAction(request: unknown): Promise<FormResult<{ authorId: number }>> {
  const prepared = await prepare(authorInputSchema, request);
  if (!prepared.ok) return prepared.result;
  try {
    const { author, publicTags } = await createAuthor(prepared.viewer, prepared.input, prepared.context);
    refreshPublicPages(publicTags);
    refresh();
    return success(`已新建作者 ${author.name}`, { authorId: author.id });
  } catch (error) {
    return toFailure(error);
  }
}

export async function updateAuthorAction(request: unknown): Promise<FormResult> {
  const prepared = await prepare(updateAuthorSchema, request);
  if (!prepared.ok) return prepared.result;
  try {
    const { author, changed, publicTags } = await updateAuthor(prepared.viewer, prepared.input, prepared.context);
    refreshPublicPages(publicTags);
    refresh();
    return success(changed ? `已保存作者 ${author.name}` : "没有需要保存的修改", undefined);
  } catch (error) {
    return toFailure(error);
  }
}

export async function mergeAuthorsAction(request: unknown): Promise<FormResult> {
  const prepared = await prepare(mergeAuthorsSchema, request);
  if (!prepared.ok) return prepared.result;
  try {
    const { kept, removed, movedArticles, movedUsers, publicTags } = await mergeAuthors(prepared.viewer, prepared.input, prepared.context);
    refreshPublicPages(publicTags);
    refresh();
    return success(`已将「${removed.name}」(#${removed.id}) 并入「${kept.name}」：移入 ${movedArticles} 篇文章、${movedUsers} 个关联用户`, undefined);
  } catch (error) {
    return toFailure(error);
  }
}
