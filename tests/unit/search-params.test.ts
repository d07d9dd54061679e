// The reader search URL: every value a reader can type is read or dropped, never an error.
import { describe, expect, it } from "vitest";
import { parseSearchParams } from "@/lib/search/schema";

describe("parseSearchParams", () => {
  it("reads query, channel, Shanghai days and page", () => {
    expect(parseSearchParams({ q: "平阴", channel: "3", from: "2020-03-01", to: "2020-03-02", page: "2" })).toEqual({
      q: "平阴",
      channelId: 3,
      from: new Date("2020-02-29T16:00:00.000Z"),
      to: new Date("2020-03-02T15:59:59.999Z"),
      page: 2,
    });
  });

  it("defaults to an empty query on page 1 with no filters", () => {
    expect(parseSearchParams({})).toEqual({ q: "", channelId: null, from: null, to: null, page: 1 });
  });

  it.each([
    [{ channel: "abc" }, { channelId: null }],
    [{ channel: "-1" }, { channelId: null }],
    [{ from: "2020-02-30" }, { from: null }],
    [{ to: "yesterday" }, { to: null }],
    [{ page: "0" }, { page: 1 }],
    [{ page: "1e9" }, { page: 1 }],
    [{ page: "2.5" }, { page: 1 }],
    [{ q: ["复工", "复产"] }, { q: "复工" }],
  ])("drops what it cannot read: %j", (params, expected) => {
    expect(parseSearchParams(params)).toMatchObject(expected);
  });

  it("cuts the query at 100 characters", () => {
    expect(parseSearchParams({ q: "疫".repeat(300) }).q).toHaveLength(100);
  });
});
