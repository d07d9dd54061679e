// The photo module's side of its route handlers: reading an upload body within the byte limit while
// it streams, and turning errors into `{ error }` JSON with a 4xx status (never a stack trace).
import "server-only";
import { ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { getMediaUploadLimitBytes } from "../settings/media";
import { ImageRejectedError, MediaBusyError, PhotoInUseError } from "./errors";
import { message, t } from "../messages/catalog";

/** Header that carries the file's name (URL-encoded). Required: a plain HTML form cannot set it, so a cross-site form cannot post files here. */
export const FILE_NAME_HEADER = "x-file-name";

const REJECTION_STATUS: Record<ImageRejectedError["code"], number> = {
  "file.empty": 400,
  "file.tooLarge": 413,
  "file.svg": 415,
  "file.unsupported": 415,
  "file.damaged": 422,
  "file.tooManyPixels": 422,
};

/**
 * The request body as bytes, refused as soon as it passes the upload limit: from Content-Length
 * before reading, and by counting while reading (the header may be absent or lie).
 */
export async function readUploadBody(request: Request): Promise<{ bytes: Buffer; fileName: string }> {
  const encodedName = request.headers.get(FILE_NAME_HEADER);
  if (encodedName === null) throw new ValidationError({}, message("request.invalid"));
  const limit = await getMediaUploadLimitBytes();
  const tooLarge = () => new ImageRejectedError("file.tooLarge", { maxMegabytes: Math.floor(limit / 1024 / 1024) });
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  if (!request.body) throw new ImageRejectedError("file.empty");
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return { bytes: Buffer.concat(chunks, received), fileName: safeDecode(encodedName) };
}

/** `{ error }` with the status that fits; unexpected failures are logged and answered 503. */
export function mediaErrorResponse(error: unknown): Response {
  const headers = { "cache-control": "no-store" };
  if (error instanceof ImageRejectedError) return Response.json({ error: error.message }, { status: REJECTION_STATUS[error.code], headers });
  if (error instanceof PhotoInUseError) return Response.json({ error: error.message }, { status: 409, headers });
  if (error instanceof ValidationError) return Response.json({ error: error.message, fieldErrors: error.fieldErrors }, { status: 400, headers });
  if (error instanceof NotFoundError) return Response.json({ error: error.message }, { status: 404, headers });
  if (error instanceof ForbiddenError) return Response.json({ error: error.message }, { status: 403, headers });
  if (error instanceof MediaBusyError) return Response.json({ error: error.message }, { status: 503, headers: { ...headers, "retry-after": "5" } });
  console.error("media request failed:", error instanceof Error ? error.message : error);
  return Response.json({ error: t("media.failed") }, { status: 503, headers });
}

export function signedOutResponse(): Response {
  return Response.json({ error: t("media.signedOut") }, { status: 401, headers: { "cache-control": "no-store" } });
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
