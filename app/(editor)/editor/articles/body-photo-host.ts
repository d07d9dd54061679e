// What the body's photo nodes share: the stored markup of a figure (lib/articles/body.ts is the
// format), reading it back from the DOM, and the "host" through which a node view reaches the form
// (the upload store, the photo picker, the message area).
import type { DOMOutputSpec, Node as ProseMirrorNode } from "@tiptap/pm/model";
import { TextSelection, type Transaction } from "@tiptap/pm/state";
import type { PhotoDto } from "@/lib/media/dto";
import type { FigurePhoto } from "./photo-files";
import type { PhotoUploads } from "./photo-uploads";

const PHOTO_ID = /^[1-9]\d{0,9}$/;

export type PickRequest = { title: string; multiple: boolean; upload: boolean };
/** Library photos chosen, or (single choice with upload) files to upload into the body. */
export type PickResult = { photos: PhotoDto[]; files: File[] };

export type BodyPhotoHost = {
  uploads: PhotoUploads;
  /** A new key for an upload placeholder; it is also the upload's key in `uploads`. */
  nextMarker: () => string;
  /** Opens the photo picker; resolves with nothing chosen when it is cancelled. */
  pickPhotos: (request: PickRequest) => Promise<PickResult>;
  /** A message for the editor under the toolbar (images that could not be brought in). */
  report: (text: string) => void;
};

/** Runs of white space as one space, trimmed: how the server reads a caption. */
export function tidyCaption(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** `<figure data-photo-id="N"><img src alt><figcaption>…</figcaption></figure>`, the caption only when there is one. */
export function photoFigureSpec(photo: FigurePhoto): DOMOutputSpec {
  const caption = tidyCaption(photo.caption);
  const image: DOMOutputSpec = ["img", { src: photo.src, alt: photo.alt.trim() }];
  return caption ? ["figure", { "data-photo-id": String(photo.photoId) }, image, ["figcaption", caption]] : ["figure", { "data-photo-id": String(photo.photoId) }, image];
}

/** `<figure data-gallery="">` with its photo figures and the overall caption (总说明) when there is one. */
export function galleryFigureSpec(items: readonly FigurePhoto[], caption: string): DOMOutputSpec {
  const overall = tidyCaption(caption);
  return ["figure", { "data-gallery": "" }, ...items.map(photoFigureSpec), ...(overall ? [["figcaption", overall] as DOMOutputSpec] : [])];
}

export function isPhotoFigureElement(element: HTMLElement): boolean {
  return element.tagName === "FIGURE" && PHOTO_ID.test(element.getAttribute("data-photo-id") ?? "");
}

/** A photo figure's photo, image and caption as stored; null when it names no photo. */
export function readPhotoFigure(element: HTMLElement): FigurePhoto | null {
  if (!isPhotoFigureElement(element)) return null;
  const image = childOf(element, "IMG");
  return {
    photoId: Number(element.getAttribute("data-photo-id")),
    src: image?.getAttribute("src") ?? "",
    alt: image?.getAttribute("alt")?.trim() ?? "",
    caption: readCaption(element),
  };
}

/** The element's own figcaption (not a nested figure's), as the server reads it. */
export function readCaption(element: HTMLElement): string {
  return tidyCaption(childOf(element, "FIGCAPTION")?.textContent ?? "");
}

export function readGalleryItems(element: HTMLElement): FigurePhoto[] {
  return Array.from(element.children).flatMap((child) => readPhotoFigure(child as HTMLElement) ?? []);
}

function childOf(element: HTMLElement, tagName: string): Element | undefined {
  return Array.from(element.children).find((child) => child.tagName === tagName);
}

/**
 * Where figures go for a cursor at `position`: a cursor at the end (or start) of a paragraph puts them
 * after (or before) it rather than splitting off an empty paragraph; in the middle the paragraph is
 * split. Before an empty paragraph, so the cursor stays in it below the figures.
 */
export function blockInsertionPoint(doc: ProseMirrorNode, position: number): number {
  const $position = doc.resolve(position);
  const parent = $position.parent;
  if (!parent.isTextblock || $position.depth === 0) return position;
  if ($position.parentOffset === 0) return $position.before();
  if ($position.parentOffset === parent.content.size) return $position.after();
  return position;
}

/**
 * After figures were inserted (the transaction's last step), the cursor goes right after them: into
 * the text that follows, or into a new paragraph when none does. So typing, or inserting again,
 * continues below the figure rather than above it.
 */
export function placeCursorAfterInsertion(tr: Transaction): void {
  const last = tr.steps.at(-1);
  if (!last) return;
  let end = -1;
  last.getMap().forEach((_oldStart, _oldEnd, _newStart, newEnd) => {
    end = newEnd;
  });
  if (end < 0) return;
  const $end = tr.doc.resolve(end);
  if ($end.parent.isTextblock) {
    tr.setSelection(TextSelection.create(tr.doc, end));
  } else if ($end.nodeAfter?.isTextblock) {
    tr.setSelection(TextSelection.create(tr.doc, end + 1));
  } else {
    tr.insert(end, tr.doc.type.schema.nodes.paragraph.create());
    tr.setSelection(TextSelection.create(tr.doc, end + 1));
  }
}
