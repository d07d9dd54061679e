// Article body HTML: sanitized on every write with an allowlist, and its derived plain text.
import { render } from "dom-serializer";
import { isTag } from "domhandler";
import { findAll, removeElement } from "domutils";
import { parseDocument } from "htmlparser2";
import sanitizeHtml from "sanitize-html";

const BODY_POLICY: sanitizeHtml.IOptions = {
  allowedTags: ["p", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "blockquote", "ul", "ol", "li", "a", "br", "hr", "figure", "figcaption", "img"],
  // Figures name library photos (lib/articles/body.ts keeps only those and points their images at
  // the library's files); an image's address may only be a path on this site.
  allowedAttributes: { a: ["href", "title", "rel", "target"], figure: ["data-photo-id", "data-gallery"], img: ["src", "alt"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: [] },
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: "noopener noreferrer nofollow", ...(attribs.target ? { target: "_blank" } : {}) },
    }),
  },
};

/** The only way body HTML reaches the database. */
export function sanitizeBodyHtml(html: string): string {
  return dropStrayImages(sanitizeHtml(html, BODY_POLICY).trim());
}

/** An image only stands as the picture of a figure that names a library photo. */
function dropStrayImages(html: string): string {
  if (!html.includes("<img")) return html;
  const document = parseDocument(html);
  for (const image of findAll((element) => element.name === "img", document.children)) {
    const figure = image.parent;
    const inPhotoFigure = figure !== null && isTag(figure) && figure.name === "figure" && /^[1-9]\d*$/.test(figure.attribs["data-photo-id"] ?? "");
    if (!inPhotoFigure) removeElement(image);
  }
  return render(document, { encodeEntities: "utf8" });
}

/** Plain text of body HTML, one paragraph per line, for search, summaries and feeds. */
export function htmlToText(html: string): string {
  const withBreaks = html.replace(/<\/(p|h[1-6]|li|blockquote|figcaption)>|<br\s*\/?>/gi, "\n");
  const text = sanitizeHtml(withBreaks, { allowedTags: [], allowedAttributes: {} });
  return decodeEntities(text)
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .join("\n");
}

/** Paragraphs of plain text as escaped `<p>` elements: markup-looking text stays text. */
export function paragraphsToHtml(paragraphs: string[]): string {
  return paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join("\n");
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&");
}
