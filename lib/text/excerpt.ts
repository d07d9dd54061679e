// CJK-aware excerpts: cut at a sentence end when one is near, never in the middle of a surrogate pair.

const SENTENCE_END = /[。！？!?；;]/u;

/** The first `limit` characters of the text's first paragraph, ending at a sentence boundary if possible. */
export function excerpt(text: string, limit = 120): string {
  const firstParagraph = text.trim().split(/\n+/)[0] ?? "";
  const characters = Array.from(firstParagraph);
  if (characters.length <= limit) return firstParagraph;
  const head = characters.slice(0, limit);
  for (let index = head.length - 1; index >= limit * 0.6; index--) {
    if (SENTENCE_END.test(head[index])) return head.slice(0, index + 1).join("");
  }
  return head.join("") + "…";
}
