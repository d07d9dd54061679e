"use client";
import { useState, useTransition } from "react";
import { updateMediaSettingsAction } from "./actions";
import { describedBy, FieldError, FormMessage, type Message, SubmitRow } from "../_components/FormParts";
import { useHydrated } from "../_components/use-hydrated";

/** The photo upload size limit; empty falls back to the server's default (MEDIA_MAX_UPLOAD_MB, else 30). */
export function MediaSettingsForm({ stored, defaultValue }: { stored: number | null; defaultValue: number }) {
  const hydrated = useHydrated();
  const [value, setValue] = useState(stored === null ? "" : String(stored));
  const [message, setMessage] = useState<Message | null>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await updateMediaSettingsAction({ maxUploadMegabytes: value });
      setMessage({ ok: result.ok, text: result.message });
      setError(result.ok ? undefined : result.fieldErrors?.maxUploadMegabytes);
    });
  }

  return (
    <form className="admin-form" aria-labelledby="media-settings-heading" onSubmit={submit} noValidate>
      <h2 id="media-settings-heading">图片设置</h2>
      <FormMessage message={message} />
      <div className="field">
        <label htmlFor="settings-maxUploadMegabytes">图片上传大小上限（MB）</label>
        <input
          id="settings-maxUploadMegabytes"
          type="number"
          inputMode="numeric"
          min={1}
          max={200}
          step={1}
          value={value}
          disabled={!hydrated}
          placeholder={String(defaultValue)}
          onChange={(event) => setValue(event.target.value)}
          className="narrow-input"
          {...describedBy("settings-maxUploadMegabytes-error", error)}
        />
        <span className="hint">每张图片文件的最大大小，1 到 200 之间的整数。留空则使用默认值：{defaultValue} MB</span>
        <FieldError id="settings-maxUploadMegabytes-error" text={error} />
      </div>
      <SubmitRow label="保存上限" pending={pending} disabled={!hydrated} />
    </form>
  );
}
