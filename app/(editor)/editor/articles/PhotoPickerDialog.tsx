"use client";
import { useEffect, useId, useRef, useState, useSyncExternalStore, type FormEvent } from "react";
import { createPortal } from "react-dom";
import type { PhotoDto } from "@/lib/media/dto";
import type { PhotoPage } from "@/lib/media/read";
import { listPickerPhotosAction } from "./actions";
import type { PickRequest, PickResult } from "./body-photo-host";
import { photoTitle, previewSrc } from "./photo-files";
import { PhotoUploads } from "./photo-uploads";
import { UploadList } from "./UploadList";

export const PHOTO_ACCEPT = "image/jpeg,image/png,image/webp,image/gif,image/avif";

type Props = { request: PickRequest; onClose: (result: PickResult) => void };

/**
 * The photo library in a modal dialog, with its search. One choice closes it at once (题图, 插入图片);
 * several (组图) are ticked and confirmed. With `upload`, files can be sent from here too: one choice
 * hands them to the body to upload in place, several upload here and join the ticked photos.
 * Rendered at the end of the newsroom's frame, outside the article form, so its own search form is
 * not nested in it.
 */
export function PhotoPickerDialog({ request, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [query, setQuery] = useState("");
  const [page, setPage] = useState<PhotoPage | null>(null);
  const [photos, setPhotos] = useState<PhotoDto[]>([]);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  const [chosen, setChosen] = useState<PhotoDto[]>([]);
  const [uploads] = useState(() => new PhotoUploads("picker"));
  const ticket = useRef(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: opens the dialog and loads the first page once, on mount
  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    void load("", 1);
    // Closing (not just removing) the dialog gives focus back to the button that opened it.
    return () => element?.close();
  }, []);

  async function load(q: string, pageNumber: number) {
    const mine = ++ticket.current;
    setLoading(true);
    setFailed(false);
    const found = await listPickerPhotosAction({ q, page: pageNumber }).catch(() => null);
    if (mine !== ticket.current) return;
    setLoading(false);
    if (!found) return setFailed(true);
    setPage(found);
    setPhotos((current) => (pageNumber === 1 ? found.items : [...current, ...found.items.filter((item) => !current.some((known) => known.id === item.id))]));
  }

  function search(event: FormEvent) {
    event.preventDefault();
    // React passes events up its own tree, portal or not: the article form must not hear this submit.
    event.stopPropagation();
    void load(query, 1);
  }

  function toggle(photo: PhotoDto) {
    setChosen((current) => (current.some((item) => item.id === photo.id) ? current.filter((item) => item.id !== photo.id) : [...current, photo]));
  }

  function addFiles(files: File[]) {
    if (files.length === 0) return;
    if (!request.multiple) return onClose({ photos: [], files });
    for (const file of files) {
      uploads.add(file, (item) => {
        if (item.state !== "done" || !item.photo) return;
        const photo = item.photo;
        setPhotos((current) => [photo, ...current.filter((known) => known.id !== photo.id)]);
        setChosen((current) => [...current, photo]);
      });
    }
  }

  const uploading = useSyncExternalStore(uploads.subscribe, uploads.getSnapshot, uploads.getSnapshot).some((item) => item.state === "waiting" || item.state === "sending");
  return createPortal(
    <dialog
      ref={dialog}
      className="photo-picker"
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        event.preventDefault();
        onClose({ photos: [], files: [] });
      }}
    >
      <div className="photo-picker-head">
        <h2 id={`${id}-title`}>{request.title}</h2>
        <button type="button" onClick={() => onClose({ photos: [], files: [] })}>
          取消
        </button>
      </div>
      {request.upload && (
        <div className="photo-picker-upload">
          <input
            id={`${id}-upload`}
            className="file-input"
            type="file"
            accept={PHOTO_ACCEPT}
            multiple
            aria-describedby={`${id}-upload-hint`}
            onChange={(event) => {
              addFiles(Array.from(event.target.files ?? []));
              event.target.value = "";
            }}
          />
          <label htmlFor={`${id}-upload`} className="file-button">
            上传图片
          </label>
          <span className="hint" id={`${id}-upload-hint`}>
            {request.multiple ? "上传的图片存入图片库，并自动选中" : "上传的图片存入图片库，并插入到正文光标处"}
          </span>
          <UploadList uploads={uploads} label="上传进度" />
        </div>
      )}
      <form role="search" className="photo-picker-search" onSubmit={search}>
        <label htmlFor={`${id}-q`}>搜索图片</label>
        <input id={`${id}-q`} type="search" value={query} placeholder="图说、摄影、文件名…" onChange={(event) => setQuery(event.target.value)} />
        <button type="submit">搜索</button>
      </form>
      <p className="hint" role="status">
        {loading ? "正在读取图片库…" : failed ? "图片库读取失败，请稍后再试" : page ? (page.total === 0 ? "没有符合的图片" : `共 ${page.total} 张`) : ""}
      </p>
      <ul className="photo-picker-grid" aria-label="图片库">
        {photos.map((photo) => {
          const title = photoTitle(photo);
          const body = (
            <>
              <img src={previewSrc(photo)} alt="" loading="lazy" />
              <span className="picker-title">{title}</span>
              {photo.credit && <span className="picker-credit">{photo.credit}</span>}
            </>
          );
          return (
            <li key={photo.id}>
              {request.multiple ? (
                <label className="picker-item">
                  <input type="checkbox" checked={chosen.some((item) => item.id === photo.id)} onChange={() => toggle(photo)} />
                  {body}
                </label>
              ) : (
                <button type="button" className="picker-item" onClick={() => onClose({ photos: [photo], files: [] })}>
                  {body}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {page && page.page < page.pageCount && (
        <button type="button" disabled={loading} onClick={() => void load(query, page.page + 1)}>
          加载更多
        </button>
      )}
      {request.multiple && (
        <div className="photo-picker-foot">
          <span>
            已选 {chosen.length} 张{uploading ? "，还有图片正在上传" : ""}
          </span>
          <button type="button" className="primary" disabled={chosen.length === 0} onClick={() => onClose({ photos: chosen, files: [] })}>
            确定
          </button>
        </div>
      )}
    </dialog>,
    document.querySelector(".newsroom") ?? document.body,
  );
}
