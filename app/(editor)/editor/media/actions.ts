"use server";
import { success } from "@/lib/form-state";
import { deletePhoto, updatePhotoDetails } from "@/lib/media/manage";
import { photoDetailsSchema, photoIdSchema } from "@/lib/media/schema";
import { t } from "@/lib/messages/catalog";
import { newsroomAction } from "../_lib/newsroom-action";

/** Answers the saved photo, so the form keeps what the server stored as its new starting point. */
export const updatePhotoDetailsAction = newsroomAction(
  photoDetailsSchema,
  updatePhotoDetails,
  ({ photo, changed }) => success(changed ? t("action.photoSaved") : t("form.unchanged"), { photo }),
  { invalid: "form.invalidSave" },
);

/** No refresh(): the photo's page would answer 404; the page goes back to the library. */
export const deletePhotoAction = newsroomAction(photoIdSchema, deletePhoto, () => success(t("action.photoDeleted"), undefined), { refresh: false, invalid: "request.invalid" });
