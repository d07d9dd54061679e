import Link from "next/link";
import { getCachedSiteSettings } from "@/lib/settings/cached";
import { listCachedChannels } from "@/lib/site/cached";

export async function SiteHeader() {
  const [channels, { siteName }] = await Promise.all([listCachedChannels(), getCachedSiteSettings()]);
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        跳到正文
      </a>
      <div className="site-header__inner">
        <Link href="/" className="site-name">
          {siteName}
        </Link>
        <nav className="site-nav" aria-label="栏目">
          <ul>
            <li>
              <Link href="/">首页</Link>
            </li>
            {channels.map((channel) => (
              <li key={channel.id}>
                <Link href={`/channels/${channel.slug}`}>{channel.name}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <form className="site-search" role="search" action="/search">
          <input name="q" type="search" aria-label="搜索文章" placeholder="搜索" maxLength={100} />
          <button type="submit">搜索</button>
        </form>
      </div>
    </header>
  );
}
