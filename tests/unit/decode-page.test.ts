// Encoding detection of legacy page files: BOM, valid UTF-8, else GB18030; binary files refused.
import fs from "node:fs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodePage } from "@/lib/legacy-import/decode-page";
import { parseLegacyPage } from "@/lib/legacy-import/parse-legacy-page";

const FIXTURE = "prisma/demo/jnrb-2020-03-02-pingyin.txt";
const fixtureText = fs.readFileSync(FIXTURE, "utf8");

function decodeOk(bytes: Uint8Array) {
  const result = decodePage(bytes);
  if (!result.ok) throw new Error(`expected text, got: ${result.reason}`);
  return result;
}

describe("decodePage detects the encoding", () => {
  it("UTF-8 without a BOM", () => {
    expect(decodeOk(Buffer.from(fixtureText, "utf8"))).toEqual({ ok: true, text: fixtureText, encoding: "utf-8" });
  });

  it("UTF-8 with a BOM, which is removed", () => {
    expect(decodeOk(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(fixtureText)]))).toEqual({ ok: true, text: fixtureText, encoding: "utf-8" });
  });

  it("GB18030 bytes of the founding page decode to the same text and parse to the same page", () => {
    const bytes = iconv.encode(fixtureText, "gb18030");
    expect(bytes.equals(Buffer.from(fixtureText))).toBe(false);
    const decoded = decodeOk(bytes);
    expect(decoded).toEqual({ ok: true, text: fixtureText, encoding: "gb18030" });
    expect(parseLegacyPage(decoded.text)).toEqual(parseLegacyPage(fixtureText));
  });

  it("GBK bytes (the older subset) decode as GB18030", () => {
    const text = "平阴新闻,新鲜有料。\r\n济南日报 2020-03-02 11:09 大字\r\n";
    expect(decodeOk(iconv.encode(text, "gbk"))).toMatchObject({ text, encoding: "gb18030" });
  });

  it("four-byte GB18030 characters (rare name characters outside GBK) survive", () => {
    const text = "生僻字:𠀀䶮堃喆,欧元符号€。";
    const bytes = iconv.encode(text, "gb18030");
    expect(iconv.encode("𠀀", "gb18030")).toHaveLength(4);
    expect(decodeOk(bytes).text).toBe(text);
  });

  it("the committed GB18030 sample page is not UTF-8 and decodes to a page", () => {
    const bytes = fs.readFileSync("tests/fixtures/legacy/shanghe-2020-05-20-gb18030.txt");
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    const decoded = decodeOk(bytes);
    expect(decoded.encoding).toBe("gb18030");
    expect(decoded.text).toContain("商河县“鼓子秧歌”进校园");
    expect(decoded.text).toContain("𠀀䶮堃喆");
  });

  it("UTF-16 with a BOM (Windows Notepad's 'Unicode')", () => {
    const little = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fixtureText, "utf16le")]);
    expect(decodeOk(little)).toEqual({ ok: true, text: fixtureText, encoding: "utf-16le" });
    const big = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(fixtureText, "utf-16be")]);
    expect(decodeOk(big)).toEqual({ ok: true, text: fixtureText, encoding: "utf-16be" });
  });

  it("plain ASCII is UTF-8", () => {
    expect(decodeOk(Buffer.from("Title\n2020-03-02 11:09\nBody.\n"))).toMatchObject({ encoding: "utf-8" });
  });

  it("keeps CRLF line endings for the parser, which reads both", () => {
    const crlf = fixtureText.replace(/\n/g, "\r\n");
    const decoded = decodeOk(iconv.encode(crlf, "gb18030"));
    expect(decoded.text).toBe(crlf);
    expect(parseLegacyPage(decoded.text)).toEqual(parseLegacyPage(fixtureText));
  });

  it("drops a stray control character such as a DOS end-of-file mark", () => {
    expect(decodeOk(Buffer.from(`${fixtureText}\x1a`)).text).toBe(fixtureText);
  });

  it("tolerates a GB18030 page cut in the middle of its last character", () => {
    const bytes = iconv.encode(fixtureText, "gb18030");
    const decoded = decodeOk(bytes.subarray(0, bytes.length - 1));
    expect(decoded.encoding).toBe("gb18030");
    expect(decoded.text.startsWith(fixtureText.slice(0, -1))).toBe(true);
  });
});

describe("decodePage refuses what is not text", () => {
  it.each([
    ["an empty file", Buffer.alloc(0), /empty/],
    ["a PNG image", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]), /binary/],
    ["a ZIP archive", Buffer.concat([Buffer.from("PK\x03\x04\x14\x00\x00\x00\x08\x00", "latin1"), Buffer.alloc(64, 7)]), /binary/],
    ["control characters without NUL bytes", Buffer.from(Array.from({ length: 400 }, (_, index) => 1 + (index % 8))), /binary/],
    ["bytes that are neither UTF-8 nor GB18030", Buffer.from(Array.from({ length: 400 }, (_, index) => (index % 2 === 0 ? 0xff : 0x80))), /binary/],
  ])("%s", (_label, bytes, reason) => {
    expect(decodePage(bytes)).toEqual({ ok: false, reason: expect.stringMatching(reason) });
  });
});
