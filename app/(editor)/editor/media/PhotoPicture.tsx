// A photo as <picture>: AVIF sources and the JPEG <img> with srcset, sizes, width and height, so the
// browser fetches the narrowest file that fills the slot. Server and client components use it.
import type { PhotoVariantDto } from "@/lib/media/dto";
import { pictureMarkup } from "@/lib/media/picture";

type Props = {
  variants: PhotoVariantDto[];
  alt: string;
  /** The slot's CSS width, as for <img sizes>. */
  sizes: string;
  /** Where a cropped thumbnail keeps its subject (0..1 each). */
  focal?: { x: number; y: number };
  lazy?: boolean;
  className?: string;
};

export function PhotoPicture({ variants, alt, sizes, focal, lazy = false, className }: Props) {
  const markup = pictureMarkup(variants, sizes);
  if (!markup) return <span className={`photo-missing ${className ?? ""}`}>图片处理中</span>;
  const objectPosition = focal ? `${(focal.x * 100).toFixed(1)}% ${(focal.y * 100).toFixed(1)}%` : undefined;
  return (
    <picture>
      {markup.sources.map((source) => (
        <source key={source.type} type={source.type} srcSet={source.srcSet} sizes={sizes} />
      ))}
      <img
        className={className}
        src={markup.img.src}
        srcSet={markup.img.srcSet}
        sizes={markup.img.sizes}
        width={markup.img.width}
        height={markup.img.height}
        alt={alt}
        loading={lazy ? "lazy" : undefined}
        decoding="async"
        draggable={false}
        style={objectPosition ? { objectPosition } : undefined}
      />
    </picture>
  );
}
