"use server";
import { prepareAction } from "../_lib/prepare-action";
import { refresh } from "next/cache";
import { authorInputSchema, createAuthor, mergeAuthors, mergeAuthorsSchema, updateAuthor, updateAuthorSchema } from "@/lib/authors/manage";
import { success, toFailure, type FormResult } from "@/lib/form-state";
import { refreshPublicPages } from "../_lib/refresh";


export async function createAuthorAction(request: unknown): Promise<FormResult<{ authorId: number }>> {
  const prepared = await prepareAction(authorInputSchema, request);
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
  const prepared = await prepareAction(updateAuthorSchema, request);
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
  const prepared = await prepareAction(mergeAuthorsSchema, request);
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
