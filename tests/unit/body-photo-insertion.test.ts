// Where the body editor puts an inserted figure, and where the cursor goes afterwards (pure
// ProseMirror, no browser): figures never leave an empty paragraph behind, and typing continues below.
import { describe, expect, it } from "vitest";
import { Schema, type Node } from "@tiptap/pm/model";
import { EditorState } from "@tiptap/pm/state";
import { blockInsertionPoint, placeCursorAfterInsertion } from "@/app/(editor)/editor/articles/body-photo-host";

const schema = new Schema({
  nodes: {
    doc: { content: "block+" },
    paragraph: { group: "block", content: "text*", toDOM: () => ["p", 0] },
    figure: { group: "block", atom: true, toDOM: () => ["figure"] },
    text: {},
  },
});
const p = (text = "") => schema.nodes.paragraph.create(null, text ? schema.text(text) : null);
const figure = () => schema.nodes.figure.create();
const doc = (...blocks: Node[]) => schema.nodes.doc.create(null, blocks);
const shape = (node: Node) => node.content.content.map((block) => (block.type.name === "figure" ? "[图]" : `<${block.textContent}>`)).join("");

/** Inserts a figure for a cursor at `cursor` as the editor does; answers the blocks and the text after the cursor's block start. */
function insertAt(start: Node, cursor: number) {
  const state = EditorState.create({ doc: start });
  const tr = state.tr.insert(blockInsertionPoint(state.doc, cursor), figure());
  placeCursorAfterInsertion(tr);
  return { blocks: shape(tr.doc), cursorIn: tr.selection.$from.parent.textContent, offset: tr.selection.$from.parentOffset };
}

describe("a figure inserted at the cursor", () => {
  // <p>第一段</p> spans 0..5 (its text 1..4); the text of <p>第二段</p> starts at 6.
  const two = doc(p("第一段"), p("第二段"));
  it.each([
    ["at the end of a paragraph goes after it; the cursor starts the next one", 4, "<第一段>[图]<第二段>", "第二段", 0],
    ["at the start of a paragraph goes before it; the cursor stays in front of its text", 6, "<第一段>[图]<第二段>", "第二段", 0],
    ["in the middle of a paragraph splits it; the cursor starts the second half", 2, "<第>[图]<一段><第二段>", "一段", 0],
  ])("%s", (_case, cursor, blocks, cursorIn, offset) => {
    expect(insertAt(two, cursor)).toEqual({ blocks, cursorIn, offset });
  });

  it("in an empty paragraph goes before it, and the cursor stays in it", () => {
    expect(insertAt(doc(p("正文"), p()), 5)).toEqual({ blocks: "<正文>[图]<>", cursorIn: "", offset: 0 });
  });

  it("after the last paragraph gets a paragraph below it for the cursor", () => {
    expect(insertAt(doc(p("正文")), 3)).toEqual({ blocks: "<正文>[图]<>", cursorIn: "", offset: 0 });
  });
});
