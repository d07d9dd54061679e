// Photo originals in an export: base64 in the photo's record. On import each is checked against its
// row before anything is written (exact base64, size, sha256, type from the bytes, a header sharp
// reads with the upload's pixel limit), then written to the media store, and removed again when the
// import fails, so a failed import leaves no file behind.
import "server-only";
import crypto from "node:crypto";
import { mediaMaxPixels } from "../env";
import { ImageRejectedError, type RejectionCode } from "../media/errors";
import { inspectImage } from "../media/image";
import { sniffImage } from "../media/sniff";
import { mediaStore, originalKey } from "../media/store";
import { TransferError, type PhotoRecord } from "./format";

const REFUSALS: Record<RejectionCode, string> = {
  "file.empty": "is empty",
  "file.tooLarge": "is too large",
  "file.svg": "is an SVG file, which newsdesk never accepts",
  "file.unsupported": "is not an image newsdesk accepts (JPEG, PNG, GIF, WebP, AVIF)",
  "file.damaged": "is damaged or not the image its first bytes claim",
  "file.tooManyPixels": "has more pixels than MEDIA_MAX_MEGAPIXELS allows",
};

/** The original's bytes, when they are exactly what the record says (base64, size, sha256, type). */
export function decodeOriginal(photo: PhotoRecord): Buffer {
  const bytes = Buffer.from(photo.original, "base64");
  // Node's decoder skips characters that are not base64; only the exact encoding round-trips.
  if (bytes.toString("base64") !== photo.original) throw new TransferError(`photo ${photo.id}: original is not valid base64`);
  if (bytes.length !== photo.originalBytes) throw new TransferError(`photo ${photo.id}: original has ${bytes.length} bytes, the record says ${photo.originalBytes}`);
  if (crypto.createHash("sha256").update(bytes).digest("hex") !== photo.contentHash) {
    throw new TransferError(`photo ${photo.id}: the original's sha256 does not match its contentHash`);
  }
  const type = sniffImage(bytes);
  if (type === "svg" || type === "html" || type === "unknown") throw new TransferError(`photo ${photo.id}: original ${REFUSALS[type === "svg" ? "file.svg" : "file.unsupported"]}`);
  if (type !== photo.originalFormat) throw new TransferError(`photo ${photo.id}: original is ${type.toUpperCase()}, the record says ${photo.originalFormat.toUpperCase()}`);
  return bytes;
}

/** Pass one: the original as decoded above, and an image sharp reads with the stated upright size. */
export async function checkOriginal(photo: PhotoRecord): Promise<void> {
  const bytes = decodeOriginal(photo);
  let info: Awaited<ReturnType<typeof inspectImage>>;
  try {
    info = await inspectImage(bytes, mediaMaxPixels());
  } catch (error) {
    if (error instanceof ImageRejectedError) throw new TransferError(`photo ${photo.id}: original ${REFUSALS[error.code]}`);
    throw error;
  }
  if (info.width !== photo.originalWidth || info.height !== photo.originalHeight) {
    throw new TransferError(`photo ${photo.id}: original is ${info.width}×${info.height}, the record says ${photo.originalWidth}×${photo.originalHeight}`);
  }
}

/** The originals an import writes, to take away again if it fails. */
export class ImportedOriginals {
  #added: string[] = [];

  /** Writes the photo's original under its key (content-addressed: a file already there is the same file). */
  async write(photo: PhotoRecord): Promise<void> {
    const store = mediaStore();
    const key = originalKey(photo);
    const existed = await store.exists(key);
    await store.put(key, decodeOriginal(photo));
    if (!existed) this.#added.push(key);
  }

  /** After a failed import. A file that cannot be removed stays an orphan for `cms media:check` to report. */
  async removeAll(): Promise<void> {
    if (this.#added.length === 0) return;
    const store = mediaStore();
    for (const key of this.#added.splice(0)) await store.delete(key).catch(() => undefined);
  }
}
