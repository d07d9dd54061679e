"use client";
import { useState } from "react";
import type { PickInput } from "@/lib/articles/schema";
import { searchPublishedArticlesAction } from "./actions";

type Found = { id: number; title: string; summary: string };

/** 新闻推荐: published articles found by title, or a title + excerpt + optional URL; ordered. */
export function PicksField({ picks, onChange, errors }: { picks: PickInput[]; onChange: (next: PickInput[]) => void; errors: Record<string, string> }) {
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<Found[]>([]);
  const update = (index: number, patch: Partial<PickInput>) => onChange(picks.map((pick, i) => (i === index ? { ...pick, ...patch } : pick)));
  const move = (index: number, by: number) => {
    const next = [...picks];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item);
    onChange(next);
  };

  async function search(value: string) {
    setQuery(value);
    setFound(value.trim() ? await searchPublishedArticlesAction(value) : []);
  }

  return (
    <fieldset className="field picks-field">
      <legend>新闻推荐</legend>
      <ol>
        {picks.map((pick, index) => (
          <li key={index} className="pick-row">
            {pick.targetArticleId ? (
              <p>站内文章：<a href={`/articles/${pick.targetArticleId}`} target="_blank">{pick.title}</a></p>
            ) : (
              <>
                <input aria-label={`推荐 ${index + 1} 标题`} placeholder="标题" value={pick.title} onChange={(event) => update(index, { title: event.target.value })} />
                <textarea aria-label={`推荐 ${index + 1} 摘要`} placeholder="摘要" rows={2} value={pick.excerpt} onChange={(event) => update(index, { excerpt: event.target.value })} />
                <input aria-label={`推荐 ${index + 1} 链接`} placeholder="https://…（可选）" value={pick.url} onChange={(event) => update(index, { url: event.target.value })} />
              </>
            )}
            <div className="row-actions">
              <button type="button" disabled={index === 0} onClick={() => move(index, -1)}>上移</button>
              <button type="button" disabled={index === picks.length - 1} onClick={() => move(index, 1)}>下移</button>
              <button type="button" onClick={() => onChange(picks.filter((_, i) => i !== index))}>删除</button>
            </div>
            {(errors[`picks.${index}.title`] || errors[`picks.${index}.url`]) && <p className="field-error">{errors[`picks.${index}.title`] ?? errors[`picks.${index}.url`]}</p>}
          </li>
        ))}
      </ol>
      <div className="pick-search">
        <input type="search" aria-label="搜索已发布文章" placeholder="按标题搜索已发布文章" value={query} onChange={(event) => search(event.target.value)} />
        {found.length > 0 && (
          <ul aria-label="搜索结果">
            {found.map((article) => (
              <li key={article.id}>
                <button type="button" onClick={() => { onChange([...picks, { targetArticleId: article.id, title: article.title, excerpt: "", url: "" }]); setFound([]); setQuery(""); }}>
                  添加：{article.title}
                </button>
              </li>
            ))}
          </ul>
        )}
        <button type="button" onClick={() => onChange([...picks, { targetArticleId: null, title: "", excerpt: "", url: "" }])}>手动添加推荐</button>
      </div>
    </fieldset>
  );
}
