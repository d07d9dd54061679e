// Photo uploads through a running server, as the newsroom's upload field sends them: the file's
// bytes as the body of POST /api/media, then GET /api/media/<id> until every variant exists.
import { log, sleep } from "./servers";
import { formatMs } from "./timing";

const POLL_MS = 250;
const VARIANTS_TIMEOUT_MS = 5 * 60_000;
const RETRY_AFTER_FAILURE_MS = 1000;

type Upload = { baseUrl: string; cookie: string; bytes: Buffer; fileName: string };
type Timed = { firstMs: number; allMs: number };

/** Uploads one file and waits for all its variants: time until the POST is answered (first usable variant) and until all exist. */
export async function uploadAndWait({ baseUrl, cookie, bytes, fileName }: Upload, onAnswered?: () => void): Promise<Timed> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/media`, {
    method: "POST",
    headers: { cookie, "x-file-name": encodeURIComponent(fileName), "content-type": "image/jpeg" },
    body: new Uint8Array(bytes),
  });
  const answer = (await response.json()) as { photo?: { id: number }; error?: string };
  if (response.status !== 201 || !answer.photo) throw new Error(`POST /api/media answered ${response.status}: ${answer.error ?? "no photo"}`);
  const firstMs = performance.now() - started;
  onAnswered?.();
  const deadline = Date.now() + VARIANTS_TIMEOUT_MS;
  for (;;) {
    const photo = await fetch(`${baseUrl}/api/media/${answer.photo.id}`, { headers: { cookie } });
    const { photo: current } = (await photo.json()) as { photo?: { variantsPending: boolean } };
    if (!current) throw new Error(`GET /api/media/${answer.photo.id} answered ${photo.status}`);
    if (!current.variantsPending) return { firstMs, allMs: performance.now() - started };
    if (Date.now() > deadline) throw new Error(`photo ${answer.photo.id} still had variants pending after ${VARIANTS_TIMEOUT_MS / 1000} s`);
    await sleep(POLL_MS);
  }
}

export type UploadStats = { sent: number; answered: number; completed: number; completedInWindow: number; failed: number; firstMs: number[]; allMs: number[] };

/**
 * Starts `uploaders` clients, each uploading the file again as soon as its previous photo has all
 * its variants, so that many uploads are always in the server at once; none starts once `isOpen()`
 * turns false. `stats` counts as they go; `done` resolves when the last upload has all its
 * variants. Failures are counted, not thrown.
 */
export function startUploads(upload: Omit<Upload, "fileName">, uploaders: number, isOpen: () => boolean): { stats: UploadStats; done: Promise<UploadStats> } {
  const stats: UploadStats = { sent: 0, answered: 0, completed: 0, completedInWindow: 0, failed: 0, firstMs: [], allMs: [] };
  const client = async (index: number) => {
    while (isOpen()) {
      const number = ++stats.sent;
      try {
        const timed = await uploadAndWait({ ...upload, fileName: `under-load-${index + 1}-${number}.jpg` }, () => stats.answered++);
        stats.completed++;
        if (isOpen()) stats.completedInWindow++;
        stats.firstMs.push(timed.firstMs);
        stats.allMs.push(timed.allMs);
        log(`upload #${number} (uploader ${index + 1}): first variant after ${formatMs(timed.firstMs)}, all variants after ${formatMs(timed.allMs)}`);
      } catch (error) {
        stats.failed++;
        log(`upload #${number} (uploader ${index + 1}) failed: ${error instanceof Error ? error.message : String(error)}`);
        await sleep(RETRY_AFTER_FAILURE_MS);
      }
    }
  };
  const done = Promise.all(Array.from({ length: uploaders }, (_, index) => client(index))).then(() => stats);
  return { stats, done };
}
