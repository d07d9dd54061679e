"use client";
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from "react";
import { keyMove, stepSlide, swipeStep } from "./gallery-steps";

/**
 * A 组图 as the server sends it: every figure in order as a plain list, then the 总说明. Once this
 * runs it shows one figure at a time with 上一张/下一张, the position (2 / 5), ←/→ while the viewer
 * has focus and a swipe on touch screens. Printing shows the plain list again (app/globals.css).
 */
export function GalleryViewer({ slides, caption }: { slides: ReactNode[]; caption: string }) {
  const count = slides.length;
  const [enhanced, setEnhanced] = useState(false);
  const [index, setIndex] = useState(0);
  const swipe = useRef<{ id: number; x: number; y: number } | null>(null);
  // After hydration only, so the server's HTML (and a reader without JavaScript) keeps the list.
  useEffect(() => setEnhanced(count > 1), [count]);

  const viewer = enhanced
    ? {
        role: "region",
        "aria-roledescription": "组图",
        "aria-label": caption ? `组图：${caption}` : "组图",
        tabIndex: 0,
        onKeyDown(event: KeyboardEvent) {
          const next = keyMove(event.key, index, count);
          if (next === null) return;
          event.preventDefault();
          setIndex(next);
        },
        onPointerDown(event: PointerEvent) {
          if (event.pointerType !== "mouse") swipe.current = { id: event.pointerId, x: event.clientX, y: event.clientY };
        },
        onPointerUp(event: PointerEvent) {
          const start = swipe.current;
          swipe.current = null;
          if (start?.id !== event.pointerId) return;
          const step = swipeStep(event.clientX - start.x, event.clientY - start.y);
          if (step !== 0) setIndex((current) => stepSlide(current, step, count));
        },
        onPointerCancel() {
          swipe.current = null;
        },
      }
    : {};

  return (
    <figure className="gallery" data-enhanced={enhanced ? "" : undefined}>
      <div className="gallery__viewer" {...viewer}>
        <ol className="gallery__items">
          {slides.map((slide, slideIndex) => (
            <li
              key={slideIndex}
              className="gallery__item"
              hidden={enhanced && slideIndex !== index}
              {...(enhanced ? { role: "group", "aria-roledescription": "图片", "aria-label": `${slideIndex + 1} / ${count}` } : {})}
            >
              {slide}
            </li>
          ))}
        </ol>
        {enhanced && (
          <div className="gallery__controls">
            <button type="button" onClick={() => setIndex((current) => stepSlide(current, -1, count))}>
              <span aria-hidden="true">‹ </span>上一张
            </button>
            <p className="gallery__position" aria-live="polite" aria-atomic="true">
              {index + 1} / {count}
            </p>
            <button type="button" onClick={() => setIndex((current) => stepSlide(current, 1, count))}>
              下一张<span aria-hidden="true"> ›</span>
            </button>
          </div>
        )}
      </div>
      {caption && <figcaption>{caption}</figcaption>}
    </figure>
  );
}
