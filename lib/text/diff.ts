// Character-level differences, so one changed Chinese character shows as one changed character.
// Paragraphs are aligned first and characters compared only within changed paragraph pairs, with a
// bounded edit length: a rewritten body costs milliseconds, not seconds (Myers is O(length × edits)).
import { diffArrays, diffChars } from "diff";

export type DiffPart = { kind: "equal" | "insert" | "delete"; text: string };

export function characterDiff(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = [];
  const blocks = diffArrays(splitLines(before), splitLines(after));
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index];
    const next = blocks[index + 1];
    if (block.removed && next?.added) {
      pairLines(block.value, next.value, parts);
      index++;
    } else {
      push(parts, block.added ? "insert" : block.removed ? "delete" : "equal", block.value.join(""));
    }
  }
  return parts;
}

export function hasChanges(parts: DiffPart[]): boolean {
  return parts.some((part) => part.kind !== "equal");
}

/** Lines with their line breaks kept, so joining them gives back the text exactly. */
function splitLines(text: string): string[] {
  return text === "" ? [] : text.split(/(?<=\n)/);
}

function pairLines(removed: string[], added: string[], parts: DiffPart[]): void {
  for (let index = 0; index < Math.max(removed.length, added.length); index++) {
    const [from, to] = [removed[index], added[index]];
    if (from === undefined) push(parts, "insert", to);
    else if (to === undefined) push(parts, "delete", from);
    else for (const part of boundedCharacterDiff(from, to)) push(parts, part.kind, part.text);
  }
}

function boundedCharacterDiff(from: string, to: string): DiffPart[] {
  const limit = Math.min(500, Math.max(16, Math.ceil(Math.max(from.length, to.length) / 4)));
  const changes = diffChars(from, to, { maxEditLength: limit });
  if (!changes)
    return [
      { kind: "delete", text: from },
      { kind: "insert", text: to },
    ];
  return changes.map((change) => ({ kind: change.added ? "insert" : change.removed ? "delete" : "equal", text: change.value }));
}

/** Appends a part, merging it into the previous one of the same kind. */
function push(parts: DiffPart[], kind: DiffPart["kind"], text: string): void {
  if (!text) return;
  const last = parts[parts.length - 1];
  if (last?.kind === kind) last.text += text;
  else parts.push({ kind, text });
}
