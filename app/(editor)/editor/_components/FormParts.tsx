// Small pieces the newsroom's admin forms share: the status line, a field's error and the submit row.

export type Message = { ok: boolean; text: string };

export function FormMessage({ message }: { message: Message | null }) {
  return (
    <div aria-live="polite">
      {message && (
        <p className={message.ok ? "form-message ok" : "form-message error"} role={message.ok ? "status" : "alert"}>
          {message.text}
        </p>
      )}
    </div>
  );
}

export function FieldError({ id, text }: { id: string; text: string | undefined }) {
  return text ? (
    <p className="field-error" id={id}>
      {text}
    </p>
  ) : null;
}

/** aria attributes tying a field to its error, when it has one. */
export function describedBy(id: string, text: string | undefined) {
  return text ? { "aria-invalid": true as const, "aria-describedby": id } : {};
}

/** The submit button, off while the save runs (and while `disabled`), with a status word beside it meanwhile. */
export function SubmitRow({ label, pending, disabled = false, pendingText = "正在保存…" }: { label: string; pending: boolean; disabled?: boolean; pendingText?: string }) {
  return (
    <div className="form-actions">
      <button type="submit" className="primary" disabled={pending || disabled}>
        {label}
      </button>
      {pending && (
        <span className="meta" role="status">
          {pendingText}
        </span>
      )}
    </div>
  );
}
