"use client";
import { useState, useTransition } from "react";
import { ROLES } from "@/lib/auth/permissions";
import type { FormResult } from "@/lib/form-state";
import { roleLabel } from "@/lib/messages/catalog";
import { changeRoleAction, resetPasswordAction, setDisabledAction } from "./actions";
import { describedBy, FieldError, FormMessage, type Message } from "../_components/FormParts";

type Props = { user: { id: number; email: string; role: string; disabled: boolean }; isSelf: boolean };

/** One row's controls: change role, reset password, disable or re-enable. */
export function UserControls({ user, isSelf }: Props) {
  const [role, setRole] = useState(user.role);
  const [password, setPassword] = useState("");
  const [message, setMessage] = useState<Message | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();
  const id = (name: string) => `user-${user.id}-${name}`;

  function run(action: () => Promise<FormResult>, onSuccess?: () => void) {
    startTransition(async () => {
      const result = await action();
      setMessage({ ok: result.ok, text: result.message });
      setErrors(result.ok ? {} : (result.fieldErrors ?? {}));
      if (result.ok) onSuccess?.();
    });
  }

  const submitRole = (event: React.FormEvent) => {
    event.preventDefault();
    run(() => changeRoleAction({ userId: user.id, role }));
  };
  const submitPassword = (event: React.FormEvent) => {
    event.preventDefault();
    run(
      () => resetPasswordAction({ userId: user.id, password }),
      () => setPassword(""),
    );
  };
  const toggleDisabled = () => run(() => setDisabledAction({ userId: user.id, disabled: !user.disabled }));

  return (
    <div className="user-controls">
      {isSelf ? (
        <p className="meta">当前登录账号：不能修改自己的角色或停用自己</p>
      ) : (
        <form className="inline-form" onSubmit={submitRole} noValidate>
          <label htmlFor={id("role")}>新角色</label>
          <select id={id("role")} value={role} onChange={(event) => setRole(event.target.value)} {...describedBy(id("role-error"), errors.role)}>
            {ROLES.map((value) => (
              <option key={value} value={value}>
                {roleLabel(value)}
              </option>
            ))}
          </select>
          <button type="submit" disabled={pending}>
            修改角色
          </button>
          <FieldError id={id("role-error")} text={errors.role} />
        </form>
      )}
      <form className="inline-form" onSubmit={submitPassword} noValidate>
        <label htmlFor={id("password")}>新密码</label>
        <input
          id={id("password")}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          {...describedBy(id("password-error"), errors.password)}
        />
        <button type="submit" disabled={pending}>
          重置密码
        </button>
        <FieldError id={id("password-error")} text={errors.password} />
      </form>
      {!isSelf && (
        <div className="inline-form">
          <button type="button" className={user.disabled ? undefined : "danger"} disabled={pending} onClick={toggleDisabled}>
            {user.disabled ? "启用" : "停用"}
          </button>
          <FieldError id={id("disabled-error")} text={errors.disabled} />
        </div>
      )}
      <FormMessage message={message} />
    </div>
  );
}
