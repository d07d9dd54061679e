import type { Figure } from "@/lib/media/figures";
import { Picture } from "./Figure";
import { focalPosition, THUMBNAIL_BOX } from "./photo-layout";

/** A list's 题图: a fixed 4:3 box, cropped around the photo's focal point, loaded when scrolled near. */
export function Thumbnail({ figure }: { figure: Figure }) {
  return <Picture figure={figure} loading="lazy" box={THUMBNAIL_BOX} className="thumb" style={{ objectPosition: focalPosition(figure.focal) }} />;
}
