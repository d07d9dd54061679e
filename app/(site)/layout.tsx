import { SiteHeader } from "../_components/SiteHeader";
import { getCachedSiteSettings } from "@/lib/settings/cached";

export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  const { siteName } = await getCachedSiteSettings();
  return (
    <>
      <SiteHeader />
      <main id="main" className="site-main">
        {children}
      </main>
      <footer className="site-footer">
        <div className="site-footer__inner">
          © {siteName} · <a href="/feed.xml">RSS 订阅</a>
        </div>
      </footer>
    </>
  );
}
