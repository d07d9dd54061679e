"use client";
import { useState } from "react";
import type { BylineInput } from "@/lib/articles/schema";
import { BYLINE_ROLE_SUGGESTIONS, DEFAULT_BYLINE_ROLE } from "../_components/byline-roles";
import { searchAuthorsAction } from "./actions";

type AuthorOption = { id: number; name: string; defaultRoleLabel: string; bio: string };

/** 署名: role label + author pairs; an author is picked by name, or created when none is picked. */
export function BylinesField({ bylines, onChange, errors }: { bylines: BylineInput[]; onChange: (next: BylineInput[]) => void; errors: Record<string, string> }) {
  const [options, setOptions] = useState<{ index: number; authors: AuthorOption[] } | null>(null);
  const update = (index: number, patch: Partial<BylineInput>) => onChange(bylines.map((byline, i) => (i === index ? { ...byline, ...patch } : byline)));

  async function searchNames(index: number, name: string) {
    update(index, { authorName: name, authorId: null });
    const authors = name.trim() ? await searchAuthorsAction(name) : [];
    setOptions({ index, authors });
  }

  return (
    <fieldset className="field bylines">
      <legend>署名</legend>
      <datalist id="role-labels">
        {BYLINE_ROLE_SUGGESTIONS.map((label) => (
          <option key={label} value={label} />
        ))}
      </datalist>
      {bylines.map((byline, index) => (
        <div className="byline-row" key={index}>
          <input aria-label={`署名 ${index + 1} 身份`} list="role-labels" value={byline.roleLabel} onChange={(event) => update(index, { roleLabel: event.target.value })} />
          <div className="combo">
            <input
              aria-label={`署名 ${index + 1} 作者`}
              value={byline.authorName}
              autoComplete="off"
              aria-invalid={Boolean(errors[`bylines.${index}.authorName`])}
              onChange={(event) => searchNames(index, event.target.value)}
            />
            {options?.index === index && options.authors.length > 0 && (
              <ul className="combo-options" aria-label="选择作者">
                {options.authors.map((author) => (
                  <li key={author.id}>
                    <button
                      type="button"
                      onClick={() => {
                        update(index, { authorId: author.id, authorName: author.name });
                        setOptions(null);
                      }}
                    >
                      {author.name} · {author.defaultRoleLabel}
                      {author.bio ? ` · ${author.bio.slice(0, 20)}` : ""}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <span className="hint">{byline.authorId ? "已关联作者" : byline.authorName ? "保存时新建作者" : ""}</span>
          <button type="button" onClick={() => onChange(bylines.filter((_, i) => i !== index))}>
            删除
          </button>
          {(errors[`bylines.${index}.authorName`] || errors[`bylines.${index}.roleLabel`]) && (
            <p className="field-error">{errors[`bylines.${index}.authorName`] ?? errors[`bylines.${index}.roleLabel`]}</p>
          )}
        </div>
      ))}
      <button type="button" onClick={() => onChange([...bylines, { authorId: null, authorName: "", roleLabel: DEFAULT_BYLINE_ROLE }])}>
        添加署名
      </button>
      {errors.bylines && <p className="field-error">{errors.bylines}</p>}
    </fieldset>
  );
}
