"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteChannelAction } from "./actions";
import { FormMessage, type Message } from "../_components/FormParts";

/** Deletes an empty channel after a second click; a channel with articles gets the reason instead. */
export function DeleteChannelButton({ channel }: { channel: { id: number; name: string; articleCount: number } }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const [pending, startTransition] = useTransition();

  function remove() {
    startTransition(async () => {
      const result = await deleteChannelAction({ channelId: channel.id });
      setMessage({ ok: result.ok, text: result.message });
      setConfirming(false);
      if (result.ok) router.push("/editor/channels");
    });
  }

  return (
    <section className="admin-form" aria-labelledby="delete-channel-heading">
      <h2 id="delete-channel-heading">删除栏目</h2>
      <p className="hint">只能删除没有任何文章（含草稿和已归档）的栏目。{channel.articleCount > 0 && `本栏目现有 ${channel.articleCount} 篇文章。`}</p>
      <FormMessage message={message} />
      {confirming ? (
        <div className="confirm" role="group" aria-label="确认删除">
          <p>确定删除栏目「{channel.name}」？它的地址（包括旧地址）将不再可用。</p>
          <button type="button" className="danger" disabled={pending} onClick={remove}>
            确认删除
          </button>
          <button type="button" disabled={pending} onClick={() => setConfirming(false)}>
            取消
          </button>
        </div>
      ) : (
        <div className="form-actions">
          <button type="button" className="danger" disabled={pending} onClick={() => setConfirming(true)}>
            删除栏目
          </button>
        </div>
      )}
    </section>
  );
}
