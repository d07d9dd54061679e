import { SiteHeader } from "../_components/SiteHeader";
import { siteName } from "@/lib/env";

export default function SiteLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="main" className="site-main">{children}</main>
      <footer className="site-footer">
        <div className="site-footer__inner">
          © {siteName()} · <a href="/feed.xml">RSS 订阅</a>
        </div>
      </footer>
    </>
  );
}
