"use client";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { FormMessage, type Message } from "../_components/FormParts";
import { useHydrated } from "../_components/use-hydrated";
import { deletePhotoAction } from "./actions";

/** 删除, then a confirmation (role alertdialog: 确认删除 / 取消); afterwards back to the library. */
export function DeletePhotoButton({ photo }: { photo: { id: number; caption: string } }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const dialog = useRef<HTMLDialogElement>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [pending, startTransition] = useTransition();

  function remove() {
    startTransition(async () => {
      const result = await deletePhotoAction(photo.id);
      if (result.ok) {
        router.push(`/editor/media?deleted=${photo.id}`);
        return;
      }
      dialog.current?.close();
      setMessage({ ok: false, text: result.message });
    });
  }

  return (
    <section className="admin-form" aria-labelledby="delete-photo-heading">
      <h2 id="delete-photo-heading">删除图片</h2>
      <p className="hint">没有文章使用的图片可以删除。删除后，这张图片的所有文件都会移除，无法恢复。</p>
      <FormMessage message={message} />
      <div className="form-actions">
        <button
          type="button"
          className="danger"
          disabled={!hydrated}
          onClick={() => {
            setMessage(null);
            dialog.current?.showModal();
          }}
        >
          删除
        </button>
      </div>
      <dialog ref={dialog} className="confirm-dialog" role="alertdialog" aria-labelledby="delete-photo-title" aria-describedby="delete-photo-text">
        <h2 id="delete-photo-title">确定删除这张图片？</h2>
        <p id="delete-photo-text">
          图片 #{photo.id}
          {photo.caption ? `「${photo.caption.length > 40 ? `${photo.caption.slice(0, 40)}…` : photo.caption}」` : " "}
          将被永久删除，无法恢复。
        </p>
        <div className="dialog-actions">
          <button type="button" className="danger" disabled={pending} onClick={remove}>
            确认删除
          </button>
          {/* biome-ignore lint/a11y/noAutofocus: a confirmation of deletion starts on 取消, so Enter never deletes by accident */}
          <button type="button" disabled={pending} onClick={() => dialog.current?.close()} autoFocus>
            取消
          </button>
        </div>
      </dialog>
    </section>
  );
}
