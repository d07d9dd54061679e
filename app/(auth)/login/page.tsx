import type { Metadata } from "next";
import { Suspense } from "react";
import { getCachedSiteSettings } from "@/lib/settings/cached";
import { LoginForm } from "./LoginForm";

export const metadata: Metadata = { title: "登录", robots: { index: false } };

export default async function LoginPage() {
  const { siteName } = await getCachedSiteSettings();
  return (
    <main id="main" className="login">
      <h1>{siteName} · 编辑部登录</h1>
      <Suspense>
        <LoginForm />
      </Suspense>
    </main>
  );
}
