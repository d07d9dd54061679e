import Link from "next/link";
import type { PhotoDto } from "@/lib/media/dto";
import { formatShanghai } from "@/lib/text/time";
import { PhotoPicture } from "./PhotoPicture";

/** A card's picture: about 15rem wide in the grid, 7rem beside the text on a phone. */
const THUMBNAIL_SIZES = "(max-width: 30rem) 7rem, 15rem";

/** The library's photos as cards: picture, 图说, credit line, uploader, date, uses. A picture without 替代文字 is named by its file. */
export function PhotoGrid({ photos }: { photos: PhotoDto[] }) {
  return (
    <ul className="photo-grid" aria-label="图片">
      {photos.map((photo) => (
        <li key={photo.id} className="photo-card">
          <Link href={`/editor/media/${photo.id}`} className="photo-card-link">
            <span className="photo-card-image">
              <PhotoPicture
                variants={photo.variants}
                alt={photo.alt || photo.original.name || `图片 #${photo.id}`}
                sizes={THUMBNAIL_SIZES}
                focal={{ x: photo.focalX, y: photo.focalY }}
                lazy
              />
            </span>
            <span className={photo.caption ? "photo-card-caption" : "photo-card-caption is-empty"}>{photo.caption || "未填图说"}</span>
          </Link>
          <div className="photo-card-text">
            {photo.credit && <p className="photo-card-credit">{photo.credit}</p>}
            <p className="meta">
              <span>{photo.uploadedBy?.displayName ?? "—"}</span>
              <time dateTime={photo.createdAt}>{formatShanghai(new Date(photo.createdAt))}</time>
            </p>
            <p className="meta">
              <span>{photo.useCount > 0 ? `用于 ${photo.useCount} 处` : "未使用"}</span>
              {photo.original.name && (
                <span className="photo-card-file" title={photo.original.name}>
                  {photo.original.name}
                </span>
              )}
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
