// Character-level differences, so one changed Chinese character shows as one changed character.
import { diffChars } from "diff";

export type DiffPart = { kind: "equal" | "insert" | "delete"; text: string };

export function characterDiff(before: string, after: string): DiffPart[] {
  return diffChars(before, after).map((change) => ({
    kind: change.added ? "insert" : change.removed ? "delete" : "equal",
    text: change.value,
  }));
}

export function hasChanges(parts: DiffPart[]): boolean {
  return parts.some((part) => part.kind !== "equal");
}
