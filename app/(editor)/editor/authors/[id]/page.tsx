import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { Viewer } from "@/lib/auth/viewer";
import { getAuthorDetail, listMergeCandidates } from "@/lib/authors/manage";
import { NotFoundError } from "@/lib/errors";
import { parseIdParam } from "../../../../_components/params";
import { PermissionGate } from "../../_components/PermissionGate";
import { AuthorForm } from "../AuthorForm";
import { MergeAuthorForm } from "../MergeAuthorForm";

export const metadata: Metadata = { title: "编辑作者" };

type Props = { params: Promise<{ id: string }> };

export default async function AuthorPage({ params }: Props) {
  const { id: rawId } = await params;
  return (
    <PermissionGate action="authors.manage" returnTo={`/editor/authors/${rawId}`}>
      {(viewer) => <Author viewer={viewer} rawId={rawId} />}
    </PermissionGate>
  );
}

async function Author({ viewer, rawId }: { viewer: Viewer; rawId: string }) {
  const id = parseIdParam(rawId);
  if (!id) notFound();
  const loaded = await Promise.all([getAuthorDetail(viewer, id), listMergeCandidates(viewer, id)]).catch((error: unknown) => {
    if (error instanceof NotFoundError) return null;
    throw error;
  });
  if (!loaded) notFound();
  const [author, candidates] = loaded;

  return (
    <section aria-labelledby="author-heading">
      <Link className="back-link" href="/editor/authors">
        ← 全部作者
      </Link>
      <div className="toolbar">
        <h1 id="author-heading">{author.name}</h1>
        <span className="meta">
          #{author.id} · 署名文章 {author.articleCount} 篇（已发布 {author.publishedCount} 篇）
        </span>
        <Link href={`/authors/${author.id}`} target="_blank">
          查看公开页面
        </Link>
      </div>
      <AuthorForm key={author.id} author={author} />
      <section className="admin-form" aria-labelledby="author-users-heading">
        <h2 id="author-users-heading">关联用户</h2>
        {author.users.length === 0 ? (
          <p className="hint">没有用户关联到这位作者。可在“用户”页面设置。</p>
        ) : (
          <ul>
            {author.users.map((user) => (
              <li key={user.id}>
                {user.displayName}（{user.email}）
              </li>
            ))}
          </ul>
        )}
      </section>
      {candidates.length > 0 && <MergeAuthorForm author={{ id: author.id, name: author.name }} candidates={candidates} />}
    </section>
  );
}
