import Link from "next/link";
import type { PublicArticle } from "@/lib/articles/public";
import { formatShanghai, toShanghaiIso } from "@/lib/text/time";
import { ArticleBody } from "./ArticleBody";
import { Byline } from "./Byline";
import { PhotoFigure } from "./Figure";
import { LargeTypeToggle } from "./LargeTypeToggle";

export function ArticleView({ article }: { article: PublicArticle }) {
  return (
    <article className="article" aria-labelledby="article-title">
      <h1 id="article-title">{article.title}</h1>
      {article.subtitle && <p className="subtitle">{article.subtitle}</p>}
      <div className="article-meta">
        {article.source && <span className="source">{article.source}</span>}
        <time dateTime={toShanghaiIso(article.publishedAt)}>{formatShanghai(article.publishedAt)}</time>
        {article.channel && <Link href={`/channels/${article.channel.slug}`}>{article.channel.name}</Link>}
        <LargeTypeToggle />
      </div>
      {article.lead && <PhotoFigure figure={article.lead} loading="lead" className="lead" />}
      <ArticleBody parts={article.body} />
      <Byline bylines={article.bylines} />

      {article.picks.length > 0 && (
        <section className="picks" aria-labelledby="picks-heading">
          <h2 id="picks-heading">新闻推荐</h2>
          <ul>
            {article.picks.map((pick, index) => (
              <li key={index}>
                {pick.url ? <a href={pick.url}>{pick.title}</a> : <strong>{pick.title}</strong>}
                {pick.excerpt && <p>{pick.excerpt}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}

      {article.channel && (
        <aside className="channel-box" aria-label="栏目介绍">
          <Link href={`/channels/${article.channel.slug}`}>{article.channel.name}</Link>
          {article.channel.tagline && <p>{article.channel.tagline}</p>}
        </aside>
      )}

      {article.related.length > 0 && (
        <section className="related" aria-labelledby="related-heading">
          <h2 id="related-heading">相关推荐</h2>
          <ul>
            {article.related.map((item) => (
              <li key={item.id}>
                <Link href={`/articles/${item.id}`}>{item.title}</Link> <span className="meta">{formatShanghai(item.publishedAt)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {(article.previous || article.next) && (
        <nav className="pager" aria-label="上一篇和下一篇">
          {article.previous ? (
            <Link href={`/articles/${article.previous.id}`} rel="prev">
              上一篇:{article.previous.title}
            </Link>
          ) : (
            <span />
          )}
          {article.next && (
            <Link href={`/articles/${article.next.id}`} rel="next">
              下一篇:{article.next.title}
            </Link>
          )}
        </nav>
      )}
    </article>
  );
}
