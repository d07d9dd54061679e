"use server";
import { searchAuthors, searchPublishedTitles } from "@/lib/articles/editor";
import { restoreRevision } from "@/lib/articles/revisions";
import { createArticle, saveArticle, type SaveOutcome } from "@/lib/articles/save";
import { lookupQuerySchema, restoreRequestSchema, saveRequestSchema, type SaveRequest } from "@/lib/articles/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { success } from "@/lib/form-state";
import { t } from "@/lib/messages/catalog";
import { newsroomAction, newsroomQuery, type ActionContext } from "../_lib/newsroom-action";

export type SavedArticle = { articleId: number; version: number; status: string };

// The form and the revisions page reload themselves from the saved version, so no refresh().
const ARTICLE_REQUEST = { refresh: false, invalid: "request.invalid" } as const;

export const saveArticleAction = newsroomAction(saveRequestSchema, saveOrCreate, (outcome, { input }) => success(outcome.changed ? t(`action.article.${input.intent}`) : t("form.unchanged"), saved(outcome)), ARTICLE_REQUEST);

export const restoreRevisionAction = newsroomAction(restoreRequestSchema, restoreRevision, (outcome, { input }) => success(outcome.changed ? t("action.revisionRestored", { number: input.number, version: outcome.version }) : t("action.revisionUnchanged"), saved(outcome)), ARTICLE_REQUEST);

export const searchAuthorsAction = newsroomQuery(lookupQuerySchema, (q) => searchAuthors(q));

export const searchPublishedArticlesAction = newsroomQuery(lookupQuerySchema, (q) => searchPublishedTitles(q));

/** A new article (no id yet) or a save of an existing one, with the workflow step its button asked for. */
function saveOrCreate(viewer: Viewer, { articleId, baseVersion, intent, input }: SaveRequest, context: ActionContext): Promise<SaveOutcome> {
  return articleId ? saveArticle(viewer, { articleId, baseVersion, input, intent }, context) : createArticle(viewer, input, intent, context);
}

function saved({ articleId, version, status }: SaveOutcome): SavedArticle {
  return { articleId, version, status };
}
