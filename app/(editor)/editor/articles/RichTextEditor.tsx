"use client";
import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useState } from "react";

/** The 正文 editor: paragraphs, headings, bold/italic, quotes, lists and links. The server sanitizes. */
export function RichTextEditor({ html, onChange, labelId, describedBy }: { html: string; onChange: (html: string) => void; labelId: string; describedBy?: string }) {
  const [linkUrl, setLinkUrl] = useState("");
  const editor = useEditor({
    extensions: [StarterKit.configure({ heading: { levels: [2, 3] }, link: { openOnClick: false, protocols: ["http", "https", "mailto"] }, underline: false })],
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
    <button type="button" aria-pressed={pressed} onClick={run} key={label}>{label}</button>
  );
  function applyLink() {
    const url = linkUrl.trim();
    if (!/^(https?:\/\/|mailto:)/i.test(url)) return;
    chain().extendMarkRange("link").setLink({ href: url }).run();
    setLinkUrl("");
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
      </div>
      <EditorContent editor={editor} />
    </div>
  );
}
