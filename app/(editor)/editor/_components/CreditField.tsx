"use client";
import { useRef, useState } from "react";
import { searchAuthorsAction } from "../articles/actions";
import { FieldError } from "./FormParts";

type CreditAuthor = { id: number; name: string; defaultRoleLabel: string };
/** 摄影: a linked author, or free text (an outside photographer, an agency). */
export type CreditValue = { author: CreditAuthor | null; text: string };

type Props = {
  id: string;
  value: CreditValue;
  onChange: (next: CreditValue) => void;
  hint: string;
  error?: string;
  disabled?: boolean;
  /** Where the viewer may not change the credit: this text, read-only, in place of the search box. */
  readOnlyText?: string;
};

/**
 * 摄影: type a name to find an author (the same look-up as 署名) and pick one, or keep the typed text
 * as it is. Typing after a pick drops the link. Used by the photo library and the article's 题图.
 */
export function CreditField({ id, value, onChange, hint, error, disabled = false, readOnlyText }: Props) {
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
  const describedBy = error ? `${hintId} ${errorId}` : hintId;
  return (
    <div className="field">
      <label htmlFor={id}>摄影</label>
      {readOnlyText === undefined ? (
        // biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere in the combo box closes its list; the input and options are the controls
        <div className="combo" onKeyDown={(event) => event.key === "Escape" && setOptions([])}>
          <input
            id={id}
            value={value.author ? value.author.name : value.text}
            onChange={(event) => void type(event.target.value)}
            maxLength={40}
            autoComplete="off"
            disabled={disabled}
            aria-describedby={describedBy}
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
      ) : (
        <input id={id} readOnly={!disabled} disabled={disabled} value={readOnlyText} aria-describedby={describedBy} />
      )}
      <span className="hint" id={hintId}>
        {hint}
      </span>
      <FieldError id={errorId} text={error} />
    </div>
  );
}
