// Which variants a photo gets, and what a reader's browser picks from them.
import { describe, expect, it } from "vitest";
import { planVariants, planWidths } from "@/lib/media/variants";
import { figureSlotWidth, pickVariant, pictureMarkup } from "@/lib/media/picture";
import { canPhoto, type Role } from "@/lib/auth/permissions";

describe("planWidths", () => {
  it.each<[number, number[]]>([
    [6000, [320, 640, 960, 1280, 1600, 1920]],
    [1920, [320, 640, 960, 1280, 1600, 1920]],
    [1919, [320, 640, 960, 1280, 1600, 1919]],
    [1500, [320, 640, 960, 1280, 1500]],
    [1400, [320, 640, 960, 1280]],
    [1000, [320, 640, 960]],
    [320, [320]],
    [200, [200]],
  ])("%i pixels wide → %j", (width, expected) => {
    expect(planWidths(width)).toEqual(expected);
    expect(Math.max(...expected)).toBeLessThanOrEqual(width);
  });

  it("puts the 1280 JPEG first, then the rest of both formats", () => {
    const plan = planVariants(4000);
    expect(plan[0]).toEqual({ format: "jpeg", width: 1280 });
    expect(plan).toHaveLength(12);
    expect(new Set(plan.map((spec) => `${spec.format}${spec.width}`)).size).toBe(12);
    expect(planVariants(800)[0]).toEqual({ format: "jpeg", width: 800 });
    expect(planVariants(700)[0]).toEqual({ format: "jpeg", width: 640 });
    expect(planVariants(200)[0]).toEqual({ format: "jpeg", width: 200 });
  });
});

describe("picture markup", () => {
  const variant = (format: string, width: number) => ({ format, width, height: Math.round(width * 0.75), bytes: width * 100, url: `/media/f/${format}-${width}` });
  const variants = [1920, 320, 1280, 640, 960, 1600].flatMap((width) => [variant("avif", width), variant("jpeg", width)]);

  it("lists the modern format as a <source> and the JPEG ladder on the <img>, with the largest size as width and height", () => {
    const markup = pictureMarkup(variants)!;
    expect(markup.sources).toEqual([
      {
        type: "image/avif",
        srcSet: "/media/f/avif-320 320w, /media/f/avif-640 640w, /media/f/avif-960 960w, /media/f/avif-1280 1280w, /media/f/avif-1600 1600w, /media/f/avif-1920 1920w",
      },
    ]);
    expect(markup.img).toMatchObject({ src: "/media/f/jpeg-960", width: 1920, height: 1440, sizes: "(min-width: 48rem) 46rem, calc(100vw - 2rem)" });
    expect(markup.img.srcSet.split(", ")).toHaveLength(6);
    expect(pictureMarkup([variant("jpeg", 1280)])).toMatchObject({ sources: [], img: { src: "/media/f/jpeg-1280" } });
    expect(pictureMarkup([])).toBeNull();
  });

  it("picks what a browser would: the narrowest variant at least slot × DPR wide", () => {
    expect(figureSlotWidth(390)).toBe(358);
    expect(figureSlotWidth(1366)).toBe(736);
    expect(pickVariant(variants, "avif", figureSlotWidth(390), 3)!.width).toBe(1280);
    expect(pickVariant(variants, "avif", figureSlotWidth(390), 2)!.width).toBe(960);
    expect(pickVariant(variants, "jpeg", figureSlotWidth(1366), 1)!.width).toBe(960);
    expect(pickVariant(variants, "jpeg", 2000, 2)!.width).toBe(1920);
  });
});

describe("canPhoto", () => {
  const OWN = { uploadedById: 7, useCount: 0 };
  const OWN_USED = { uploadedById: 7, useCount: 2 };
  const OTHER = { uploadedById: 8, useCount: 0 };
  const cases: [Role, Parameters<typeof canPhoto>[1], typeof OWN, boolean][] = [
    ["reporter", "view", OTHER, true],
    ["reporter", "edit", OWN, true],
    ["reporter", "edit", OTHER, false],
    ["reporter", "replace", OWN, true],
    ["reporter", "replace", OWN_USED, false],
    ["reporter", "replace", OTHER, false],
    ["reporter", "delete", OWN, false],
    ["editor", "edit", OTHER, true],
    ["editor", "replace", { ...OTHER, useCount: 3 }, true],
    ["editor", "delete", OTHER, true],
    ["admin", "delete", OWN_USED, true],
  ];
  it.each(cases)("%s · %s · %j → %s", (role, action, photo, expected) => {
    expect(canPhoto({ id: 7, role }, action, photo)).toBe(expected);
  });
});
