"use client";
import type { PhotoVariantDto } from "@/lib/media/dto";
import { PhotoPicture } from "./PhotoPicture";

export type Focal = { x: number; y: number };
type Props = {
  variants: PhotoVariantDto[];
  alt: string;
  focal: Focal;
  /** `immediate`: a click (save now); otherwise a step by keyboard or number (save after a pause). */
  onChange: ((next: Focal, immediate: boolean) => void) | null;
  /** False until hydrated: the picture reports itself disabled, so a click is not lost before handlers exist. */
  ready: boolean;
};

const PREVIEW_SIZES = "(min-width: 60rem) 36rem, (min-width: 40rem) 55vw, calc(100vw - 2rem)";
const clamp = (value: number) => Math.min(1, Math.max(0, Math.round(value * 1000) / 1000));
const percent = (value: number) => Math.round(value * 100);

/**
 * The large preview with the focal point: the part of the picture crops keep. Set by clicking the
 * picture; the marker also moves with the arrow keys (Shift for small steps), and the two numbers
 * below set it exactly. Read-only when `onChange` is null.
 */
export function FocalPointPicker({ variants, alt, focal, onChange, ready }: Props) {
  function click(event: React.MouseEvent<HTMLDivElement>) {
    // A click made with the keyboard (Enter on the marker) has no position.
    if (!onChange || event.detail === 0) return;
    const box = (event.currentTarget.querySelector("img") ?? event.currentTarget).getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return;
    onChange({ x: clamp((event.clientX - box.left) / box.width), y: clamp((event.clientY - box.top) / box.height) }, true);
  }

  function key(event: React.KeyboardEvent) {
    const step = event.shiftKey ? 0.01 : 0.05;
    const moves: Record<string, Focal> = {
      ArrowLeft: { x: focal.x - step, y: focal.y },
      ArrowRight: { x: focal.x + step, y: focal.y },
      ArrowUp: { x: focal.x, y: focal.y - step },
      ArrowDown: { x: focal.x, y: focal.y + step },
    };
    const next = moves[event.key];
    if (!onChange || !next) return;
    event.preventDefault();
    onChange({ x: clamp(next.x), y: clamp(next.y) }, false);
  }

  const position = `横向 ${percent(focal.x)}%，纵向 ${percent(focal.y)}%`;
  const markerStyle = { left: `${focal.x * 100}%`, top: `${focal.y * 100}%` };
  return (
    <div className="focal-picker">
      {/* biome-ignore lint/a11y/noStaticElementInteractions lint/a11y/useKeyWithClickEvents: a click on the picture is the mouse shortcut; the marker button inside takes the arrow keys */}
      <div className={onChange ? "focal-frame is-editable" : "focal-frame"} onClick={click} aria-disabled={ready ? undefined : true}>
        <PhotoPicture variants={variants} alt={alt} sizes={PREVIEW_SIZES} className="focal-image" />
        {onChange ? (
          <button
            type="button"
            className="focal-marker"
            style={markerStyle}
            disabled={!ready}
            onKeyDown={key}
            aria-label={`焦点：${position}。用方向键移动`}
            aria-describedby="focal-hint"
          />
        ) : (
          <span className="focal-marker" style={markerStyle} aria-hidden="true" />
        )}
      </div>
      <p className="hint" id="focal-hint">
        {onChange ? `点击图片设置焦点（裁切缩略图时保留的部分），自动保存。当前：${position}` : `焦点：${position}`}
      </p>
      {onChange && (
        <div className="focal-numbers">
          <FocalNumber label="焦点横向（%）" value={focal.x} disabled={!ready} onChange={(x) => onChange({ x, y: focal.y }, false)} />
          <FocalNumber label="焦点纵向（%）" value={focal.y} disabled={!ready} onChange={(y) => onChange({ x: focal.x, y }, false)} />
        </div>
      )}
    </div>
  );
}

/** One coordinate of the focal point as a whole percent; an emptied box changes nothing. */
function FocalNumber({ label, value, disabled, onChange }: { label: string; value: number; disabled: boolean; onChange: (value: number) => void }) {
  return (
    <label>
      {label}
      <input
        type="number"
        min={0}
        max={100}
        step={1}
        disabled={disabled}
        value={percent(value)}
        onChange={(event) => event.target.value !== "" && onChange(clamp(Number(event.target.value) / 100))}
      />
    </label>
  );
}
