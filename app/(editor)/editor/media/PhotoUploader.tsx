"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useHydrated } from "../_components/use-hydrated";
import { sendPhotoFile } from "../_components/send-photo-file";

/** Files sent at once: enough to keep the line busy, few enough that the server's image queue is not flooded. */
const CONCURRENCY = 2;
const ACCEPT = "image/jpeg,image/png,image/webp,image/gif,image/avif";

type State = "waiting" | "sending" | "done" | "failed";
type Item = { key: number; name: string; size: number; loaded: number; state: State; error?: string; photoId?: number };

/**
 * The library's upload area: files chosen with 上传图片 or dropped on the area, each sent in its own
 * request with its own progress bar and outcome. A refused file keeps its reason until it is removed.
 */
export function PhotoUploader({ maxMegabytes }: { maxMegabytes: number }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [items, setItems] = useState<Item[]>([]);
  const [dragging, setDragging] = useState(false);
  const queue = useRef<{ key: number; file: File }[]>([]);
  const active = useRef(0);
  const nextKey = useRef(1);
  const busy = items.some((item) => item.state === "waiting" || item.state === "sending");

  useEffect(() => {
    if (!busy) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [busy]);

  const update = (key: number, patch: Partial<Item>) => setItems((current) => current.map((item) => (item.key === key ? { ...item, ...patch } : item)));

  function add(files: FileList | null) {
    const added = Array.from(files ?? []).map((file) => ({ key: nextKey.current++, file }));
    if (added.length === 0) return;
    setItems((current) => [...current, ...added.map(({ key, file }): Item => ({ key, name: file.name, size: file.size, loaded: 0, state: "waiting" }))]);
    queue.current.push(...added);
    pump();
  }

  function pump() {
    while (active.current < CONCURRENCY && queue.current.length > 0) {
      const next = queue.current.shift()!;
      active.current += 1;
      void send(next).finally(() => {
        active.current -= 1;
        pump();
      });
    }
  }

  async function send({ key, file }: { key: number; file: File }) {
    update(key, { state: "sending" });
    const outcome = await sendPhotoFile({ method: "POST", url: "/api/media", file, onProgress: (loaded, total) => update(key, { loaded, size: total }) });
    if (outcome.ok) {
      update(key, { state: "done", loaded: file.size, photoId: outcome.photo.id });
      router.refresh();
    } else {
      update(key, { state: "failed", error: outcome.error });
    }
  }

  function drop(event: React.DragEvent) {
    event.preventDefault();
    setDragging(false);
    add(event.dataTransfer.files);
  }

  const count = (state: State) => items.filter((item) => item.state === state).length;
  const summary = busy
    ? `正在上传：已完成 ${count("done")} 张，还有 ${count("waiting") + count("sending")} 张`
    : items.length > 0
      ? `上传结束：成功 ${count("done")} 张${count("failed") > 0 ? `，${count("failed")} 张未能上传（原因见文件名旁）` : ""}`
      : "";

  return (
    <section className="upload-area" aria-labelledby="upload-heading">
      <h2 id="upload-heading" className="visually-hidden">
        上传
      </h2>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the drop zone only takes drops; the file picker button inside is the accessible way in */}
      <div
        className={dragging ? "upload-zone is-dragging" : "upload-zone"}
        onDragEnter={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragOver={(event) => event.preventDefault()}
        onDragLeave={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={drop}
      >
        {hydrated ? (
          <>
            <label htmlFor="photo-upload-input" className="upload-label">
              上传图片
            </label>
            <input
              id="photo-upload-input"
              type="file"
              multiple
              accept={ACCEPT}
              aria-describedby="photo-upload-hint"
              onChange={(event) => {
                add(event.target.files);
                event.target.value = "";
              }}
            />
          </>
        ) : (
          // Uploading needs script (one request per file, with progress); the input appears once it runs.
          <span className="upload-label">上传图片</span>
        )}
        <noscript>
          <p className="field-error">上传图片需要启用浏览器的 JavaScript。</p>
        </noscript>
        <p id="photo-upload-hint" className="hint">
          可一次选择多张，或把图片拖到这里。支持 JPEG、PNG、WebP、GIF、AVIF，每张不超过 {maxMegabytes} MB。
        </p>
      </div>
      <p role="status" className="upload-summary">
        {summary}
      </p>
      {items.length > 0 && (
        <>
          <ul className="upload-list" aria-label="上传进度">
            {items.map((item) => (
              <UploadRow key={item.key} item={item} onRemove={() => setItems((current) => current.filter((other) => other.key !== item.key))} />
            ))}
          </ul>
          {count("done") > 0 && (
            <button type="button" onClick={() => setItems((current) => current.filter((item) => item.state !== "done"))}>
              清除已完成的记录
            </button>
          )}
        </>
      )}
    </section>
  );
}

function UploadRow({ item, onRemove }: { item: Item; onRemove: () => void }) {
  const nameId = `upload-${item.key}-name`;
  const percent = item.state === "done" ? 100 : Math.min(99, Math.round((item.loaded / Math.max(1, item.size)) * 100));
  const text = { waiting: "等待上传", sending: percent >= 99 ? "正在处理…" : `${percent}%`, done: "已完成", failed: "未上传" }[item.state];
  return (
    <li className={`upload-item is-${item.state}`}>
      <span id={nameId} className="upload-name">
        {item.name}
      </span>
      <progress max={100} value={item.state === "failed" ? 0 : percent} aria-labelledby={nameId} aria-valuetext={text} />
      <span className="upload-state">{text}</span>
      {item.state === "done" && item.photoId && <Link href={`/editor/media/${item.photoId}`}>填写图说</Link>}
      {item.state === "failed" && (
        <>
          <p className="field-error upload-error">{item.error}</p>
          <button type="button" onClick={onRemove} aria-label={`移除 ${item.name}`}>
            移除
          </button>
        </>
      )}
    </li>
  );
}
