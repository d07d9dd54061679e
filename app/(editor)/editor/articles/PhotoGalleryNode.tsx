"use client";
import { Node, NodeViewWrapper, ReactNodeViewRenderer, type ReactNodeViewProps } from "@tiptap/react";
import { useId } from "react";
import { blockInsertionPoint, galleryFigureSpec, placeCursorAfterInsertion, readCaption, readGalleryItems, type BodyPhotoHost } from "./body-photo-host";
import { NodeTextInput } from "./NodeTextInput";
import { UNDESCRIBED } from "./PhotoFigureNode";
import { toFigurePhoto, type FigurePhoto } from "./photo-files";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    photoGallery: {
      /** Places a 组图 of library photos at the selection. */
      insertPhotoGallery: (items: FigurePhoto[], caption?: string) => ReturnType;
    };
  }
}

type GalleryAttributes = { items: FigurePhoto[]; caption: string };

/**
 * A 组图 in the body, stored as `<figure data-gallery="">` holding photo figures (each with its
 * 分说明) and the 总说明. An atom edited through its own fields: add, remove and reorder photos.
 */
export const PhotoGallery = Node.create<{ host: BodyPhotoHost | null }>({
  name: "photoGallery",
  group: "block",
  atom: true,
  selectable: true,
  draggable: true,

  addOptions() {
    return { host: null };
  },

  addAttributes() {
    return {
      items: { default: [], rendered: false, parseHTML: (element: HTMLElement) => readGalleryItems(element) },
      caption: { default: "", rendered: false, parseHTML: (element: HTMLElement) => readCaption(element) },
    };
  },

  parseHTML() {
    // A 组图 of no library photo is no 组图: the server drops it too.
    return [{ tag: "figure[data-gallery]", getAttrs: (element) => (readGalleryItems(element).length > 0 ? null : false) }];
  },

  renderHTML({ node }) {
    const { items, caption } = node.attrs as GalleryAttributes;
    return galleryFigureSpec(items, caption);
  },

  addCommands() {
    return {
      insertPhotoGallery:
        (items, caption = "") =>
        ({ commands, dispatch, tr }) => {
          if (items.length === 0) return false;
          if (!commands.insertContentAt(blockInsertionPoint(tr.doc, tr.selection.to), { type: this.name, attrs: { items, caption } })) return false;
          if (dispatch) placeCursorAfterInsertion(tr);
          return true;
        },
    };
  },

  addNodeView() {
    return ReactNodeViewRenderer(PhotoGalleryView);
  },
});

function PhotoGalleryView({ node, updateAttributes, deleteNode, selected, extension }: ReactNodeViewProps) {
  const { items, caption } = node.attrs as GalleryAttributes;
  const host = (extension.options as { host: BodyPhotoHost | null }).host;
  const id = useId();
  const setItems = (next: FigurePhoto[]) => (next.length > 0 ? updateAttributes({ items: next }) : deleteNode());
  const patch = (index: number, change: Partial<FigurePhoto>) => setItems(items.map((item, i) => (i === index ? { ...item, ...change } : item)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...items];
    [next[index], next[index + by]] = [next[index + by], next[index]];
    setItems(next);
  };

  async function addPhotos() {
    if (!host) return;
    const { photos } = await host.pickPhotos({ title: "添加到组图", multiple: true, upload: true });
    if (photos.length > 0) setItems([...items, ...photos.map(toFigurePhoto)]);
  }

  return (
    <NodeViewWrapper className={selected ? "body-photo is-selected" : "body-photo"}>
      <figure className="body-gallery" role="group" aria-labelledby={`${id}-title`}>
        <div className="gallery-head">
          <span className="drag-handle" data-drag-handle draggable="true" title="拖动以移动组图" aria-hidden="true">
            ⠿
          </span>
          <strong id={`${id}-title`}>组图（{items.length} 张）</strong>
          <button type="button" onClick={addPhotos}>
            添加图片
          </button>
          <button type="button" onClick={deleteNode}>
            删除组图
          </button>
        </div>
        <ol className="gallery-items">
          {items.map((item, index) => {
            const n = index + 1;
            return (
              <li key={`${item.photoId}-${index}`} className="gallery-item">
                {item.src ? <img src={item.src} alt={item.alt.trim() || UNDESCRIBED} draggable={false} /> : <p className="figure-missing">文件已不在图片库中</p>}
                <div className="gallery-item-fields">
                  <NodeTextInput
                    aria-label={`第 ${n} 张的分说明`}
                    placeholder="分说明（选填）"
                    value={item.caption}
                    maxLength={500}
                    onValueChange={(text) => patch(index, { caption: text })}
                  />
                  <NodeTextInput
                    aria-label={`第 ${n} 张的图片描述`}
                    placeholder="图片描述（发布前须填写）"
                    value={item.alt}
                    maxLength={200}
                    className={item.alt.trim() ? undefined : "needs-alt"}
                    onValueChange={(text) => patch(index, { alt: text })}
                  />
                  <div className="row-actions">
                    <button type="button" aria-label={`上移第 ${n} 张`} disabled={index === 0} onClick={() => move(index, -1)}>
                      上移
                    </button>
                    <button type="button" aria-label={`下移第 ${n} 张`} disabled={index === items.length - 1} onClick={() => move(index, 1)}>
                      下移
                    </button>
                    <button type="button" aria-label={`移除第 ${n} 张`} onClick={() => setItems(items.filter((_, i) => i !== index))}>
                      移除
                    </button>
                  </div>
                </div>
              </li>
            );
          })}
        </ol>
        <NodeTextInput
          className="figure-caption"
          aria-label="总说明"
          placeholder="总说明（组图的说明，选填）"
          value={caption}
          maxLength={500}
          onValueChange={(text) => updateAttributes({ caption: text })}
        />
      </figure>
    </NodeViewWrapper>
  );
}
