"use client";
import { useState, useTransition } from "react";
import { mergeAuthorsAction } from "./actions";
import { describedBy, FieldError, FormMessage, type Message } from "../_components/FormParts";

type Candidate = { id: number; name: string; articleCount: number; sameName: boolean };

/** Folds another author record into this one, after a second click that says what will happen. */
export function MergeAuthorForm({ author, candidates }: { author: { id: number; name: string }; candidates: Candidate[] }) {
  const [removeId, setRemoveId] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();
  const chosen = candidates.find((candidate) => String(candidate.id) === removeId);

  function merge() {
    startTransition(async () => {
      const result = await mergeAuthorsAction({ keepId: author.id, removeId: Number(removeId) });
      setMessage({ ok: result.ok, text: result.message });
      setError(result.ok ? undefined : (result.fieldErrors?.removeId ?? result.fieldErrors?.keepId));
      setConfirming(false);
      if (result.ok) setRemoveId("");
    });
  }

  return (
    <form
      className="admin-form"
      aria-labelledby="merge-heading"
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen) setConfirming(true);
      }}
      noValidate
    >
      <h2 id="merge-heading">合并重复作者</h2>
      <p className="hint">把另一条作者记录并入「{author.name}」：其署名文章和关联用户都转到本作者，同时署名两者的文章只保留一个署名，然后删除那条记录。</p>
      <FormMessage message={message} />
      <div className="field">
        <label htmlFor="merge-remove">并入本作者的作者</label>
        <select
          id="merge-remove"
          value={removeId}
          onChange={(event) => {
            setRemoveId(event.target.value);
            setConfirming(false);
          }}
          {...describedBy("merge-remove-error", error)}
        >
          <option value="">（请选择）</option>
          {candidates.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}（#{candidate.id}，{candidate.articleCount} 篇）{candidate.sameName ? " · 同名" : ""}
            </option>
          ))}
        </select>
        <FieldError id="merge-remove-error" text={error} />
      </div>
      {confirming && chosen ? (
        <div className="confirm" role="group" aria-label="确认合并">
          <p>
            将把「{chosen.name}」(#{chosen.id}) 的 {chosen.articleCount} 个署名并入「{author.name}」(#{author.id})，并删除 #{chosen.id}。此操作不能撤销。
          </p>
          <button type="button" className="danger" disabled={pending} onClick={merge}>
            确认合并
          </button>
          <button type="button" disabled={pending} onClick={() => setConfirming(false)}>
            取消
          </button>
        </div>
      ) : (
        <div className="form-actions">
          <button type="submit" disabled={pending || !chosen}>
            合并
          </button>
        </div>
      )}
      {pending && (
        <span className="meta" role="status">
          正在合并…
        </span>
      )}
    </form>
  );
}
