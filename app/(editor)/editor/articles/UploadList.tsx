"use client";
import { useSyncExternalStore } from "react";
import { uploadPercent, uploadStateText, type PhotoUploads, type UploadItem } from "./photo-uploads";

/** One row per file: its name, its own progress bar and its outcome (the server's reason when refused). */
export function UploadList({ uploads, label }: { uploads: PhotoUploads; label: string }) {
  const items = useSyncExternalStore(uploads.subscribe, uploads.getSnapshot, noItems);
  if (items.length === 0) return null;
  return (
    <ul className="upload-list" aria-label={label}>
      {items.map((item) => (
        <UploadRow key={item.key} item={item} onRemove={() => uploads.remove(item.key)} />
      ))}
    </ul>
  );
}

function UploadRow({ item, onRemove }: { item: UploadItem; onRemove: () => void }) {
  const nameId = `${item.key}-name`;
  const text = uploadStateText(item);
  return (
    <li className={`upload-item is-${item.state}`}>
      <span id={nameId} className="upload-name">
        {item.name}
      </span>
      <progress max={100} value={item.state === "failed" ? 0 : uploadPercent(item)} aria-labelledby={nameId} aria-valuetext={text} />
      <span className="upload-state" role={item.state === "failed" ? "alert" : undefined}>
        {text}
        {item.error ? `：${item.error}` : ""}
      </span>
      {(item.state === "done" || item.state === "failed") && (
        <button type="button" onClick={onRemove} aria-label={`清除 ${item.name} 的记录`}>
          清除
        </button>
      )}
    </li>
  );
}

const EMPTY: UploadItem[] = [];
function noItems(): UploadItem[] {
  return EMPTY;
}
