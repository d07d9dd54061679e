"use client";
import { useState } from "react";
import type { PickInput } from "@/lib/articles/schema";
import { searchPublishedArticlesAction } from "./actions";

type Found = { id: number; title: string; summary: string };
/** An automatic 相关推荐 entry as computed at the last save. */
export type Suggestion = { id: number; title: string; state: string };
type Props = { picks: PickInput[]; onChange: (next: PickInput[]) => void; errors: Record<string, string>; suggestions: Suggestion[] };

/**
 * 新闻推荐: published articles found by title, or a title + excerpt + optional URL; ordered. Beside
 * them the automatic 相关推荐, each of which can be promoted to a pick.
 */
export function PicksField({ picks, onChange, errors, suggestions }: Props) {
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<Found[]>([]);
  const update = (index: number, patch: Partial<PickInput>) => onChange(picks.map((pick, i) => (i === index ? { ...pick, ...patch } : pick)));
  const move = (index: number, by: number) => {
    const next = [...picks];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item);
    onChange(next);
  };

  const add = (article: { id: number; title: string }) => onChange([...picks, { targetArticleId: article.id, title: article.title, excerpt: "", url: "" }]);
  const picked = new Set(picks.map((pick) => pick.targetArticleId));

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
              <p>
                站内文章：
                <a href={`/articles/${pick.targetArticleId}`} target="_blank" rel="noopener">
                  {pick.title}
                </a>
              </p>
            ) : (
              <>
                <input aria-label={`推荐 ${index + 1} 标题`} placeholder="标题" value={pick.title} onChange={(event) => update(index, { title: event.target.value })} />
                <textarea
                  aria-label={`推荐 ${index + 1} 摘要`}
                  placeholder="摘要"
                  rows={2}
                  value={pick.excerpt}
                  onChange={(event) => update(index, { excerpt: event.target.value })}
                />
                <input aria-label={`推荐 ${index + 1} 链接`} placeholder="https://…（可选）" value={pick.url} onChange={(event) => update(index, { url: event.target.value })} />
              </>
            )}
            <div className="row-actions">
              <button type="button" disabled={index === 0} onClick={() => move(index, -1)}>
                上移
              </button>
              <button type="button" disabled={index === picks.length - 1} onClick={() => move(index, 1)}>
                下移
              </button>
              <button type="button" onClick={() => onChange(picks.filter((_, i) => i !== index))}>
                删除
              </button>
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
                <button
                  type="button"
                  onClick={() => {
                    add(article);
                    setFound([]);
                    setQuery("");
                  }}
                >
                  添加：{article.title}
                </button>
              </li>
            ))}
          </ul>
        )}
        <button type="button" onClick={() => onChange([...picks, { targetArticleId: null, title: "", excerpt: "", url: "" }])}>
          手动添加推荐
        </button>
      </div>
      <section className="suggestions" aria-labelledby="suggestions-heading">
        <h3 id="suggestions-heading">相关推荐（自动）</h3>
        {suggestions.length === 0 ? (
          <p className="hint">保存后按正文相似度自动计算；读者页面显示其中已发布的文章。</p>
        ) : (
          <ol>
            {suggestions.map((article) => (
              <li key={article.id}>
                <a href={`/articles/${article.id}`} target="_blank" rel="noopener">
                  {article.title}
                </a>{" "}
                <span className="meta">{article.state}</span>{" "}
                {picked.has(article.id) ? (
                  <span className="meta">已在新闻推荐中</span>
                ) : (
                  <button type="button" aria-label={`设为新闻推荐：${article.title}`} onClick={() => add(article)}>
                    设为新闻推荐
                  </button>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
    </fieldset>
  );
}
