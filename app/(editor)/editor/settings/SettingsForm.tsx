"use client";
import { useState, useTransition } from "react";
import type { SiteSettings } from "@/lib/settings/schema";
import { updateSettingsAction } from "./actions";
import { describedBy, FieldError, FormMessage, type Message, SubmitRow } from "../_components/FormParts";

type Key = keyof SiteSettings;
const FIELDS: { key: Key; label: string; max: number; type?: string }[] = [
  { key: "siteName", label: "网站名称", max: 40 },
  { key: "defaultSource", label: "默认来源", max: 50 },
  { key: "siteUrl", label: "网站地址", max: 200, type: "url" },
];
const HINTS: Record<Key, string> = {
  siteName: "显示在网站页头、页脚、标题、RSS 和结构化数据中。",
  defaultSource: "新建文章时预填的“来源”。",
  siteUrl: "用于规范链接、RSS 和站点地图，如 https://www.example.com（不含路径）。",
};

/** Empty fields fall back to the defaults from the server's environment, shown as placeholders. */
export function SettingsForm({ stored, defaults }: { stored: SiteSettings; defaults: SiteSettings }) {
  const [fields, setFields] = useState(stored);
  const [message, setMessage] = useState<Message | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await updateSettingsAction(fields);
      setMessage({ ok: result.ok, text: result.message });
      setErrors(result.ok ? {} : (result.fieldErrors ?? {}));
    });
  }

  return (
    <form className="admin-form" aria-labelledby="settings-form-heading" onSubmit={submit} noValidate>
      <h2 id="settings-form-heading">站点设置</h2>
      <FormMessage message={message} />
      {FIELDS.map(({ key, label, max, type }) => (
        <div className="field" key={key}>
          <label htmlFor={`settings-${key}`}>{label}</label>
          <input
            id={`settings-${key}`}
            type={type ?? "text"}
            maxLength={max}
            value={fields[key]}
            placeholder={defaults[key]}
            onChange={(event) => setFields((current) => ({ ...current, [key]: event.target.value }))}
            {...describedBy(`settings-${key}-error`, errors[key])}
          />
          <span className="hint">
            {HINTS[key]}留空则使用默认值：{defaults[key]}
          </span>
          <FieldError id={`settings-${key}-error`} text={errors[key]} />
        </div>
      ))}
      <SubmitRow label="保存设置" pending={pending} />
    </form>
  );
}
