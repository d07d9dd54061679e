// Streams a JSON document whose top level is an object without holding it whole: scalar and object
// fields arrive whole, top-level arrays one element at a time. Memory stays near one element.
import { Capture, StringState } from "./json-capture";

export type ScanEvent = { kind: "field"; key: string; value: unknown } | { kind: "arrayStart"; key: string } | { kind: "item"; key: string; value: unknown };

export class JsonScanError extends Error {}

type Mode = "start" | "key" | "valueStart" | "value" | "item" | "afterArray" | "end";

const WHITESPACE = new Set([" ", "\t", "\n", "\r"]);

export class TopLevelScanner {
  #mode: Mode = "start";
  #depth = 0;
  #string = new StringState();
  #capture = new Capture();
  #key = "";
  #fields = 0;
  #items = 0;
  #offset = 0;
  #chunk = "";
  #events: ScanEvent[] = [];

  /** Consumes the next piece of text and returns the events it completed. */
  feed(chunk: string): ScanEvent[] {
    this.#chunk = chunk;
    this.#events = [];
    // Most of an export is text inside strings, which skip() jumps over.
    for (let index = this.#string.skip(chunk, 0); index >= 0 && index < chunk.length; index = this.#string.skip(chunk, index + 1)) {
      this.#step(chunk[index], index);
    }
    this.#capture.carry(chunk);
    this.#offset += chunk.length;
    return this.#events;
  }

  /** Throws unless the document ended cleanly (a truncated file fails here). */
  end(): void {
    if (this.#mode !== "end" || this.#string.inside) throw new JsonScanError("unexpected end of file (is it truncated?)");
  }

  #step(char: string, index: number): void {
    if (this.#string.inside) return this.#string.step(char);
    if (char === '"') this.#string.inside = true;
    this.#modes[this.#mode](char, index);
  }

  readonly #modes: Record<Mode, (char: string, index: number) => void> = {
    start: (char, index) => this.#start(char, index),
    key: (char, index) => this.#keyChar(char, index),
    valueStart: (char, index) => this.#valueStart(char, index),
    value: (char, index) => this.#valueChar(char, index),
    item: (char, index) => this.#itemChar(char, index),
    afterArray: (char, index) => this.#afterArray(char, index),
    end: (char, index) => void (WHITESPACE.has(char) || this.#fail(index, "unexpected content after the end of the document")),
  };

  #start(char: string, index: number): void {
    if (WHITESPACE.has(char) || (char === "\uFEFF" && this.#offset + index === 0)) return;
    if (char !== "{") this.#fail(index, "the document is not a JSON object");
    this.#enter("key", index + 1, 1);
  }

  #keyChar(char: string, index: number): void {
    if (this.#string.inside || char === '"' || WHITESPACE.has(char)) return;
    const text = char === ":" || char === "}" ? this.#take(index).trim() : null;
    if (char === "}" && text === "" && this.#fields === 0) return this.#enter("end", -1, 0);
    if (char !== ":" || !text) return this.#fail(index, "expected a property name");
    const key = this.#parse(text, index);
    if (typeof key !== "string") return this.#fail(index, "expected a property name");
    this.#key = key;
    this.#fields++;
    this.#mode = "valueStart";
  }

  #valueStart(char: string, index: number): void {
    if (WHITESPACE.has(char)) return;
    if (char === "[") {
      this.#items = 0;
      this.#events.push({ kind: "arrayStart", key: this.#key });
      return this.#enter("item", index + 1, 2);
    }
    this.#enter("value", index);
    if (!this.#string.inside) this.#valueChar(char, index);
  }

  #valueChar(char: string, index: number): void {
    if (this.#string.inside || char === '"') return;
    if (char === "{" || char === "[") this.#depth++;
    else if ((char === "}" || char === "]") && this.#depth > 1) this.#depth--;
    else if (this.#depth === 1 && (char === "," || char === "}")) {
      this.#events.push({ kind: "field", key: this.#key, value: this.#parse(this.#take(index), index) });
      if (char === "}") return this.#enter("end", -1, 0);
      this.#enter("key", index + 1);
    } else if (this.#depth === 1 && (char === "]" || char === ":")) this.#fail(index, `unexpected "${char}"`);
  }

  #itemChar(char: string, index: number): void {
    if (this.#string.inside || char === '"') return;
    if (char === "{" || char === "[") return void this.#depth++;
    if ((char === "}" || char === "]") && this.#depth > 2) return void this.#depth--;
    if (this.#depth !== 2 || (char !== "," && char !== "]" && char !== "}")) return;
    if (char === "}") return this.#fail(index, 'unexpected "}" in an array');
    const text = this.#take(index).trim();
    if (text === "" && (char === "," || this.#items > 0)) return this.#fail(index, "empty array element");
    if (text !== "") {
      this.#items++;
      this.#events.push({ kind: "item", key: this.#key, value: this.#parse(text, index) });
    }
    if (char === "]") return this.#enter("afterArray", -1, 1);
    this.#capture.begin(index + 1);
  }

  #afterArray(char: string, index: number): void {
    if (WHITESPACE.has(char)) return;
    if (char === "}") return this.#enter("end", -1, 0);
    if (char !== ",") return this.#fail(index, `unexpected "${char}" after an array`);
    this.#enter("key", index + 1);
  }

  /** Switches mode, optionally starting a capture at `from` in the current chunk. */
  #enter(mode: Mode, from = -1, depth = this.#depth): void {
    this.#mode = mode;
    this.#depth = depth;
    if (from >= 0) this.#capture.begin(from);
  }

  #take(index: number): string {
    return this.#capture.take(this.#chunk, index);
  }

  #parse(text: string, index: number): unknown {
    try {
      return JSON.parse(text);
    } catch {
      return this.#fail(index, "malformed JSON value");
    }
  }

  #fail(index: number, reason: string): never {
    throw new JsonScanError(`${reason} near character ${this.#offset + index + 1}`);
  }
}
