"use client";
import { signIn } from "next-auth/react";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { t } from "@/lib/messages/catalog";

/**
 * Only same-site paths are followed after signing in (no open redirects). The value is resolved the
 * way the browser will resolve it — URL parsing drops tabs and newlines, so "/\t/evil.example"
 * would otherwise become "//evil.example" — and kept only when it stays on this origin.
 */
function safeReturnPath(value: string | null): string {
  if (!value?.startsWith("/")) return "/editor";
  try {
    const url = new URL(value, window.location.origin);
    return url.origin === window.location.origin ? url.pathname + url.search + url.hash : "/editor";
  } catch {
    return "/editor";
  }
}

export function LoginForm() {
  const router = useRouter();
  const params = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { email: String(form.get("email")), password: String(form.get("password")), redirect: false });
    setPending(false);
    if (result?.ok && !result.error) {
      router.replace(safeReturnPath(params.get("callbackUrl")));
      router.refresh();
      return;
    }
    setError(result?.error && result.error !== "CredentialsSignin" ? result.error : t("signIn.wrongCredentials"));
  }

  return (
    <form className="login-form" onSubmit={onSubmit} noValidate>
      <label htmlFor="email">邮箱</label>
      <input id="email" name="email" type="email" autoComplete="username" required />
      <label htmlFor="password">密码</label>
      <input id="password" name="password" type="password" autoComplete="current-password" required />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={pending}>
        {pending ? "正在登录…" : "登录"}
      </button>
    </form>
  );
}
