import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { listAuthorIds } from "@/lib/authors/public";
import { getCachedAuthor, listCachedAuthorArticles } from "@/lib/site/cached";
import { ListFallback, PagedArticles } from "../../../_components/PagedArticles";
import { parseIdParam } from "../../../_components/params";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateStaticParams() {
  const authors = await listAuthorIds(50);
  return authors.length > 0 ? authors.map((author) => ({ id: String(author.id) })) : [{ id: "0" }];
}

async function loadAuthor(params: Props["params"]) {
  const id = parseIdParam((await params).id);
  return id ? getCachedAuthor(id) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const author = await loadAuthor(params);
  if (!author) return { title: "页面不存在" };
  return { title: author.name, description: author.bio || `${author.name}的文章`, alternates: { canonical: `/authors/${author.id}` } };
}

export default async function AuthorPage({ params, searchParams }: Props) {
  const author = await loadAuthor(params);
  if (!author) notFound();
  return (
    <section aria-labelledby="author-heading">
      <h1 id="author-heading" className="page-title">
        {author.name}
      </h1>
      <p className="tagline">{[author.defaultRoleLabel, author.bio].filter(Boolean).join(" · ")}</p>
      <Suspense fallback={<ListFallback />}>
        <PagedArticles searchParams={searchParams} basePath={`/authors/${author.id}`} load={(page) => listCachedAuthorArticles(author.id, page)} />
      </Suspense>
    </section>
  );
}
