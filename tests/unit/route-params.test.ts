import { describe, expect, it } from "vitest";
import { parsePageParam } from "@/app/_components/Pagination";
import { parseIdParam } from "@/app/_components/params";

describe("parsePageParam (?page=)", () => {
  it("no page parameter means page 1", () => {
    expect(parsePageParam(undefined)).toBe(1);
  });

  it.each([
    ["1", 1],
    ["2", 2],
    ["45", 45],
    ["999999", 999999],
  ])("%j → %i", (value, page) => {
    expect(parsePageParam(value)).toBe(page);
  });

  it.each([
    ["0"],
    ["-1"],
    ["abc"],
    ["1e3"],
    ["1.5"],
    ["01"],
    [" 2"],
    ["2 "],
    ["+2"],
    ["0x10"],
    [""],
    ["Infinity"],
    ["NaN"],
    ["9999999"],
    ["99999999999999999999"],
    [["1", "2"]],
    [[]],
  ])("rejects %j", (value) => {
    expect(parsePageParam(value as string | string[])).toBeNull();
  });
});

describe("parseIdParam (/articles/[id], /authors/[id])", () => {
  it.each([
    ["1", 1],
    ["42", 42],
    ["2147483647", 2147483647],
  ])("%j → %i", (value, id) => {
    expect(parseIdParam(value)).toBe(id);
  });

  it.each(["0", "-1", "abc", "1e3", "1.0", "01", " 1", "1 ", "+1", "0x1", "", "2147483648", "9999999999", "99999999999999999999", "12abc"])("rejects %j", (value) => {
    expect(parseIdParam(value)).toBeNull();
  });
});
