import type { Metadata, Viewport } from "next";
import { getCachedSiteSettings } from "@/lib/settings/cached";
import { LARGE_TYPE_BOOT_SCRIPT } from "./_components/large-type";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const { siteName, siteUrl } = await getCachedSiteSettings();
  return {
    metadataBase: new URL(siteUrl),
    title: { default: siteName, template: `%s - ${siteName}` },
    alternates: { types: { "application/rss+xml": "/feed.xml" } },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN" suppressHydrationWarning>
      <head>
        {/* Applies the reader's 大字 choice before first paint, so large type never flashes small. */}
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant script of ours, no user data */}
        <script dangerouslySetInnerHTML={{ __html: LARGE_TYPE_BOOT_SCRIPT }} />
      </head>
      <body>{children}</body>
    </html>
  );
}
