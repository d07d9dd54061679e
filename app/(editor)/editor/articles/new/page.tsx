import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { listChannels } from "@/lib/channels/public";
import { getSiteSettings } from "@/lib/settings/site";
import { ArticleForm } from "../ArticleForm";
import { workflowButtons } from "../form-options";

export const metadata: Metadata = { title: "新建文章" };

export default async function NewArticlePage() {
  const viewer = await requireViewer("/editor/articles/new");
  const [channels, { defaultSource }] = await Promise.all([listChannels(), getSiteSettings()]);
  const input = { title: "", subtitle: "", summary: "", bodyHtml: "", channelId: null, source: defaultSource, publishedAt: "", bylines: [], picks: [], lead: null };
  return <ArticleForm article={null} initialInput={input} channels={channels} buttons={workflowButtons(viewer, null)} />;
}
