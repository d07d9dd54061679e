"use client";
import { useRef, useState, useTransition } from "react";
import type { PhotoDto } from "@/lib/media/dto";
import { CREDIT_KINDS, formatCaptionWithCredit, type CreditKind } from "@/lib/media/credit";
import type { PhotoDetailsInput } from "@/lib/media/schema";
import { t } from "@/lib/messages/catalog";
import { updatePhotoDetailsAction } from "./actions";
import { FocalPointPicker, type Focal } from "./FocalPointPicker";
import { CreditField, type CreditValue } from "../_components/CreditField";
import { describedBy, FieldError, FormMessage, type Message, SubmitRow } from "../_components/FormParts";
import { useHydrated } from "../_components/use-hydrated";

type Fields = { caption: string; alt: string; credit: CreditValue; creditKind: CreditKind; sourceOrg: string };

const FOCAL_PAUSE_MS = 600;

function fieldsOf(photo: PhotoDto): Fields {
  return { caption: photo.caption, alt: photo.alt, credit: { author: photo.creditAuthor, text: photo.creditText }, creditKind: photo.creditKind, sourceOrg: photo.sourceOrg };
}

function creditHint({ author, text }: CreditValue): string {
  if (author) return `已关联作者：${author.defaultRoleLabel} ${author.name}`;
  return text ? "按所填文字署名（未关联作者）；可从下拉列表中选择作者" : "输入姓名查找作者，或直接填写摄影者姓名";
}

function inputOf(photoId: number, fields: Fields, focal: Focal): PhotoDetailsInput {
  const { author, text } = fields.credit;
  return {
    photoId,
    caption: fields.caption,
    alt: fields.alt,
    creditAuthorId: author?.id ?? null,
    creditText: author ? "" : text,
    creditKind: fields.creditKind,
    sourceOrg: fields.sourceOrg,
    focalX: focal.x,
    focalY: focal.y,
  };
}

/**
 * A photo's details and its focal point. The fields are saved with 保存; the focal point saves itself
 * (a click at once, keys and numbers after a pause) together with the details as last saved, so
 * unsaved typing is neither sent nor lost. Saves run one after another. Read-only without `can.edit`.
 */
export function PhotoDetailsForm({ photo }: { photo: PhotoDto }) {
  const editable = photo.can.edit;
  const hydrated = useHydrated();
  const [fields, setFields] = useState<Fields>(() => fieldsOf(photo));
  const [focal, setFocal] = useState<Focal>({ x: photo.focalX, y: photo.focalY });
  const [message, setMessage] = useState<Message | null>(null);
  const [focalMessage, setFocalMessage] = useState<Message | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();
  const saved = useRef(photo);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const focalTimer = useRef<number | undefined>(undefined);

  /** Runs `task` after every save already asked for, so an older request never lands last. */
  function enqueue(task: () => Promise<void>): Promise<void> {
    queue.current = queue.current.then(task, task);
    return queue.current;
  }

  function saveFocal(next: Focal) {
    void enqueue(async () => {
      const result = await updatePhotoDetailsAction(inputOf(photo.id, fieldsOf(saved.current), next));
      if (result.ok) saved.current = result.data.photo;
      setFocalMessage(result.ok ? { ok: true, text: "焦点已保存" } : { ok: false, text: result.fieldErrors?.focalX ?? result.fieldErrors?.focalY ?? result.message });
    });
  }

  function changeFocal(next: Focal, immediate: boolean) {
    setFocal(next);
    setFocalMessage(null);
    window.clearTimeout(focalTimer.current);
    if (immediate) saveFocal(next);
    else focalTimer.current = window.setTimeout(() => saveFocal(next), FOCAL_PAUSE_MS);
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    window.clearTimeout(focalTimer.current);
    startTransition(() =>
      enqueue(async () => {
        const result = await updatePhotoDetailsAction(inputOf(photo.id, fields, focal));
        setMessage({ ok: result.ok, text: result.message });
        setErrors(result.ok ? {} : (result.fieldErrors ?? {}));
        if (result.ok) {
          saved.current = result.data.photo;
          setFields(fieldsOf(result.data.photo));
        }
      }),
    );
  }

  const set = <K extends keyof Fields>(name: K, value: Fields[K]) => setFields((current) => ({ ...current, [name]: value }));
  const attrs = (name: "caption" | "alt" | "sourceOrg") => ({
    id: `photo-${name}`,
    value: fields[name],
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(name, event.target.value),
    ...describedBy(`photo-${name}-error`, errors[name]),
  });
  const preview = formatCaptionWithCredit({ ...fields, creditAuthor: fields.credit.author, creditText: fields.credit.author ? "" : fields.credit.text });

  return (
    <form className="admin-form photo-editor" aria-labelledby="photo-details-heading" onSubmit={submit} noValidate>
      <div className="photo-editor-preview">
        <FocalPointPicker variants={photo.variants} alt={photo.alt || `图片 #${photo.id}`} focal={focal} onChange={editable ? changeFocal : null} ready={hydrated} />
        <FormMessage message={focalMessage} />
      </div>
      <div className="photo-editor-fields">
        <h2 id="photo-details-heading">图片信息</h2>
        {!editable && <p className="notice">只能查看：这张图片由{photo.uploadedBy ? ` ${photo.uploadedBy.displayName} ` : "其他人"}上传，只有上传者、编辑和管理员可以修改。</p>}
        <FormMessage message={message} />
        <fieldset className="photo-fields" disabled={!editable || !hydrated}>
          <div className="field">
            <label htmlFor="photo-caption">图说</label>
            <textarea {...attrs("caption")} rows={4} maxLength={500} />
            <FieldError id="photo-caption-error" text={errors.caption} />
          </div>
          <div className="field">
            <label htmlFor="photo-alt">替代文字</label>
            <input {...attrs("alt")} maxLength={200} aria-describedby={errors.alt ? "photo-alt-error" : "photo-alt-hint"} />
            <span className="hint" id="photo-alt-hint">
              描述画面内容，供读屏软件朗读，图片未能显示时也会出现。
            </span>
            <FieldError id="photo-alt-error" text={errors.alt} />
          </div>
          <CreditField
            id="photo-credit"
            value={fields.credit}
            onChange={(credit) => set("credit", credit)}
            hint={creditHint(fields.credit)}
            disabled={!editable || !hydrated}
            error={errors.creditText ?? errors.creditAuthorId}
          />
          <div className="field-row">
            <div className="field">
              <label htmlFor="photo-creditKind">类型</label>
              <select
                id="photo-creditKind"
                value={fields.creditKind}
                onChange={(event) => set("creditKind", event.target.value as CreditKind)}
                {...describedBy("photo-creditKind-error", errors.creditKind)}
              >
                {CREDIT_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`credit.${kind}`)}
                  </option>
                ))}
              </select>
              <FieldError id="photo-creditKind-error" text={errors.creditKind} />
            </div>
            <div className="field">
              <label htmlFor="photo-sourceOrg">来源单位</label>
              <input {...attrs("sourceOrg")} maxLength={60} placeholder="如 新华社" />
              <FieldError id="photo-sourceOrg-error" text={errors.sourceOrg} />
            </div>
          </div>
        </fieldset>
        <div className="credit-preview">
          <span className="hint">文章中显示为</span>
          <p>{preview || <span className="hint">（没有图说和署名）</span>}</p>
        </div>
        {editable && <SubmitRow label="保存" pending={pending} disabled={!hydrated} />}
      </div>
    </form>
  );
}
