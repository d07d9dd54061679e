// Typed errors of the photo module. Each carries a catalog code and extends the project's domain
// error it is a case of, so lib/form-state's toFailure words it like any other.
import { CatalogError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { message, t } from "../messages/catalog";

type Limits = { maxMegabytes: number } | { width: number; height: number; maxMegapixels: number };
export type RejectionCode = "file.empty" | "file.tooLarge" | "file.svg" | "file.unsupported" | "file.damaged" | "file.tooManyPixels";

/** The uploaded file is not an image we accept (type, size, pixels, damage). */
export class ImageRejectedError extends ValidationError {
  declare readonly code: RejectionCode;
  constructor(code: RejectionCode, params?: Limits) {
    const said = { code, params };
    super({ file: textOfRejection(code, params) }, said);
  }
}

function textOfRejection(code: RejectionCode, params?: Limits): string {
  if (code === "file.tooLarge") return t(code, params as { maxMegabytes: number });
  if (code === "file.tooManyPixels") return t(code, params as { width: number; height: number; maxMegapixels: number });
  return t(code);
}

/** Bad photo details; fieldErrors holds the message for each field. */
export class PhotoInputError extends ValidationError {}

export class PhotoNotFoundError extends NotFoundError {
  constructor() {
    super("photo.notFound");
  }
}

export type PhotoRefusal = "photo.forbidden" | "photo.deleteForbidden" | "photo.replaceInUse";

/** A ForbiddenError that says which rule refused. */
export class PhotoForbiddenError extends ForbiddenError {
  declare readonly code: PhotoRefusal;
  constructor(code: PhotoRefusal = "photo.forbidden") {
    super(message(code));
  }
}

/** A photo that articles use cannot be deleted. */
export class PhotoInUseError extends ValidationError {
  constructor(readonly useCount: number) {
    super({}, message("photo.inUse", { count: useCount }));
  }
}

/** Too many images waiting for processing; the client should retry later. */
export class MediaBusyError extends CatalogError {
  constructor() {
    super(message("media.busy"));
  }
}
