// Reads an export file as a stream of validated records: the layout is checked as it goes and every
// record is parsed with its zod schema, so nothing unchecked reaches the database.
import type { Hash } from "node:crypto";
import fs from "node:fs";
import { StringDecoder } from "node:string_decoder";
import type { z } from "zod";
import { JsonScanError, TopLevelScanner, type ScanEvent } from "./json-scan";
import { documentKeys, FORMAT, headerFields, sectionRecords, TransferError, VERSION, type Section, type SectionRecord, type Version } from "./format";

export type ExportEntry = { [S in Section]: { section: S; record: SectionRecord[S] } }[Section];
export type ReadOptions = { hash?: Hash; onBytes?: (bytesRead: number) => void };

const SINGULAR: Record<Section, string> = { channels: "channel", authors: "author", photos: "photo", articles: "article" };

export async function* readExport(file: string, options: ReadOptions = {}): AsyncGenerator<ExportEntry> {
  const scanner = new TopLevelScanner();
  const layout = new LayoutCheck();
  const decoder = new StringDecoder("utf8");
  let bytesRead = 0;
  try {
    for await (const buffer of fs.createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      options.hash?.update(buffer);
      bytesRead += buffer.length;
      for (const event of scanner.feed(decoder.write(buffer))) {
        const entry = layout.accept(event);
        if (entry) yield entry;
      }
      options.onBytes?.(bytesRead);
    }
    scanner.feed(decoder.end());
    scanner.end();
    layout.end();
  } catch (error) {
    throw asTransferError(error);
  }
}

/** Enforces the order of the document's keys (which depends on its version) and validates each value as it arrives. */
class LayoutCheck {
  #next = 0;
  #version: Version = VERSION;
  #keys = documentKeys(VERSION);
  #records = sectionRecords(VERSION);
  #counts: Record<Section, number> = { channels: 0, authors: 0, photos: 0, articles: 0 };

  accept(event: ScanEvent): ExportEntry | null {
    if (event.kind === "item") return this.#item(event.key as Section, event.value);
    const expected = this.#keys[this.#next];
    if (this.#next === 0 && (event.key !== "format" || event.kind !== "field")) throw new TransferError(`not a ${FORMAT} file`);
    if (event.key !== expected) throw new TransferError(expected ? `found "${event.key}" where "${expected}" belongs` : `unexpected key "${event.key}"`);
    this.#next++;
    const isSection = event.kind === "arrayStart";
    if (isSection !== Object.hasOwn(this.#records, event.key)) throw new TransferError(`"${event.key}" ${isSection ? "must not" : "must"} be an array`);
    if (event.kind === "field") this.#field(event.key as keyof typeof headerFields, event.value);
    return null;
  }

  end(): void {
    const missing = this.#keys[this.#next];
    if (missing) throw new TransferError(`the file has no "${missing}"`);
  }

  #field(key: keyof typeof headerFields, value: unknown): void {
    if (!headerFields[key].safeParse(value).success) {
      if (key === "format") throw new TransferError(`not a ${FORMAT} file`);
      if (key === "version") throw new TransferError(`unsupported export version ${JSON.stringify(value)} (this newsdesk reads versions 1 to ${VERSION})`);
      throw new TransferError(`"${key}" is not a valid time`);
    }
    if (key === "version") {
      this.#version = value as Version;
      this.#keys = documentKeys(this.#version);
      this.#records = sectionRecords(this.#version);
    }
  }

  #item(section: Section, value: unknown): ExportEntry {
    const number = ++this.#counts[section];
    const parsed = (this.#records[section] as z.ZodType).safeParse(value);
    if (parsed.success) return { section, record: parsed.data } as ExportEntry;
    const issue = parsed.error.issues[0];
    const id = typeof value === "object" && value !== null && "id" in value ? ` (id ${JSON.stringify(value.id)})` : "";
    const where = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    throw new TransferError(`${SINGULAR[section]} #${number}${id}: ${where}${issue.message}`);
  }
}

/** File-system and syntax errors as one-line messages (the caller names the file). */
function asTransferError(error: unknown): unknown {
  if (error instanceof JsonScanError) return new TransferError(`malformed JSON: ${error.message}`);
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === "ENOENT") return new TransferError("no such file");
  if (code === "EISDIR") return new TransferError("is a folder, not a file");
  if (code) return new TransferError(`cannot read the file (${code})`);
  return error;
}
