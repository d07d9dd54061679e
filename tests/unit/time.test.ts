import { describe, expect, it } from "vitest";
import { formatShanghai, formatShanghaiDate, parseShanghai, toShanghaiIso } from "@/lib/text/time";

describe("formatShanghai / toShanghaiIso", () => {
  it.each([
    ["2020-03-02T03:09:00Z", "2020-03-02 11:09", "2020-03-02", "2020-03-02T11:09:00+08:00"],
    ["2020-03-02T15:59:59Z", "2020-03-02 23:59", "2020-03-02", "2020-03-02T23:59:59+08:00"],
    ["2020-03-02T16:00:00Z", "2020-03-03 00:00", "2020-03-03", "2020-03-03T00:00:00+08:00"],
    ["2020-12-31T16:30:00Z", "2021-01-01 00:30", "2021-01-01", "2021-01-01T00:30:00+08:00"],
    ["2020-02-28T20:00:00Z", "2020-02-29 04:00", "2020-02-29", "2020-02-29T04:00:00+08:00"],
    // No daylight saving in Shanghai: a US/EU DST switch date shows the same +8 shift.
    ["2021-03-28T01:30:00Z", "2021-03-28 09:30", "2021-03-28", "2021-03-28T09:30:00+08:00"],
  ])("%s shows as %s", (iso, shown, day, withOffset) => {
    const date = new Date(iso);
    expect(formatShanghai(date)).toBe(shown);
    expect(formatShanghaiDate(date)).toBe(day);
    expect(toShanghaiIso(date)).toBe(withOffset);
  });

  it("the +08:00 ISO string denotes the same instant", () => {
    const date = new Date("2020-03-02T03:09:27Z");
    expect(new Date(toShanghaiIso(date)).getTime()).toBe(date.getTime());
  });

  it("does not depend on the process time zone", () => {
    // formatting uses UTC arithmetic only; the result for a fixed instant must be fixed
    expect(formatShanghai(new Date(Date.UTC(2020, 2, 2, 3, 9)))).toBe("2020-03-02 11:09");
  });
});

describe("parseShanghai", () => {
  it.each([
    ["2020-03-02 11:09", "2020-03-02T03:09:00.000Z"],
    ["2020-03-02T11:09", "2020-03-02T03:09:00.000Z"],
    ["2020-03-02 11:09:30", "2020-03-02T03:09:30.000Z"],
    ["  2020-03-02 11:09  ", "2020-03-02T03:09:00.000Z"],
    ["2020-03-03 00:00", "2020-03-02T16:00:00.000Z"],
    ["2020-03-03 07:59", "2020-03-02T23:59:00.000Z"],
    ["2021-01-01 00:30", "2020-12-31T16:30:00.000Z"],
    ["2020-02-29 12:00", "2020-02-29T04:00:00.000Z"],
  ])("%s (Shanghai) is %s", (text, iso) => {
    expect(parseShanghai(text)?.toISOString()).toBe(iso);
  });

  it.each([
    "2020-02-30 11:09",
    "2021-02-29 11:09",
    "2020-13-01 00:00",
    "2020-00-10 00:00",
    "2020-04-31 08:00",
    "2020-03-02 24:00",
    "2020-03-02 11:60",
    "2020-03-02 11:09:60",
    "2020-3-2 11:09",
    "2020/03/02 11:09",
    "2020-03-02",
    "11:09",
    "",
    "yesterday",
    "2020-03-02 11:09 +08:00",
  ])("%j is not a real time → null", (text) => {
    expect(parseShanghai(text)).toBeNull();
  });

  it.each(["2020-03-02T03:09:00Z", "2020-03-02T15:59:00Z", "2020-03-02T16:00:00Z", "2020-12-31T16:00:00Z", "2024-02-28T17:45:00Z"])("round trip format → parse keeps %s", (iso) => {
    const date = new Date(iso);
    expect(parseShanghai(formatShanghai(date))?.getTime()).toBe(date.getTime());
    expect(parseShanghai(toShanghaiIso(date).slice(0, 19))?.getTime()).toBe(date.getTime());
  });
});
