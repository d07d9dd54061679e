"use client";
import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useEffect, useState, useSyncExternalStore } from "react";
import type { BodyPhotoHost, PickRequest, PickResult } from "./body-photo-host";
import { toFigurePhoto } from "./photo-files";
import { PhotoFigure } from "./PhotoFigureNode";
import { PhotoGallery } from "./PhotoGalleryNode";
import { PhotoPickerDialog } from "./PhotoPickerDialog";
import { PhotoUploads } from "./photo-uploads";
import { PhotoUpload } from "./PhotoUploadNode";

type Props = {
  html: string;
  onChange: (html: string) => void;
  labelId: string;
  describedBy?: string;
  /** Told whether photos are still uploading into the body (a save now would leave them out). */
  onBusyChange?: (busy: boolean) => void;
};

type OpenPicker = PickRequest & { resolve: (result: PickResult) => void };

/**
 * The 正文 editor: paragraphs, headings, bold/italic, quotes, lists, links, and library photos as
 * figures and 组图 (inserted from the toolbar, pasted or dropped). The server sanitizes.
 */
export function RichTextEditor({ html, onChange, labelId, describedBy, onBusyChange }: Props) {
  const [linkUrl, setLinkUrl] = useState("");
  const [picker, setPicker] = useState<OpenPicker | null>(null);
  const [notices, setNotices] = useState<string[]>([]);
  const [host] = useState<BodyPhotoHost>(() => {
    const uploads = new PhotoUploads("body");
    return {
      uploads,
      nextMarker: () => uploads.nextKey(),
      pickPhotos: (request) => new Promise((resolve) => setPicker({ ...request, resolve })),
      report: (text) => setNotices((current) => [...current, text]),
    };
  });
  const uploading = useSyncExternalStore(
    host.uploads.subscribe,
    () => host.uploads.pendingCount(),
    () => 0,
  );
  useEffect(() => onBusyChange?.(uploading > 0), [uploading, onBusyChange]);

  const editor = useEditor({
    extensions: [
      StarterKit.configure({ heading: { levels: [2, 3] }, link: { openOnClick: false, protocols: ["http", "https", "mailto"] }, underline: false }),
      PhotoFigure,
      PhotoGallery.configure({ host }),
      PhotoUpload.configure({ host }),
    ],
    content: html,
    immediatelyRender: false,
    editorProps: {
      attributes: { "aria-labelledby": labelId, role: "textbox", "aria-multiline": "true", class: "rich-text", ...(describedBy ? { "aria-describedby": describedBy } : {}) },
    },
    onUpdate: ({ editor: current }) => onChange(current.getHTML()),
  });
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current?.isActive("bold") ?? false,
      italic: current?.isActive("italic") ?? false,
      h2: current?.isActive("heading", { level: 2 }) ?? false,
      h3: current?.isActive("heading", { level: 3 }) ?? false,
      quote: current?.isActive("blockquote") ?? false,
      bullet: current?.isActive("bulletList") ?? false,
      ordered: current?.isActive("orderedList") ?? false,
      link: current?.isActive("link") ?? false,
    }),
  });
  if (!editor) return <div className="rich-text rich-text--loading" aria-busy="true" />;
  const chain = () => editor.chain().focus();
  const tool = (label: string, pressed: boolean | undefined, run: () => void) => (
    <button type="button" aria-pressed={pressed} onClick={run} key={label}>
      {label}
    </button>
  );
  function applyLink() {
    const url = linkUrl.trim();
    if (!/^(https?:\/\/|mailto:)/i.test(url)) return;
    chain().extendMarkRange("link").setLink({ href: url }).run();
    setLinkUrl("");
  }
  async function insertPhoto() {
    const { photos, files } = await host.pickPhotos({ title: "插入图片", multiple: false, upload: true });
    if (files.length > 0) chain().insertPhotoUploads(files).run();
    else if (photos.length > 0) chain().insertPhotoFigures(photos.map(toFigurePhoto)).run();
  }
  async function insertGallery() {
    const { photos } = await host.pickPhotos({ title: "插入组图", multiple: true, upload: true });
    if (photos.length > 0) chain().insertPhotoGallery(photos.map(toFigurePhoto)).run();
  }
  return (
    <div className="rich-text-editor">
      <div className="rich-text-toolbar" role="toolbar" aria-label="格式工具">
        {tool("段落", undefined, () => chain().setParagraph().run())}
        {tool("标题", active?.h2, () => chain().toggleHeading({ level: 2 }).run())}
        {tool("小标题", active?.h3, () => chain().toggleHeading({ level: 3 }).run())}
        {tool("加粗", active?.bold, () => chain().toggleBold().run())}
        {tool("斜体", active?.italic, () => chain().toggleItalic().run())}
        {tool("引用", active?.quote, () => chain().toggleBlockquote().run())}
        {tool("列表", active?.bullet, () => chain().toggleBulletList().run())}
        {tool("编号", active?.ordered, () => chain().toggleOrderedList().run())}
        <input type="url" aria-label="链接地址" placeholder="https://…" value={linkUrl} onChange={(event) => setLinkUrl(event.target.value)} />
        {tool("添加链接", undefined, applyLink)}
        {active?.link && tool("取消链接", undefined, () => chain().unsetLink().run())}
        {tool("插入图片", undefined, () => void insertPhoto())}
        {tool("插入组图", undefined, () => void insertGallery())}
      </div>
      <div className="rich-text-notices" aria-live="polite">
        {uploading > 0 && (
          <p className="hint" role="status">
            正在上传 {uploading} 张图片，完成后插入正文…
          </p>
        )}
        {notices.map((text, index) => (
          <p className="form-message error" role="alert" key={index}>
            {text}{" "}
            <button type="button" onClick={() => setNotices((current) => current.filter((_, i) => i !== index))}>
              知道了
            </button>
          </p>
        ))}
      </div>
      <EditorContent editor={editor} />
      {picker && (
        <PhotoPickerDialog
          request={picker}
          onClose={(result) => {
            setPicker(null);
            picker.resolve(result);
          }}
        />
      )}
    </div>
  );
}
