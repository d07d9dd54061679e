"use client";
import { useRef, useState } from "react";
import { searchAuthorsAction } from "../articles/actions";

export type CreditAuthor = { id: number; name: string; defaultRoleLabel: string };
export type CreditValue = { author: CreditAuthor | null; text: string };

type Props = { id: string; value: CreditValue; onChange: (next: CreditValue) => void; disabled: boolean; error?: string };

/**
 * 摄影: type a name to find an author (the same look-up as bylines) and pick one, or keep the typed
 * text as it is (an outside photographer, an agency). Typing after a pick drops the link.
 */
export function CreditField({ id, value, onChange, disabled, error }: Props) {
  const [options, setOptions] = useState<CreditAuthor[]>([]);
  const lookup = useRef(0);

  async function type(text: string) {
    onChange({ author: null, text });
    const ticket = ++lookup.current;
    const found = text.trim() ? await searchAuthorsAction(text) : [];
    // Only the latest look-up may fill the list: answers can arrive out of order.
    if (ticket === lookup.current) setOptions(found.map(({ id: authorId, name, defaultRoleLabel }) => ({ id: authorId, name, defaultRoleLabel })));
  }

  function pick(author: CreditAuthor) {
    lookup.current += 1;
    setOptions([]);
    onChange({ author, text: "" });
  }

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>摄影</label>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere in the combo box closes its list; the input and options are the controls */}
      <div className="combo" onKeyDown={(event) => event.key === "Escape" && setOptions([])}>
        <input
          id={id}
          value={value.author ? value.author.name : value.text}
          onChange={(event) => void type(event.target.value)}
          maxLength={40}
          autoComplete="off"
          disabled={disabled}
          aria-describedby={error ? `${hintId} ${errorId}` : hintId}
          aria-invalid={error ? true : undefined}
        />
        {options.length > 0 && !disabled && (
          <ul className="combo-options" aria-label="选择作者">
            {options.map((author) => (
              <li key={author.id}>
                <button type="button" onClick={() => pick(author)}>
                  {author.defaultRoleLabel} {author.name}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <span className="hint" id={hintId}>
        {value.author
          ? `已关联作者：${value.author.defaultRoleLabel} ${value.author.name}`
          : value.text
            ? "按所填文字署名（未关联作者）；可从下拉列表中选择作者"
            : "输入姓名查找作者，或直接填写摄影者姓名"}
      </span>
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
