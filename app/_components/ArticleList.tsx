import Link from "next/link";
import type { ArticleListItem } from "@/lib/articles/public";
import { formatShanghai, toShanghaiIso } from "@/lib/text/time";
import { bylineText } from "./Byline";
import { Thumbnail } from "./Thumbnail";

export function ArticleList({ articles, showChannel = true }: { articles: ArticleListItem[]; showChannel?: boolean }) {
  if (articles.length === 0) return <p className="notice">暂无文章。</p>;
  return (
    <ul className="article-list">
      {articles.map((article) => (
        <li key={article.id} className={article.thumbnail ? "has-thumb" : undefined}>
          <h2>
            <Link href={`/articles/${article.id}`}>{article.title}</Link>
          </h2>
          {article.thumbnail && <Thumbnail figure={article.thumbnail} />}
          {article.summary && <p>{article.summary}</p>}
          <p className="meta">
            {showChannel && article.channel && <Link href={`/channels/${article.channel.slug}`}>{article.channel.name}</Link>}
            <time dateTime={toShanghaiIso(article.publishedAt)}>{formatShanghai(article.publishedAt)}</time>
            {article.bylines.length > 0 && <span>{bylineText(article.bylines)}</span>}
          </p>
        </li>
      ))}
    </ul>
  );
}
