import Link from "next/link";
import { listCachedChannels, listCachedLatest } from "@/lib/site/cached";
import { ArticleList } from "../_components/ArticleList";

export default async function FrontPage() {
  const [articles, channels] = await Promise.all([listCachedLatest(20), listCachedChannels()]);
  return (
    <div className="layout-two">
      <section aria-labelledby="latest-heading">
        <h1 id="latest-heading" className="page-title">
          最新文章
        </h1>
        <ArticleList articles={articles} />
      </section>
      <aside className="panel" aria-labelledby="channels-heading">
        <h2 id="channels-heading">栏目</h2>
        <ul>
          {channels.map((channel) => (
            <li key={channel.id}>
              <Link href={`/channels/${channel.slug}`}>{channel.name}</Link>
            </li>
          ))}
        </ul>
      </aside>
    </div>
  );
}
