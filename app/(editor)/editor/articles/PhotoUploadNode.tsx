"use client";
import { Node, NodeViewWrapper, ReactNodeViewRenderer, type Editor, type ReactNodeViewProps } from "@tiptap/react";
import type { Slice } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { useSyncExternalStore } from "react";
import type { PhotoDto } from "@/lib/media/dto";
import { blockInsertionPoint, placeCursorAfterInsertion, type BodyPhotoHost } from "./body-photo-host";
import { imageFilesOf, refusedImagesMessage, takePastedImages, type PastedImages } from "./pasted-images";
import { toFigurePhoto } from "./photo-files";
import { uploadPercent, uploadStateText } from "./photo-uploads";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    photoUpload: {
      /** Uploads the files to the library, each shown where it will go until it becomes a figure. */
      insertPhotoUploads: (files: File[], position?: number) => ReturnType;
    };
  }
}

type Options = { host: BodyPhotoHost | null };

/**
 * A photo on its way to the library: its progress where the figure will stand, then the figure.
 * Never stored: it is written as an empty paragraph, which a save keeps as nothing of note.
 * Also receives images that are pasted or dropped into the body.
 */
export const PhotoUpload = Node.create<Options>({
  name: "photoUpload",
  group: "block",
  atom: true,
  selectable: false,

  addOptions() {
    return { host: null };
  },

  addAttributes() {
    return { marker: { default: "", rendered: false, parseHTML: (element: HTMLElement) => element.getAttribute("data-photo-upload") ?? "" } };
  },

  parseHTML() {
    // Only placeholders made from pasted HTML in this session (takePastedImages) carry the attribute.
    return [{ tag: "figure[data-photo-upload]" }];
  },

  renderHTML() {
    return ["p"];
  },

  addCommands() {
    return {
      insertPhotoUploads:
        (files, position) =>
        ({ commands, dispatch, tr }) => {
          const host = this.options.host;
          if (!host || files.length === 0) return false;
          if (!dispatch) return true;
          const entries = files.map((file) => ({ marker: host.nextMarker(), file }));
          const at = blockInsertionPoint(tr.doc, position ?? tr.selection.to);
          if (
            !commands.insertContentAt(
              at,
              entries.map(({ marker }) => ({ type: this.name, attrs: { marker } })),
            )
          )
            return false;
          placeCursorAfterInsertion(tr);
          // Each upload answers long after this transaction is applied, and finds its placeholder then.
          startUploads(this.editor, host, entries);
          return true;
        },
    };
  },

  addNodeView() {
    return ReactNodeViewRenderer(PhotoUploadView);
  },

  addProseMirrorPlugins() {
    const host = this.options.host;
    const editor = this.editor;
    if (!host) return [];
    // What the last pasted or dropped HTML held, until its paste or drop handler decides.
    let pasted: PastedImages | null = null;
    const take = () => {
      const taken = pasted;
      pasted = null;
      return taken;
    };
    const receive = (slice: Slice, files: FileList | null | undefined, taken: PastedImages | null, position: number) => {
      const images = imageFilesOf(files);
      const hasText = slice.content.textBetween(0, slice.content.size, " ").trim().length > 0;
      let ownFigures = false;
      slice.content.descendants((node) => {
        if (node.type.name === "photoFigure" || node.type.name === "photoGallery") ownFigures = true;
        return !ownFigures;
      });
      // A picture copied alone (a screenshot, an image from a web page) arrives as a file, often
      // with HTML that only points at it: the file is what can be uploaded.
      if (images.length > 0 && !hasText && !ownFigures) {
        editor.commands.insertPhotoUploads(images, position);
        return true;
      }
      if (files && files.length > 0 && images.length === 0 && slice.size === 0) {
        host.report("只能插入图片文件（JPEG、PNG、WebP、GIF 或 AVIF）");
        return true;
      }
      if (taken) {
        // The slice with its placeholders is inserted right after this handler: start their uploads then.
        queueMicrotask(() => startUploads(editor, host, taken.files));
        if (taken.refused > 0) host.report(refusedImagesMessage(taken.refused));
      }
      return false;
    };
    return [
      new Plugin({
        key: new PluginKey("photoUploadPaste"),
        props: {
          transformPastedHTML: (html) => {
            pasted = takePastedImages(html, host.nextMarker);
            return pasted.html;
          },
          handlePaste: (view, event, slice) => receive(slice, event.clipboardData?.files, take(), view.state.selection.from),
          handleDrop: (view, event, slice, moved) => {
            const taken = take();
            if (moved) return false;
            const position = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos ?? view.state.selection.from;
            const handled = receive(slice, event.dataTransfer?.files, taken, position);
            if (handled) event.preventDefault();
            return handled;
          },
        },
      }),
    ];
  },
});

function startUploads(editor: Editor, host: BodyPhotoHost, entries: { marker: string; file: File }[]): void {
  for (const { marker, file } of entries) {
    host.uploads.add(
      file,
      (item) => {
        if (item.state === "done" && item.photo) replacePlaceholder(editor, marker, item.photo);
      },
      marker,
    );
  }
}

/** The placeholder becomes the photo's figure; when it was deleted meanwhile, the photo just stays in the library. */
function replacePlaceholder(editor: Editor, marker: string, photo: PhotoDto): void {
  if (editor.isDestroyed) return;
  const { state } = editor;
  let found: number | null = null;
  state.doc.descendants((node, position) => {
    if (found !== null) return false;
    if (node.type.name === "photoUpload" && node.attrs.marker === marker) found = position;
    return found === null;
  });
  if (found === null) return;
  const figure = state.schema.nodes.photoFigure.create(toFigurePhoto(photo));
  editor.view.dispatch(state.tr.replaceWith(found, found + 1, figure));
}

function PhotoUploadView({ node, deleteNode, extension }: ReactNodeViewProps) {
  const host = (extension.options as Options).host;
  const marker = String(node.attrs.marker);
  const item = useSyncExternalStore(
    host?.uploads.subscribe ?? noSubscription,
    () => host?.uploads.get(marker),
    () => undefined,
  );
  const name = item?.name ?? "图片";
  return (
    <NodeViewWrapper className="body-upload">
      <span className="upload-name">{name}</span>
      {item ? (
        <>
          <progress max={100} value={item.state === "failed" ? 0 : uploadPercent(item)} aria-label={`${name} 上传进度`} />
          <span className="upload-state">{uploadStateText(item)}</span>
        </>
      ) : (
        <span className="upload-state">没有上传</span>
      )}
      {item?.state === "failed" && <span className="field-error">{item.error}</span>}
      {(!item || item.state === "failed") && (
        <button type="button" onClick={deleteNode} aria-label={`移除 ${name}`}>
          移除
        </button>
      )}
    </NodeViewWrapper>
  );
}

function noSubscription(): () => void {
  return () => undefined;
}
