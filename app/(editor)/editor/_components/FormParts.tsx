// Small pieces the newsroom's admin forms share: the status line and a field's error.

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
