// Images that arrive in the body by paste or drop. Only bytes the browser already holds can become
// library photos: clipboard files and `data:` images inside pasted HTML (Word, WeChat, web pages).
// An image that points elsewhere (http(s), file:, blob:) cannot be brought in — the server has no
// internet, and file: paths are the sender's disk — so it is left out and the editor is told.

const DATA_IMAGE = /^data:image\/(png|jpe?g|gif|webp|avif)(;[a-z-]+=[^;,]*)*;base64,/i;
const EXTENSIONS: Record<string, string> = { png: "png", jpeg: "jpg", jpg: "jpg", gif: "gif", webp: "webp", avif: "avif" };

/** A photo figure of this editor (copied within the body): its image is a library photo already. */
const OWN_FIGURE = "figure[data-photo-id], figure[data-gallery]";

/** A `data:` image in a format the library takes, as a file named `${name}.${ext}`; null when it is not one or cannot be decoded. */
export function dataUrlToFile(src: string, name: string): File | null {
  const match = DATA_IMAGE.exec(src.trim());
  if (!match) return null;
  const base64 = src.trim().slice(match[0].length).replace(/\s+/g, "");
  if (!base64 || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return null;
  try {
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const subtype = match[1].toLowerCase();
    return new File([bytes], `${name}.${EXTENSIONS[subtype]}`, { type: `image/${subtype === "jpg" ? "jpeg" : subtype}` });
  } catch {
    return null;
  }
}

/** The image files among dropped or pasted files. */
export function imageFilesOf(files: FileList | readonly File[] | null | undefined): File[] {
  return Array.from(files ?? []).filter((file) => file.type.startsWith("image/"));
}

/** What the editor is told about images left out. */
export function refusedImagesMessage(count: number): string {
  return `${count} 张图片无法导入：请先下载图片再上传`;
}

export type PastedImages = { html: string; files: { marker: string; file: File }[]; refused: number };

/**
 * Pasted HTML with each importable image replaced by an upload placeholder element
 * (`<figure data-photo-upload="marker">`) and every other image removed and counted. Images inside
 * this editor's own figures are kept as they are. Runs in the browser (DOMParser).
 */
export function takePastedImages(html: string, nextMarker: () => string): PastedImages {
  if (!/<img\b/i.test(html)) return { html, files: [], refused: 0 };
  const doc = new DOMParser().parseFromString(html, "text/html");
  const files: PastedImages["files"] = [];
  let refused = 0;
  for (const image of Array.from(doc.body.querySelectorAll("img"))) {
    if (image.closest(OWN_FIGURE)) continue;
    const file = dataUrlToFile(image.getAttribute("src") ?? "", `粘贴的图片-${files.length + 1}`);
    if (!file) {
      refused += 1;
      image.remove();
      continue;
    }
    const marker = nextMarker();
    files.push({ marker, file });
    const placeholder = doc.createElement("figure");
    placeholder.setAttribute("data-photo-upload", marker);
    image.replaceWith(placeholder);
  }
  return { html: doc.body.innerHTML, files, refused };
}
