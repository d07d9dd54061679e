"use client";
import { useRef, useState } from "react";
import type { PhotoDto } from "@/lib/media/dto";
import { searchAuthorsAction } from "./actions";
import type { CreditAuthor, CreditValue } from "./use-lead-photo";

type Props = { photo: PhotoDto | null; credit: CreditValue; onChange: (next: CreditValue) => void; error?: string };

/**
 * 摄影 of the 题图, which belongs to the photo: type a name to find an author (the same look-up as
 * 署名) or keep the typed text. Those who may not edit the photo see its credit line, read-only.
 */
export function LeadCreditField({ photo, credit, onChange, error }: Props) {
  const [options, setOptions] = useState<CreditAuthor[]>([]);
  const lookup = useRef(0);
  const editable = Boolean(photo?.can.edit);

  async function type(text: string) {
    onChange({ author: null, text });
    const ticket = ++lookup.current;
    const found = text.trim() ? await searchAuthorsAction(text) : [];
    // Answers can arrive out of order: only the latest look-up fills the list.
    if (ticket === lookup.current) setOptions(found.map(({ id, name, defaultRoleLabel }) => ({ id, name, defaultRoleLabel })));
  }

  function pick(author: CreditAuthor) {
    lookup.current += 1;
    setOptions([]);
    onChange({ author, text: "" });
  }

  const errorId = "error-lead.credit";
  const describedBy = ["lead-credit-hint", error ? errorId : ""].filter(Boolean).join(" ");
  const hint = !photo
    ? "题图的摄影者，随图片存入图片库"
    : !editable
      ? "只有上传者和编辑可以修改这张图片的摄影"
      : credit.author
        ? `已关联作者：${credit.author.defaultRoleLabel} ${credit.author.name}（随文章保存到图片库）`
        : "输入姓名查找作者，或直接填写摄影者；随文章保存到图片库";
  return (
    <div className="field">
      <label htmlFor="lead-credit">摄影</label>
      {editable ? (
        // biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere in the combo box closes its list; the input and options are the controls
        <div className="combo" onKeyDown={(event) => event.key === "Escape" && setOptions([])}>
          <input
            id="lead-credit"
            value={credit.author ? credit.author.name : credit.text}
            maxLength={40}
            autoComplete="off"
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
            onChange={(event) => void type(event.target.value)}
          />
          {options.length > 0 && (
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
        <input id="lead-credit" readOnly={Boolean(photo)} disabled={!photo} value={photo ? photo.credit || "（未署名）" : ""} aria-describedby={describedBy} />
      )}
      <span className="hint" id="lead-credit-hint">
        {hint}
      </span>
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
