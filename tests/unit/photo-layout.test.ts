// How readers' pages frame photos: the thumbnail crop around the focal point, share images as
// absolute addresses, and the 组图 viewer's moves (buttons, keys, swipes).
import { describe, expect, it } from "vitest";
import { absoluteShareImage, focalPosition } from "@/app/_components/photo-layout";
import { keyMove, stepSlide, SWIPE_DISTANCE, swipeStep } from "@/app/_components/gallery-steps";

describe("focalPosition", () => {
  it.each<[{ x: number; y: number }, string]>([
    [{ x: 0.5, y: 0.5 }, "50% 50%"],
    [{ x: 0, y: 1 }, "0% 100%"],
    [{ x: 0.25, y: 0.75 }, "25% 75%"],
    [{ x: 0.3333, y: 0.6667 }, "33.3% 66.7%"],
    [{ x: -0.2, y: 1.4 }, "0% 100%"],
    [{ x: Number.NaN, y: Number.POSITIVE_INFINITY }, "50% 50%"],
  ])("%j → %s", (focal, expected) => {
    expect(focalPosition(focal)).toBe(expected);
  });
});

describe("absoluteShareImage", () => {
  const jpeg = { format: "jpeg", width: 1280, height: 853, bytes: 120_000, url: "/media/ab/cd-1280.jpg" };

  it("puts the site's origin before the file's path and keeps its size and the alt text", () => {
    expect(absoluteShareImage(jpeg, "玫瑰花田", "https://news.example.cn")).toEqual({
      url: "https://news.example.cn/media/ab/cd-1280.jpg",
      width: 1280,
      height: 853,
      alt: "玫瑰花田",
    });
    expect(absoluteShareImage(jpeg, "", "http://127.0.0.1:3100")?.url).toBe("http://127.0.0.1:3100/media/ab/cd-1280.jpg");
  });

  it("is null without an image, so an article without a 题图 names none", () => {
    expect(absoluteShareImage(null, "替代文字", "https://news.example.cn")).toBeNull();
  });
});

describe("the 组图 viewer's moves", () => {
  it.each<[number, number, number, number]>([
    [0, 1, 5, 1],
    [3, 1, 5, 4],
    [4, 1, 5, 0],
    [0, -1, 5, 4],
    [2, -1, 5, 1],
    [0, 1, 1, 0],
    [0, 1, 0, 0],
  ])("from %i by %i among %i → %i", (index, delta, count, expected) => {
    expect(stepSlide(index, delta, count)).toBe(expected);
  });

  it("→ and ← turn with wrap-around, Home and End jump, other keys do nothing", () => {
    expect(keyMove("ArrowRight", 1, 5)).toBe(2);
    expect(keyMove("ArrowRight", 4, 5)).toBe(0);
    expect(keyMove("ArrowLeft", 0, 5)).toBe(4);
    expect(keyMove("Home", 3, 5)).toBe(0);
    expect(keyMove("End", 0, 5)).toBe(4);
    for (const key of ["Enter", " ", "ArrowUp", "ArrowDown", "Tab", "a"]) expect(keyMove(key, 2, 5), key).toBeNull();
  });

  it("a swipe to the left shows the next photo, to the right the previous; taps and vertical scrolls do not turn", () => {
    expect(swipeStep(-SWIPE_DISTANCE, 0)).toBe(1);
    expect(swipeStep(-120, 30)).toBe(1);
    expect(swipeStep(SWIPE_DISTANCE, 0)).toBe(-1);
    expect(swipeStep(90, -20)).toBe(-1);
    expect(swipeStep(-(SWIPE_DISTANCE - 1), 0)).toBe(0);
    expect(swipeStep(5, 3)).toBe(0);
    expect(swipeStep(-60, 200)).toBe(0);
    expect(swipeStep(60, -60)).toBe(0);
  });
});
