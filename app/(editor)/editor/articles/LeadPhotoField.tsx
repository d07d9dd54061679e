"use client";
import { useEffect, useState, useSyncExternalStore } from "react";
import type { ArticleInput } from "@/lib/articles/schema";
import type { PhotoDto } from "@/lib/media/dto";
import { CreditField, type CreditValue } from "../_components/CreditField";
import type { PickResult } from "./body-photo-host";
import { previewSrc } from "./photo-files";
import { PHOTO_ACCEPT, PhotoPickerDialog } from "./PhotoPickerDialog";
import { PhotoUploads } from "./photo-uploads";
import { UploadList } from "./UploadList";
import type { LeadPhotoState } from "./use-lead-photo";

type Lead = ArticleInput["lead"];
type Props = {
  lead: Lead;
  onChange: (lead: Lead) => void;
  photo: LeadPhotoState;
  errors: Record<string, string>;
  onBusyChange: (busy: boolean) => void;
};

/** What saving the 题图's 摄影 will do, or why it cannot be changed here. */
function leadCreditHint(photo: PhotoDto | null, credit: CreditValue): string {
  if (!photo) return "题图的摄影者，随图片存入图片库";
  if (!photo.can.edit) return "只有上传者和编辑可以修改这张图片的摄影";
  if (credit.author) return `已关联作者：${credit.author.defaultRoleLabel} ${credit.author.name}（随文章保存到图片库）`;
  return "输入姓名查找作者，或直接填写摄影者；随文章保存到图片库";
}

/**
 * 题图: upload one or choose one from the library, see it, and give this article's 图说 and 替代文字
 * for it (they start as the photo's own), and the photo's 摄影. The fields stay in place, disabled,
 * until there is a 题图.
 */
export function LeadPhotoField({ lead, onChange, photo, errors, onBusyChange }: Props) {
  const [uploads] = useState(() => new PhotoUploads("lead"));
  const [picking, setPicking] = useState(false);
  const uploading =
    useSyncExternalStore(
      uploads.subscribe,
      () => uploads.pendingCount(),
      () => 0,
    ) > 0;
  useEffect(() => onBusyChange(uploading), [uploading, onBusyChange]);

  function use(chosen: PhotoDto) {
    photo.choose(chosen);
    onChange({ photoId: chosen.id, caption: chosen.caption, alt: chosen.alt });
  }

  function upload(file: File | undefined) {
    if (!file) return;
    for (const item of uploads.getSnapshot()) if (item.state === "done" || item.state === "failed") uploads.remove(item.key);
    uploads.add(file, (item) => {
      if (item.state !== "done" || !item.photo) return;
      uploads.remove(item.key);
      use(item.photo);
    });
  }

  function picked({ photos }: PickResult) {
    setPicking(false);
    if (photos[0]) use(photos[0]);
  }

  const error = (key: string) =>
    errors[key] && (
      <p className="field-error" id={`error-${key}`}>
        {errors[key]}
      </p>
    );
  const described = (key: string, hint?: string) => {
    const ids = [hint, errors[key] ? `error-${key}` : undefined].filter(Boolean).join(" ");
    return { ...(ids ? { "aria-describedby": ids } : {}), ...(errors[key] ? { "aria-invalid": true } : {}) };
  };
  const shown = photo.photo;
  return (
    <fieldset className="field lead-photo" aria-describedby={errors.lead ? "error-lead" : undefined}>
      <legend>题图</legend>
      <div className="lead-photo-top">
        <div className="lead-preview">
          {shown ? (
            <img src={previewSrc(shown, 320)} alt={`题图预览：${lead?.alt || shown.alt || shown.original.name}`} />
          ) : (
            <span className="hint">{!lead ? "还没有题图" : photo.missing ? "这张图片已不在图片库中，请重新选择" : "正在读取题图…"}</span>
          )}
        </div>
        <div className="lead-actions">
          <div className="row-actions">
            <input
              id="lead-upload"
              className="file-input"
              type="file"
              accept={PHOTO_ACCEPT}
              aria-describedby="lead-upload-hint"
              onChange={(event) => {
                upload(event.target.files?.[0]);
                event.target.value = "";
              }}
            />
            <label htmlFor="lead-upload" className="file-button">
              上传题图
            </label>
            <button type="button" onClick={() => setPicking(true)}>
              从图片库选择
            </button>
            {lead && (
              <button type="button" onClick={() => onChange(null)}>
                移除题图
              </button>
            )}
          </div>
          <span className="hint" id="lead-upload-hint">
            上传的图片同时存入图片库。JPEG、PNG、WebP、GIF 或 AVIF。
          </span>
          <UploadList uploads={uploads} label="题图上传进度" />
          {error("lead")}
        </div>
      </div>
      <div className="field">
        <label htmlFor="lead-caption">图说</label>
        <textarea
          id="lead-caption"
          rows={2}
          maxLength={500}
          disabled={!lead}
          value={lead?.caption ?? ""}
          onChange={(event) => lead && onChange({ ...lead, caption: event.target.value })}
          {...described("lead.caption")}
        />
        {error("lead.caption")}
      </div>
      <div className="field">
        <label htmlFor="lead-alt">替代文字</label>
        <input
          id="lead-alt"
          maxLength={200}
          disabled={!lead}
          value={lead?.alt ?? ""}
          onChange={(event) => lead && onChange({ ...lead, alt: event.target.value })}
          {...described("lead.alt", "lead-alt-hint")}
        />
        <span className="hint" id="lead-alt-hint">
          写出图片的内容，供视障读者和图片打不开时使用；发布前必须填写。
        </span>
        {error("lead.alt")}
      </div>
      {/* The 摄影 belongs to the photo: those who may not edit the photo see its credit line. */}
      <CreditField
        id="lead-credit"
        value={photo.credit}
        onChange={photo.setCredit}
        hint={leadCreditHint(shown, photo.credit)}
        error={errors["lead.credit"]}
        disabled={!shown}
        readOnlyText={shown?.can.edit ? undefined : shown ? shown.credit || "（未署名）" : ""}
      />
      {picking && <PhotoPickerDialog request={{ title: "从图片库选择", multiple: false, upload: false }} onClose={picked} />}
    </fieldset>
  );
}
