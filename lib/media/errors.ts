// Typed errors of the photo module. Each carries a code from ./messages and extends the project's
// domain error it is a case of, so lib/form-state's toFailure shows its (Chinese) message as is.
import { ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { mediaMessage, type MediaMessageCode, type MessageParams } from "./messages";

export type RejectionCode = Extract<MediaMessageCode, `file.${string}`>;

/** The uploaded file is not an image we accept (type, size, pixels, damage). */
export class ImageRejectedError extends ValidationError {
  constructor(
    readonly code: RejectionCode,
    readonly params: MessageParams = {},
  ) {
    super({ file: mediaMessage(code, params) }, mediaMessage(code, params));
  }
}

/** Bad photo details; fieldErrors holds the message for each field. */
export class PhotoInputError extends ValidationError {
  readonly code = "photo.invalid" as const;
  constructor(fieldErrors: Record<string, string>) {
    super(fieldErrors, mediaMessage("photo.invalid"));
  }
}

export class PhotoNotFoundError extends NotFoundError {
  readonly code = "photo.notFound" as const;
  constructor() {
    super(mediaMessage("photo.notFound"));
  }
}

export class PhotoForbiddenError extends ForbiddenError {
  constructor(readonly code: Extract<MediaMessageCode, "photo.forbidden" | "photo.deleteForbidden" | "photo.replaceInUse"> = "photo.forbidden") {
    super(mediaMessage(code));
  }
}

/** A photo that articles use cannot be deleted. */
export class PhotoInUseError extends ValidationError {
  readonly code = "photo.inUse" as const;
  constructor(readonly useCount: number) {
    super({}, mediaMessage("photo.inUse", { count: useCount }));
  }
}

/** Too many images waiting for processing; the client should retry later. */
export class MediaBusyError extends Error {
  readonly code = "media.busy" as const;
  constructor() {
    super(mediaMessage("media.busy"));
  }
}

export type MediaError = ImageRejectedError | PhotoInputError | PhotoNotFoundError | PhotoForbiddenError | PhotoInUseError | MediaBusyError;

export function isMediaError(error: unknown): error is MediaError {
  return error instanceof ImageRejectedError || error instanceof PhotoInputError || error instanceof PhotoNotFoundError || error instanceof PhotoForbiddenError || error instanceof PhotoInUseError || error instanceof MediaBusyError;
}
