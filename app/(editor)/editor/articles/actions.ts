"use server";
import { searchAuthors, searchPublishedTitles } from "@/lib/articles/editor";
import { restoreRevision } from "@/lib/articles/revisions";
import { createArticle, saveArticle, type SaveOutcome } from "@/lib/articles/save";
import { lookupQuerySchema, restoreRequestSchema, saveRequestSchema, type SaveRequest } from "@/lib/articles/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { success } from "@/lib/form-state";
import { listPhotos } from "@/lib/media/read";
import { photoCreditSchema, photoListSchema } from "@/lib/media/schema";
import { updatePhotoCredit } from "@/lib/media/update-credit";
import { t } from "@/lib/messages/catalog";
import { newsroomAction, newsroomLookup, newsroomQuery, type ActionContext } from "../_lib/newsroom-action";

export type SavedArticle = { articleId: number; version: number; status: string; changed: boolean; droppedImages: number };

// The form and the revisions page reload themselves from the saved version, so no refresh().
const ARTICLE_REQUEST = { refresh: false, invalid: "request.invalid" } as const;

export const saveArticleAction = newsroomAction(
  saveRequestSchema,
  saveOrCreate,
  (outcome, { input }) => success(savedMessage(outcome, input.intent), saved(outcome)),
  ARTICLE_REQUEST,
);

export const restoreRevisionAction = newsroomAction(
  restoreRequestSchema,
  restoreRevision,
  (outcome, { input }) =>
    success(outcome.changed ? t("action.revisionRestored", { number: input.number, version: outcome.version }) : t("action.revisionUnchanged"), saved(outcome)),
  ARTICLE_REQUEST,
);

export const searchAuthorsAction = newsroomQuery(lookupQuerySchema, (q) => searchAuthors(q));

export const searchPublishedArticlesAction = newsroomQuery(lookupQuerySchema, (q) => searchPublishedTitles(q));

/** A page of the photo library for the form's picker (题图, 插入图片, 插入组图), with the library's search. */
export const listPickerPhotosAction = newsroomLookup(photoListSchema, (query, viewer) => listPhotos(viewer, query));

/** The 题图's 摄影, saved on the photo before the article (the form calls it only when it changed). No refresh: the article save follows. */
export const saveLeadCreditAction = newsroomAction(
  photoCreditSchema,
  updatePhotoCredit,
  ({ photo, changed }) => success(changed ? t("action.leadCreditSaved") : t("form.unchanged"), { photo }),
  { refresh: false, invalid: "form.invalidSave" },
);

/** A new article (no id yet) or a save of an existing one, with the workflow step its button asked for. */
function saveOrCreate(viewer: Viewer, { articleId, baseVersion, intent, input }: SaveRequest, context: ActionContext): Promise<SaveOutcome> {
  return articleId ? saveArticle(viewer, { articleId, baseVersion, input, intent }, context) : createArticle(viewer, input, intent, context);
}

function saved({ articleId, version, status, changed, droppedImages }: SaveOutcome): SavedArticle {
  return { articleId, version, status, changed, droppedImages };
}

/** What the save did, and the body's images that were not library photos and so were not kept. */
function savedMessage(outcome: SaveOutcome, intent: SaveRequest["intent"]): string {
  const done = outcome.changed ? t(`action.article.${intent}`) : t("form.unchanged");
  return outcome.droppedImages > 0 ? `${done}。${t("article.imagesDropped", { count: outcome.droppedImages })}` : done;
}
