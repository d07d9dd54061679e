import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { hasPermission } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/viewer";
import { roleLabel } from "@/lib/messages/catalog";
import { SessionKeepAlive } from "./_components/SessionKeepAlive";
import { SignOutButton } from "./_components/SignOutButton";
import "./editor.css";

export const metadata: Metadata = { title: { default: "编辑部", template: "%s - 编辑部" }, robots: { index: false } };

export default function EditorLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="newsroom">
      <Suspense fallback={<header className="newsroom-header" />}>
        <NewsroomHeader />
      </Suspense>
      <main id="main" className="newsroom-main">
        <Suspense fallback={<p aria-busy="true">正在加载…</p>}>{children}</Suspense>
      </main>
    </div>
  );
}

/** Navigation by role. Only a convenience: each page and action checks permissions itself. */
async function NewsroomHeader() {
  const viewer = await getViewer();
  return (
    <header className="newsroom-header">
      <Link href="/editor" className="newsroom-brand">
        编辑部
      </Link>
      {viewer && (
        <>
          <nav aria-label="编辑部">
            <Link href="/editor">文章</Link>
            <Link href="/editor/articles/new">新建文章</Link>
            {hasPermission(viewer.role, "photo.upload") && <Link href="/editor/media">图片库</Link>}
            {hasPermission(viewer.role, "authors.manage") && <Link href="/editor/authors">作者</Link>}
            {hasPermission(viewer.role, "channels.manage") && <Link href="/editor/channels">栏目</Link>}
            {hasPermission(viewer.role, "users.manage") && <Link href="/editor/users">用户</Link>}
            {hasPermission(viewer.role, "audit.read") && <Link href="/editor/audit">审计日志</Link>}
            {hasPermission(viewer.role, "users.manage") && <Link href="/editor/settings">设置</Link>}
            <Link href="/" target="_blank">
              查看网站
            </Link>
          </nav>
          <span className="newsroom-user">
            {viewer.displayName}（{roleLabel(viewer.role)}）
            <SignOutButton />
          </span>
          <SessionKeepAlive />
        </>
      )}
    </header>
  );
}
