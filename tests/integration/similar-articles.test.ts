// 相关推荐 on a real SQLite file: computed from shared significant terms when an article is written,
// never the article itself or its picks, refreshed for the articles a write affects, and shown to
// readers only when public.
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createArticle, saveArticle } from "@/lib/articles/save";
import { getArticleForEdit } from "@/lib/articles/editor";
import { getPublicArticle } from "@/lib/articles/public";
import type { Viewer } from "@/lib/auth/viewer";
import { rebuildSearch, searchIsCurrent } from "@/lib/search/rebuild";
import { articleInput, createViewer } from "./newsroom-factories";
import { createChannel } from "./factories";

function uniqueHan(length = 4): string {
  return Array.from({ length }, () => String.fromCharCode(0x4e00 + crypto.randomInt(0x5000))).join("");
}

let editor: Viewer;
beforeAll(async () => {
  editor = await createViewer("editor");
});

/** A body that repeats the given words among text no other article has. */
const body = (...words: string[]) => `<p>${words.map((word) => `${uniqueHan()}${word}${uniqueHan()}。`).join("")}</p><p>${words.join("，")}。</p>`;

async function publish(title: string, html: string, extra: Record<string, unknown> = {}) {
  return createArticle(editor, articleInput({ title, bodyHtml: html, ...extra }), "publish");
}

const relatedIds = async (id: number) => (await getPublicArticle(id))!.related.map((item) => item.id);

describe("相关推荐", () => {
  it("lists articles sharing significant terms, the same channel first, and not unrelated ones", async () => {
    const [topic, other] = [uniqueHan(), uniqueHan()];
    const channel = await createChannel();
    const subject = await publish(`${topic}调查`, body(topic, "复工复产"), { channelId: channel.id });
    const sameChannel = await publish(`${topic}进展`, body(topic), { channelId: channel.id });
    const elsewhere = await publish(`${topic}追踪`, body(topic));
    const unrelated = await publish(`${other}报道`, body(other));
    await saveAgain(subject.articleId);
    const ids = await relatedIds(subject.articleId);
    expect(ids.slice(0, 2)).toEqual([sameChannel.articleId, elsewhere.articleId]);
    expect(ids).not.toContain(unrelated.articleId);
    expect(ids).not.toContain(subject.articleId);
  });

  it("is refreshed for an earlier article when a similar one is published", async () => {
    const topic = uniqueHan();
    const first = await publish(`${topic}一`, body(topic));
    expect(await relatedIds(first.articleId)).toEqual([]);
    const second = await publish(`${topic}二`, body(topic));
    expect(second.publicTags).toContain(`article-${first.articleId}`);
    expect(await relatedIds(first.articleId)).toEqual([second.articleId]);
    expect(await relatedIds(second.articleId)).toEqual([first.articleId]);
  });

  it("never lists the article's own 新闻推荐 picks", async () => {
    const topic = uniqueHan();
    const picked = await publish(`${topic}甲`, body(topic));
    const notPicked = await publish(`${topic}乙`, body(topic));
    const subject = await publish(`${topic}丙`, body(topic), { picks: [{ targetArticleId: picked.articleId, title: "", excerpt: "", url: "" }] });
    expect(await relatedIds(subject.articleId)).toEqual([notPicked.articleId]);
  });

  it("drops an article that is unpublished from the pages that listed it", async () => {
    const topic = uniqueHan();
    const kept = await publish(`${topic}留`, body(topic));
    const withdrawn = await publish(`${topic}撤`, body(topic));
    const subject = await publish(`${topic}看`, body(topic));
    expect((await relatedIds(subject.articleId)).sort()).toEqual([kept.articleId, withdrawn.articleId].sort());
    const outcome = await saveArticle(editor, {
      articleId: withdrawn.articleId,
      baseVersion: withdrawn.version,
      input: (await getArticleForEdit(editor, withdrawn.articleId)).input,
      intent: "unpublish",
    });
    expect(outcome.publicTags).toContain(`article-${subject.articleId}`);
    expect(await relatedIds(subject.articleId)).toEqual([kept.articleId]);
    const stored = await prisma.similarArticle.findMany({ where: { articleId: subject.articleId } });
    expect(stored.map((row) => row.similarId)).toEqual([kept.articleId]);
  });

  it("offers the editor only published articles as suggestions, even when a stored list is out of date", async () => {
    const topic = uniqueHan();
    const subject = await publish(`${topic}主`, body(topic));
    const other = await publish(`${topic}副`, body(topic));
    const draft = await createArticle(editor, articleInput({ title: `${topic}草稿`, bodyHtml: body(topic) }));
    // As if the draft had been listed before it was unpublished, and its lister not refreshed.
    await prisma.similarArticle.create({ data: { articleId: subject.articleId, position: 5, similarId: draft.articleId, score: 1 } });
    const form = await getArticleForEdit(editor, subject.articleId);
    expect(form.suggestions.map((suggestion) => suggestion.id)).toEqual([other.articleId]);
    expect(await relatedIds(subject.articleId)).toEqual([other.articleId]);
  });

  it("shows a scheduled similar article only once it is due", async () => {
    const topic = uniqueHan();
    const subject = await publish(`${topic}今`, body(topic));
    const later = new Date(Date.now() + 3_600_000);
    const scheduled = await publish(`${topic}明`, body(topic), { publishedAt: shanghaiMinute(later) });
    expect(await relatedIds(subject.articleId)).toEqual([]);
    expect((await getPublicArticle(subject.articleId, new Date(later.getTime() + 60_000)))!.related.map((item) => item.id)).toEqual([scheduled.articleId]);
  });

  it("lists at most six", async () => {
    const topic = uniqueHan();
    const ids: number[] = [];
    for (let n = 0; n < 9; n++) ids.push((await publish(`${topic}第${n}篇`, body(topic))).articleId);
    expect(await relatedIds(ids[0])).toHaveLength(6);
  });

  it("is rebuilt for every article by the search rebuild, which marks search current", async () => {
    const topic = uniqueHan();
    const a = await publish(`${topic}A`, body(topic));
    const b = await publish(`${topic}B`, body(topic));
    await prisma.similarArticle.deleteMany({ where: { articleId: { in: [a.articleId, b.articleId] } } });
    const result = await rebuildSearch();
    expect(result.similar).toBe(await prisma.article.count());
    expect(await relatedIds(a.articleId)).toEqual([b.articleId]);
    expect(await searchIsCurrent()).toBe(true);
  });
});

async function saveAgain(articleId: number) {
  const form = await getArticleForEdit(editor, articleId);
  await saveArticle(editor, { articleId, baseVersion: form.version, input: { ...form.input, subtitle: "再次保存" } });
}

function shanghaiMinute(date: Date): string {
  return new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
}
