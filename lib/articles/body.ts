// Photos inside an article body. Stored form, after sanitizing: a figure names a library photo and
// holds one image and an optional caption for this use; a 组图 is a figure holding such figures and
// an optional overall caption:
//   <figure data-photo-id="12"><img src="/media/…" alt="…"><figcaption>…</figcaption></figure>
//   <figure data-gallery=""><figure data-photo-id="…">…</figure>…<figcaption>总说明</figcaption></figure>
// Any other image is dropped. Pure: the caller looks the photos up.
import { render } from "dom-serializer";
import { type ChildNode, type Element, isTag, isText } from "domhandler";
import { parseDocument } from "htmlparser2";

export type BodyPhoto = { photoId: number; alt: string; caption: string };
export type BodyPhotoUse = BodyPhoto & { role: "inline" | "gallery"; position: number };
/** The top-level pieces of a body: HTML between figures, a photo, or a 组图. */
export type BodyPart = { kind: "html"; html: string } | { kind: "photo"; photo: BodyPhoto } | { kind: "gallery"; caption: string; photos: BodyPhoto[] };

const PHOTO_ID = /^[1-9]\d{0,9}$/;

/**
 * The body in stored form: each photo figure points its image at `srcOf(photoId)`; images of
 * photos `srcOf` does not know, and images outside a photo figure, are dropped and counted.
 */
export function normalizeBodyPhotos(html: string, srcOf: (photoId: number) => string | null): { html: string; dropped: number } {
  const document = parseDocument(html);
  let dropped = 0;
  const visit = (nodes: ChildNode[]) => {
    for (const node of [...nodes]) {
      if (!isTag(node)) continue;
      if (isGallery(node)) {
        dropped += normalizeGallery(node, srcOf);
      } else if (isPhotoFigure(node)) {
        if (!normalizeFigure(node, srcOf)) dropped++;
      } else if (node.name === "img") {
        remove(node);
        dropped++;
      } else {
        visit(node.children);
      }
    }
  };
  visit(document.children);
  return { html: render(document, { encodeEntities: "utf8" }), dropped };
}

/** Every photo the body shows, in order, inline figures and 组图 items alike. */
export function listBodyPhotos(html: string): BodyPhotoUse[] {
  const uses: BodyPhotoUse[] = [];
  for (const part of splitBody(html)) {
    if (part.kind === "photo") uses.push({ ...part.photo, role: "inline", position: uses.length });
    if (part.kind === "gallery") for (const photo of part.photos) uses.push({ ...photo, role: "gallery", position: uses.length });
  }
  return uses;
}

/** The stored body as top-level parts, for the reader's page to render figures itself. */
export function splitBody(html: string): BodyPart[] {
  const parts: BodyPart[] = [];
  let pending: ChildNode[] = [];
  const flush = () => {
    const chunk = render(pending, { encodeEntities: "utf8" }).trim();
    if (chunk) parts.push({ kind: "html", html: chunk });
    pending = [];
  };
  for (const node of parseDocument(html).children) {
    if (isTag(node) && isGallery(node)) {
      flush();
      parts.push({ kind: "gallery", caption: captionOf(node), photos: childElements(node).filter(isPhotoFigure).map(readFigure) });
    } else if (isTag(node) && isPhotoFigure(node)) {
      flush();
      parts.push({ kind: "photo", photo: readFigure(node) });
    } else {
      pending.push(node);
    }
  }
  flush();
  return parts;
}

function isPhotoFigure(node: Element): boolean {
  return node.name === "figure" && PHOTO_ID.test(node.attribs["data-photo-id"] ?? "");
}

function isGallery(node: Element): boolean {
  return node.name === "figure" && "data-gallery" in node.attribs;
}

function readFigure(figure: Element): BodyPhoto {
  const image = childElements(figure).find((child) => child.name === "img");
  return { photoId: Number(figure.attribs["data-photo-id"]), alt: image?.attribs.alt?.trim() ?? "", caption: captionOf(figure) };
}

/** Rewrites the figure as `<figure data-photo-id><img src alt><figcaption?></figure>`; false when its photo is unknown (it is removed). */
function normalizeFigure(figure: Element, srcOf: (photoId: number) => string | null): boolean {
  const { photoId, alt, caption } = readFigure(figure);
  const src = srcOf(photoId);
  if (!src) {
    remove(figure);
    return false;
  }
  replaceWith(figure, photoFigureHtml({ photoId, alt, caption }, src));
  return true;
}

function normalizeGallery(gallery: Element, srcOf: (photoId: number) => string | null): number {
  const figures = childElements(gallery).filter(isPhotoFigure);
  const kept = figures.flatMap((figure) => {
    const photo = readFigure(figure);
    const src = srcOf(photo.photoId);
    return src ? [photoFigureHtml(photo, src)] : [];
  });
  const strayImages = childElements(gallery).filter((child) => child.name === "img").length;
  const dropped = figures.length - kept.length + strayImages;
  if (kept.length === 0) {
    remove(gallery);
    return dropped;
  }
  const caption = captionOf(gallery);
  replaceWith(gallery, `<figure data-gallery="">${kept.join("")}${caption ? `<figcaption>${escapeText(caption)}</figcaption>` : ""}</figure>`);
  return dropped;
}

function photoFigureHtml(photo: BodyPhoto, src: string): string {
  const caption = photo.caption ? `<figcaption>${escapeText(photo.caption)}</figcaption>` : "";
  return `<figure data-photo-id="${photo.photoId}"><img src="${escapeAttribute(src)}" alt="${escapeAttribute(photo.alt)}">${caption}</figure>`;
}

/** The text of the element's own figcaption (not a nested figure's), whitespace collapsed. */
function captionOf(figure: Element): string {
  const caption = childElements(figure).find((child) => child.name === "figcaption");
  return caption ? textOf(caption).replace(/\s+/g, " ").trim() : "";
}

function textOf(node: ChildNode): string {
  if (isText(node)) return node.data;
  return isTag(node) ? node.children.map(textOf).join("") : "";
}

function childElements(node: Element): Element[] {
  return node.children.filter(isTag);
}

function remove(node: ChildNode): void {
  const siblings = node.parent?.children;
  if (siblings) siblings.splice(siblings.indexOf(node), 1);
  node.parent = null;
}

function replaceWith(node: Element, html: string): void {
  const replacement = parseDocument(html).children;
  const siblings = node.parent?.children;
  if (!siblings) return;
  for (const child of replacement) child.parent = node.parent;
  siblings.splice(siblings.indexOf(node), 1, ...replacement);
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, "&quot;");
}
