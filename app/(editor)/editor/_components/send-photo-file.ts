// Sends one photo file to the media route handlers (POST /api/media, PUT /api/media/[id]) with
// XMLHttpRequest, because fetch() reports no upload progress. The server decides from the bytes
// whether the file is an image; its answer is `{ photo }` or `{ error }` in Chinese.
import type { PhotoDto } from "@/lib/media/dto";

export type SendOutcome = { ok: true; photo: PhotoDto } | { ok: false; error: string };

type Request = { method: "POST" | "PUT"; url: string; file: File; onProgress: (loaded: number, total: number) => void };

export function sendPhotoFile({ method, url, file, onProgress }: Request): Promise<SendOutcome> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    // The header is required even for a file without a name (some pasted images).
    xhr.setRequestHeader("X-File-Name", encodeURIComponent(file.name || "image"));
    xhr.setRequestHeader("Content-Type", file.type || "application/octet-stream");
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onload = () => {
      const body = (xhr.response ?? {}) as { photo?: PhotoDto; error?: string };
      if (xhr.status >= 200 && xhr.status < 300 && body.photo) {
        onProgress(file.size, file.size);
        resolve({ ok: true, photo: body.photo });
      } else {
        resolve({ ok: false, error: body.error ?? `上传失败（HTTP ${xhr.status}），请稍后再试` });
      }
    };
    xhr.onerror = () => resolve({ ok: false, error: "网络中断，上传失败，请检查网络后重试" });
    xhr.onabort = () => resolve({ ok: false, error: "上传已取消" });
    xhr.send(file);
  });
}
