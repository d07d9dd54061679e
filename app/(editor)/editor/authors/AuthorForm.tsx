"use client";
import { useState, useTransition } from "react";
import { createAuthorAction, updateAuthorAction } from "./actions";
import { BYLINE_ROLE_SUGGESTIONS, DEFAULT_BYLINE_ROLE } from "../_components/byline-roles";
import { describedBy, FieldError, FormMessage, type Message, SubmitRow } from "../_components/FormParts";

type Fields = { name: string; defaultRoleLabel: string; bio: string };
const EMPTY: Fields = { name: "", defaultRoleLabel: DEFAULT_BYLINE_ROLE, bio: "" };

/** New author (no `author`) or edit one; a failed save keeps what was typed. */
export function AuthorForm({ author }: { author?: Fields & { id: number } }) {
  const [fields, setFields] = useState<Fields>(author ? { name: author.name, defaultRoleLabel: author.defaultRoleLabel, bio: author.bio } : EMPTY);
  const [message, setMessage] = useState<Message | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();
  const prefix = author ? `author-${author.id}` : "new-author";
  const heading = author ? "编辑作者" : "新建作者";

  function submit(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = author ? await updateAuthorAction({ ...fields, authorId: author.id }) : await createAuthorAction(fields);
      setMessage({ ok: result.ok, text: result.message });
      setErrors(result.ok ? {} : (result.fieldErrors ?? {}));
      if (result.ok && !author) setFields(EMPTY);
    });
  }

  const attrs = (name: keyof Fields) => ({
    id: `${prefix}-${name}`,
    value: fields[name],
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setFields((current) => ({ ...current, [name]: event.target.value })),
    ...describedBy(`${prefix}-${name}-error`, errors[name]),
  });
  const field = (name: keyof Fields, label: string, control: React.ReactNode) => (
    <div className="field">
      <label htmlFor={`${prefix}-${name}`}>{label}</label>
      {control}
      <FieldError id={`${prefix}-${name}-error`} text={errors[name]} />
    </div>
  );

  return (
    <form className="admin-form" aria-labelledby={`${prefix}-heading`} onSubmit={submit} noValidate>
      <h2 id={`${prefix}-heading`}>{heading}</h2>
      <FormMessage message={message} />
      <div className="field-row">
        {field("name", "姓名", <input {...attrs("name")} maxLength={40} required />)}
        {field("defaultRoleLabel", "默认署名身份", <input {...attrs("defaultRoleLabel")} maxLength={20} list="author-role-labels" required />)}
      </div>
      <datalist id="author-role-labels">
        {BYLINE_ROLE_SUGGESTIONS.map((label) => (
          <option key={label} value={label} />
        ))}
      </datalist>
      {field("bio", "简介", <textarea {...attrs("bio")} rows={3} maxLength={500} />)}
      <SubmitRow label={author ? "保存" : "新建作者"} pending={pending} />
    </form>
  );
}
