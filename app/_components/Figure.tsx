import type { CSSProperties } from "react";
import type { Figure } from "@/lib/media/figures";

/**
 * How an image loads: `lead` is the page's largest paint (fetched first, never lazy); `lazy` waits
 * until the reader scrolls near it and decodes off the main thread.
 */
export type ImageLoading = "lead" | "lazy";

type PictureProps = {
  figure: Figure;
  loading: ImageLoading;
  /** Width and height attributes when the box differs from the photo's shape (a cropped thumbnail). */
  box?: { width: number; height: number };
  className?: string;
  style?: CSSProperties;
};

/** The photo's <picture>: modern-format sources, then the JPEG <img> with srcset, sizes, width and height. */
export function Picture({ figure, loading, box, className, style }: PictureProps) {
  const { sources, img } = figure.picture;
  const priority = loading === "lead" ? ({ fetchPriority: "high" } as const) : ({ loading: "lazy", decoding: "async" } as const);
  return (
    <picture className={className}>
      {sources.map((source) => (
        <source key={source.type} type={source.type} srcSet={source.srcSet} sizes={img.sizes} />
      ))}
      <img src={img.src} srcSet={img.srcSet} sizes={img.sizes} width={box?.width ?? img.width} height={box?.height ?? img.height} alt={figure.alt} style={style} {...priority} />
    </picture>
  );
}

/** A photo with its 图说 and credit line, e.g. 图说（本报记者 王晓明 摄）, as React text (never markup). */
export function PhotoFigure({ figure, loading, className }: { figure: Figure; loading: ImageLoading; className?: string }) {
  return (
    <figure className={className ? `photo ${className}` : "photo"}>
      <Picture figure={figure} loading={loading} />
      {figure.caption && <figcaption>{figure.caption}</figcaption>}
    </figure>
  );
}
