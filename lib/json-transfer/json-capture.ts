// Low-level text state of the streaming JSON scanner: where strings are, and text captured across chunks.

const STRING_STOP = /["\\]/g;

/** Whether the scanner is inside a string literal, with its escape state. */
export class StringState {
  inside = false;
  #escaped = false;

  /** The next index worth a look: inside a string, the next quote or backslash (-1: none in this chunk). */
  skip(chunk: string, index: number): number {
    if (!this.inside || this.#escaped) return index;
    STRING_STOP.lastIndex = index;
    return STRING_STOP.test(chunk) ? STRING_STOP.lastIndex - 1 : -1;
  }

  /** Tracks one character inside a string. */
  step(char: string): void {
    if (this.#escaped) this.#escaped = false;
    else if (char === "\\") this.#escaped = true;
    else if (char === '"') this.inside = false;
  }
}

export class Capture {
  #pieces: string[] = [];
  #from = -1;

  begin(from: number): void {
    this.#pieces = [];
    this.#from = from;
  }

  /** Ends the capture at `until` (exclusive) in the current chunk and returns its text. */
  take(chunk: string, until: number): string {
    const text = this.#pieces.join("") + chunk.slice(this.#from, until);
    this.#pieces = [];
    this.#from = -1;
    return text;
  }

  /** At the end of a chunk: keeps the captured tail, to continue at the start of the next. */
  carry(chunk: string): void {
    if (this.#from < 0) return;
    this.#pieces.push(chunk.slice(this.#from));
    this.#from = 0;
  }
}
