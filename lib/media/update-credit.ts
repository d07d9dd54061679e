// Changing only a photo's 摄影 (a linked author or free text), as the article form's 题图 group does:
// the photo's other details stay as the library has them now. Same permission and audit as any
// change of details (updatePhotoDetails).
import "server-only";
import type { Viewer } from "../auth/viewer";
import { fieldErrors } from "../validation";
import type { Context } from "./access";
import { PhotoInputError, PhotoNotFoundError } from "./errors";
import { updatePhotoDetails } from "./manage";
import { getPhoto } from "./read";
import { photoCreditSchema, type PhotoCreditInput } from "./schema";

export async function updatePhotoCredit(viewer: Viewer, rawInput: PhotoCreditInput, context: Context = {}) {
  const parsed = photoCreditSchema.safeParse(rawInput);
  if (!parsed.success) throw new PhotoInputError(fieldErrors(parsed.error));
  const { photoId, creditAuthorId, creditText } = parsed.data;
  const current = await getPhoto(viewer, photoId, context);
  if (!current) throw new PhotoNotFoundError();
  return updatePhotoDetails(
    viewer,
    {
      photoId,
      caption: current.caption,
      alt: current.alt,
      // A link wins over leftover text, as the library's form sends it.
      creditAuthorId,
      creditText: creditAuthorId === null ? creditText : "",
      creditKind: current.creditKind,
      sourceOrg: current.sourceOrg,
      focalX: current.focalX,
      focalY: current.focalY,
    },
    context,
  );
}
