"use client";
import { useState, useTransition } from "react";
import { createChannelAction, updateChannelAction } from "./actions";
import { describedBy, FieldError, FormMessage, type Message, SubmitRow } from "../_components/FormParts";

type Fields = { name: string; slug: string; tagline: string };
const EMPTY: Fields = { name: "", slug: "", tagline: "" };

/** New channel (no `channel`) or edit one; a failed save keeps what was typed. */
export function ChannelForm({ channel }: { channel?: Fields & { id: number } }) {
  const [fields, setFields] = useState<Fields>(channel ? { name: channel.name, slug: channel.slug, tagline: channel.tagline } : EMPTY);
  const [message, setMessage] = useState<Message | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();
  const prefix = channel ? `channel-${channel.id}` : "new-channel";

  function submit(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = channel ? await updateChannelAction({ ...fields, channelId: channel.id }) : await createChannelAction(fields);
      setMessage({ ok: result.ok, text: result.message });
      setErrors(result.ok ? {} : (result.fieldErrors ?? {}));
      if (result.ok && !channel) setFields(EMPTY);
    });
  }

  const attrs = (name: keyof Fields) => ({
    id: `${prefix}-${name}`,
    value: fields[name],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => setFields((current) => ({ ...current, [name]: event.target.value })),
    ...describedBy(`${prefix}-${name}-error`, errors[name]),
  });
  const field = (name: keyof Fields, label: string, control: React.ReactNode, hint?: string) => (
    <div className="field">
      <label htmlFor={`${prefix}-${name}`}>{label}</label>
      {control}
      {hint && <span className="hint">{hint}</span>}
      <FieldError id={`${prefix}-${name}-error`} text={errors[name]} />
    </div>
  );
  const slugHint = channel ? "小写英文字母、数字和连字符。修改后，旧地址会自动跳转到新地址。" : "小写英文字母、数字和连字符；留空则按名称生成（平阴新闻 → pingyin）。";

  return (
    <form className="admin-form" aria-labelledby={`${prefix}-heading`} onSubmit={submit} noValidate>
      <h2 id={`${prefix}-heading`}>{channel ? "编辑栏目" : "新建栏目"}</h2>
      <FormMessage message={message} />
      <div className="field-row">
        {field("name", "栏目名称", <input {...attrs("name")} maxLength={30} required />)}
        {field("slug", "栏目地址", <input {...attrs("slug")} maxLength={60} pattern="[a-z0-9-]*" autoCapitalize="off" spellCheck={false} />, slugHint)}
      </div>
      {field("tagline", "标语", <input {...attrs("tagline")} maxLength={200} />)}
      <SubmitRow label={channel ? "保存" : "新建栏目"} pending={pending} />
    </form>
  );
}
