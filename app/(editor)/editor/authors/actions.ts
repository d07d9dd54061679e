"use server";
import { authorInputSchema, createAuthor, mergeAuthors, mergeAuthorsSchema, updateAuthor, updateAuthorSchema } from "@/lib/authors/manage";
import { success } from "@/lib/form-state";
import { t } from "@/lib/messages/catalog";
import { newsroomAction } from "../_lib/newsroom-action";

export const createAuthorAction = newsroomAction(authorInputSchema, createAuthor, ({ author }) =>
  success(t("action.authorCreated", { name: author.name }), { authorId: author.id }),
);

export const updateAuthorAction = newsroomAction(updateAuthorSchema, updateAuthor, ({ author, changed }) =>
  success(changed ? t("action.authorSaved", { name: author.name }) : t("form.unchanged"), undefined),
);

export const mergeAuthorsAction = newsroomAction(mergeAuthorsSchema, mergeAuthors, ({ kept, removed, movedArticles, movedUsers }) =>
  success(t("action.authorsMerged", { removed: removed.name, removedId: removed.id, kept: kept.name, articles: movedArticles, users: movedUsers }), undefined),
);
