// Text normalisation shared by indexing, querying and highlighting: NFKC (full-width → half-width,
// ，→ ,) and lower-case, one code point at a time so every normalised offset maps back to the original.

/** NFKC + lower-case of a whole string. */
export function normalizeText(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

/** The normalised text and, for each of its UTF-16 units, the offset of its source character. */
export function normalizeWithOffsets(text: string): { text: string; sourceOffsets: number[] } {
  let normalized = "";
  const sourceOffsets: number[] = [];
  let offset = 0;
  for (const char of text) {
    const mapped = char.normalize("NFKC").toLowerCase();
    normalized += mapped;
    for (let unit = 0; unit < mapped.length; unit++) sourceOffsets.push(offset);
    offset += char.length;
  }
  sourceOffsets.push(offset);
  return { text: normalized, sourceOffsets };
}
