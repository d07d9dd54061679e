"use client";
import { useState, useTransition } from "react";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { roleLabel } from "@/lib/messages/catalog";
import { createUserAction } from "./actions";
import { describedBy, FieldError, FormMessage, type Message, SubmitRow } from "../_components/FormParts";

type Author = { id: number; name: string };
type Fields = { email: string; displayName: string; role: Role; password: string; authorId: string };

const EMPTY: Fields = { email: "", displayName: "", role: "reporter", password: "", authorId: "" };

export function CreateUserForm({ authors }: { authors: Author[] }) {
  const [fields, setFields] = useState(EMPTY);
  const [message, setMessage] = useState<Message | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();
  const set = <K extends keyof Fields>(key: K, value: Fields[K]) => setFields((current) => ({ ...current, [key]: value }));
  const duplicateNames = new Set(authors.filter((author, index) => authors.findIndex((other) => other.name === author.name) !== index).map((author) => author.name));

  function submit(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await createUserAction({ ...fields, authorId: fields.authorId ? Number(fields.authorId) : null });
      setMessage({ ok: result.ok, text: result.message });
      setErrors(result.ok ? {} : (result.fieldErrors ?? {}));
      if (result.ok) setFields(EMPTY);
    });
  }

  const field = (name: keyof Fields, label: string, control: React.ReactNode) => (
    <div className="field">
      <label htmlFor={`new-user-${name}`}>{label}</label>
      {control}
      <FieldError id={`new-user-${name}-error`} text={errors[name]} />
    </div>
  );
  const attrs = (name: keyof Fields) => ({ id: `new-user-${name}`, ...describedBy(`new-user-${name}-error`, errors[name]) });

  return (
    <form className="create-user" aria-labelledby="create-user-heading" onSubmit={submit} noValidate>
      <h2 id="create-user-heading">新建用户</h2>
      <FormMessage message={message} />
      <div className="field-row">
        {field("email", "邮箱", <input {...attrs("email")} type="email" autoComplete="off" value={fields.email} onChange={(event) => set("email", event.target.value)} required />)}
        {field(
          "displayName",
          "姓名",
          <input {...attrs("displayName")} maxLength={40} value={fields.displayName} onChange={(event) => set("displayName", event.target.value)} required />,
        )}
        {field(
          "role",
          "角色",
          <select {...attrs("role")} value={fields.role} onChange={(event) => set("role", event.target.value as Role)}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {roleLabel(role)}
              </option>
            ))}
          </select>,
        )}
      </div>
      <div className="field-row">
        {field(
          "password",
          "初始密码",
          <input {...attrs("password")} type="password" autoComplete="new-password" value={fields.password} onChange={(event) => set("password", event.target.value)} required />,
        )}
        {field(
          "authorId",
          "关联作者",
          <select {...attrs("authorId")} value={fields.authorId} onChange={(event) => set("authorId", event.target.value)}>
            <option value="">（不关联）</option>
            {authors.map((author) => (
              <option key={author.id} value={author.id}>
                {duplicateNames.has(author.name) ? `${author.name}（#${author.id}）` : author.name}
              </option>
            ))}
          </select>,
        )}
      </div>
      <p className="hint">密码 8 到 256 个字符。用户可凭邮箱和初始密码登录。</p>
      <SubmitRow label="创建用户" pending={pending} pendingText="正在创建…" />
    </form>
  );
}
