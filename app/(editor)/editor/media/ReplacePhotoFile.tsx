"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormMessage, type Message } from "../_components/FormParts";
import { useHydrated } from "../_components/use-hydrated";
import { sendPhotoFile } from "../_components/send-photo-file";

const ACCEPT = "image/jpeg,image/png,image/webp,image/gif,image/avif";

/** A new file for the same photo (PUT /api/media/[id]): id and details stay, the page then shows the new picture. */
export function ReplacePhotoFile({ photoId }: { photoId: number }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [progress, setProgress] = useState<{ name: string; percent: number } | null>(null);
  const [message, setMessage] = useState<Message | null>(null);

  async function replace(file: File) {
    setMessage(null);
    setProgress({ name: file.name, percent: 0 });
    const outcome = await sendPhotoFile({
      method: "PUT",
      url: `/api/media/${photoId}`,
      file,
      onProgress: (loaded, total) => setProgress({ name: file.name, percent: Math.min(99, Math.round((loaded / Math.max(1, total)) * 100)) }),
    });
    setProgress(null);
    setMessage(outcome.ok ? { ok: true, text: `已换成新文件：${file.name}` } : { ok: false, text: outcome.error });
    if (outcome.ok) router.refresh();
  }

  return (
    <section className="admin-form" aria-labelledby="replace-photo-heading">
      <h2 id="replace-photo-heading">替换文件</h2>
      <p className="hint">换一个图片文件：编号、图说等信息不变，使用这张图片的文章随之显示新图片。</p>
      {hydrated && (
        <div className="field">
          <label htmlFor="replace-photo-input">选择新的图片文件</label>
          <input
            id="replace-photo-input"
            type="file"
            accept={ACCEPT}
            disabled={progress !== null}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = "";
              if (file) void replace(file);
            }}
          />
        </div>
      )}
      {progress && (
        <div className="upload-item is-sending">
          <span id="replace-photo-name" className="upload-name">
            {progress.name}
          </span>
          <progress max={100} value={progress.percent} aria-labelledby="replace-photo-name" />
          <span className="upload-state" role="status">
            {progress.percent >= 99 ? "正在处理…" : `${progress.percent}%`}
          </span>
        </div>
      )}
      <FormMessage message={message} />
    </section>
  );
}
