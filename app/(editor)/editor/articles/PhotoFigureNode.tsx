"use client";
import { Node, NodeViewWrapper, ReactNodeViewRenderer, type ReactNodeViewProps } from "@tiptap/react";
import { useId } from "react";
import { blockInsertionPoint, isPhotoFigureElement, photoFigureSpec, placeCursorAfterInsertion, readPhotoFigure } from "./body-photo-host";
import { NodeTextInput } from "./NodeTextInput";
import type { FigurePhoto } from "./photo-files";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    photoFigure: {
      /** Places library photos as figures at the selection. */
      insertPhotoFigures: (photos: FigurePhoto[]) => ReturnType;
    };
  }
}

const attribute = (key: keyof FigurePhoto, fallback: string | number | null) => ({
  default: fallback,
  rendered: false,
  parseHTML: (element: HTMLElement) => readPhotoFigure(element)?.[key] ?? fallback,
});

/**
 * One library photo in the body, stored as `<figure data-photo-id><img src alt><figcaption>`. An atom:
 * its 图说 and 替代文字 are edited in fields of the figure itself, never as loose text, so the
 * stored shape cannot be broken by typing.
 */
export const PhotoFigure = Node.create({
  name: "photoFigure",
  group: "block",
  atom: true,
  selectable: true,
  draggable: true,

  addAttributes() {
    return { photoId: attribute("photoId", null), src: attribute("src", ""), alt: attribute("alt", ""), caption: attribute("caption", "") };
  },

  parseHTML() {
    return [{ tag: "figure[data-photo-id]", getAttrs: (element) => (isPhotoFigureElement(element) ? null : false) }];
  },

  renderHTML({ node }) {
    return photoFigureSpec(node.attrs as FigurePhoto);
  },

  addCommands() {
    return {
      insertPhotoFigures:
        (photos) =>
        ({ commands, dispatch, tr }) => {
          const at = blockInsertionPoint(tr.doc, tr.selection.to);
          if (
            !commands.insertContentAt(
              at,
              photos.map((photo) => ({ type: this.name, attrs: photo })),
            )
          )
            return false;
          if (dispatch) placeCursorAfterInsertion(tr);
          return true;
        },
    };
  },

  addNodeView() {
    return ReactNodeViewRenderer(PhotoFigureView);
  },
});

/** How the editor names a picture that has no 替代文字 yet (the stored alt stays empty). */
export const UNDESCRIBED = "图片（未填图片描述）";

function PhotoFigureView({ node, updateAttributes, deleteNode, selected }: ReactNodeViewProps) {
  const photo = node.attrs as FigurePhoto;
  const altId = useId();
  const lacksAlt = !photo.alt.trim();
  return (
    <NodeViewWrapper className={selected ? "body-photo is-selected" : "body-photo"}>
      <figure className="body-figure">
        <span className="drag-handle" data-drag-handle draggable="true" title="拖动以移动图片" aria-hidden="true">
          ⠿
        </span>
        {photo.src ? <img src={photo.src} alt={photo.alt.trim() || UNDESCRIBED} draggable={false} /> : <p className="figure-missing">这张图片的文件已不在图片库中</p>}
        <NodeTextInput
          className="figure-caption"
          aria-label="图片说明"
          placeholder="图片说明（图说，选填）"
          value={photo.caption}
          maxLength={500}
          onValueChange={(caption) => updateAttributes({ caption })}
        />
        <div className="figure-tools">
          <label htmlFor={altId}>图片描述</label>
          <NodeTextInput
            id={altId}
            placeholder="替代文字：写出图片的内容，供视障读者"
            value={photo.alt}
            maxLength={200}
            className={lacksAlt ? "needs-alt" : undefined}
            aria-describedby={lacksAlt ? `${altId}-hint` : undefined}
            onValueChange={(alt) => updateAttributes({ alt })}
          />
          <button type="button" onClick={deleteNode}>
            删除图片
          </button>
          {lacksAlt && (
            <span className="hint" id={`${altId}-hint`}>
              发布前须填写
            </span>
          )}
        </div>
      </figure>
    </NodeViewWrapper>
  );
}
