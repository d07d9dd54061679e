// Uploading photos through lib/media with real sharp on generated images: only real images are
// accepted (type from the bytes), bombs and damaged files are refused before anything is stored,
// public variants carry no metadata, are upright, never wider than the original, and are named by
// their content.
import { beforeAll, describe, expect, it } from "vitest";
import sharp from "sharp";
import { prisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer";
import { ImageRejectedError } from "@/lib/media/errors";
import { textOf } from "@/lib/messages/catalog";
import { getPhoto } from "@/lib/media/read";
import { createPhoto } from "@/lib/media/upload";
import { waitForImageWork } from "@/lib/media/work-queue";
import { rebuildPhotoVariants } from "@/lib/media/maintenance";
import { createViewer } from "./newsroom-factories";
import {
  HTML_PAGE,
  SECRETS,
  SVG_WITH_SCRIPT,
  jpegWithGps,
  keyOfUrl,
  listMediaFiles,
  mediaSnapshot,
  plainJpeg,
  pngBomb,
  readMediaFile,
  sidewaysJpeg,
  temporaryMediaDirPerTest,
} from "./media-fixtures";

temporaryMediaDirPerTest();

let reporter: Viewer;

beforeAll(async () => {
  reporter = await createViewer("reporter");
});

async function upload(bytes: Buffer, fileName = "photo.jpg") {
  const photo = await createPhoto(reporter, { bytes, fileName });
  await waitForImageWork();
  return (await getPhoto(reporter, photo.id))!;
}

async function expectRefused(bytes: Buffer, fileName: string, code: ImageRejectedError["code"]) {
  const before = await mediaSnapshot();
  const error = await createPhoto(reporter, { bytes, fileName }).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ImageRejectedError);
  expect((error as ImageRejectedError).code).toBe(code);
  expect((error as Error).message).toBe(textOf({ code, params: (error as ImageRejectedError).params }));
  await waitForImageWork();
  expect(await mediaSnapshot()).toEqual(before);
  return error as ImageRejectedError;
}

describe("what public variants carry", () => {
  it("strips EXIF (GPS, camera serial), ICC and XMP from every public variant, keeping the original private", async () => {
    const source = await jpegWithGps();
    // The test file really carries what must not leak.
    const sourceMetadata = await sharp(source).metadata();
    expect(sourceMetadata.exif).toBeDefined();
    expect(sourceMetadata.icc).toBeDefined();
    expect(source.includes(SECRETS.serial) && source.includes(SECRETS.datum)).toBe(true);

    const photo = await upload(source, "DSC_0001.JPG");
    expect(photo.variantsPending).toBe(false);
    expect(photo.variants.length).toBe(12);
    for (const variant of photo.variants) {
      const bytes = readMediaFile(keyOfUrl(variant.url));
      const metadata = await sharp(bytes).metadata();
      expect({ url: variant.url, exif: metadata.exif, icc: metadata.icc, xmp: metadata.xmp, iptc: metadata.iptc, orientation: metadata.orientation }).toEqual({
        url: variant.url,
        exif: undefined,
        icc: undefined,
        xmp: undefined,
        iptc: undefined,
        orientation: undefined,
      });
      for (const secret of Object.values(SECRETS)) expect(bytes.includes(secret)).toBe(false);
      // No EXIF block at all ("GPS" alone is too short: three bytes turn up by chance in compressed data).
      expect(bytes.includes("Exif\0\0")).toBe(false);
      expect({ width: metadata.width, height: metadata.height, bytes: bytes.length }).toEqual({ width: variant.width, height: variant.height, bytes: variant.bytes });
    }
    // The original is kept byte for byte, outside the public folder.
    const originals = listMediaFiles().filter((file) => file.startsWith("originals/"));
    expect(originals.some((file) => readMediaFile(file).equals(source))).toBe(true);
    expect(photo.original).toMatchObject({ name: "DSC_0001.JPG", format: "jpeg", width: 2400, height: 1600, bytes: source.length });
    expect(sourceMetadata.exif!.includes(SECRETS.serial)).toBe(true);
    expect(photo.variants.every((variant) => variant.url.startsWith("/media/") && !variant.url.includes("original"))).toBe(true);
  });

  it("applies the camera orientation: a sideways photo is served upright", async () => {
    const photo = await upload(await sidewaysJpeg(1000, 800));
    expect(photo.original).toMatchObject({ width: 800, height: 1000 });
    expect(photo.variants.map((variant) => [variant.format, variant.width, variant.height])).toEqual([
      ["avif", 320, 400],
      ["avif", 640, 800],
      ["avif", 800, 1000],
      ["jpeg", 320, 400],
      ["jpeg", 640, 800],
      ["jpeg", 800, 1000],
    ]);
    const jpeg = photo.variants.find((variant) => variant.format === "jpeg" && variant.width === 800)!;
    const { data, info } = await sharp(readMediaFile(keyOfUrl(jpeg.url)))
      .raw()
      .toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => Array.from(data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3));
    const [leftRed, , leftBlue] = pixel(Math.round(info.width * 0.25), Math.round(info.height / 2));
    const [rightRed, , rightBlue] = pixel(Math.round(info.width * 0.75), Math.round(info.height / 2));
    expect(leftBlue).toBeGreaterThan(200);
    expect(leftRed).toBeLessThan(60);
    expect(rightRed).toBeGreaterThan(200);
    expect(rightBlue).toBeLessThan(60);
  });

  it("never makes a variant wider than the original", async () => {
    const wide = await upload(await plainJpeg(1500, 1000));
    expect(wide.variants.filter((variant) => variant.format === "jpeg").map((variant) => variant.width)).toEqual([320, 640, 960, 1280, 1500]);
    const small = await upload(await plainJpeg(200, 150));
    expect(small.variants.map((variant) => `${variant.format} ${variant.width}×${variant.height}`)).toEqual(["avif 200×150", "jpeg 200×150"]);
  });

  it("names variants by their content: the same picture gets the same names, a rebuild keeps them", async () => {
    const bytes = await plainJpeg(900, 600, "#357");
    const first = await upload(bytes);
    const second = await upload(bytes);
    const fileNames = (photo: typeof first) => photo.variants.map((variant) => variant.url.split("/").pop());
    expect(fileNames(second)).toEqual(fileNames(first));
    expect(second.variants[0].url).not.toBe(first.variants[0].url); // each photo file has its own folder
    expect(fileNames(first).every((name) => /^[0-9a-f]{16}-\d+\.(avif|jpg)$/.test(name!))).toBe(true);

    await rebuildPhotoVariants(first.id);
    expect((await getPhoto(reporter, first.id))!.variants.map((variant) => variant.url)).toEqual(first.variants.map((variant) => variant.url));
  });

  it("decides the type from the bytes: a JPEG named .png is accepted as JPEG", async () => {
    const photo = await upload(await plainJpeg(400, 300), "looks-like.png");
    expect(photo.original).toMatchObject({ format: "jpeg", name: "looks-like.png" });
    expect(photo.variants.length).toBe(4);
  });

  it("makes the first variant before answering, so the editor can place the photo at once", async () => {
    const photo = await createPhoto(reporter, { bytes: await plainJpeg(2000, 1200), fileName: "first.jpg" });
    expect(photo.variants.map((variant) => `${variant.format} ${variant.width}`)).toEqual(["jpeg 1280"]);
    expect(photo.variantsPending).toBe(true);
    expect(readMediaFile(keyOfUrl(photo.variants[0].url)).length).toBe(photo.variants[0].bytes);
    await waitForImageWork();
    const finished = (await getPhoto(reporter, photo.id))!;
    expect(finished.variantsPending).toBe(false);
    expect(finished.variants.length).toBe(12);
    expect(await prisma.auditEvent.count({ where: { action: "photo.upload", target: `photo:${photo.id}`, actorId: reporter.id } })).toBe(1);
  });
});

describe("refused files change nothing", () => {
  it("refuses an SVG (it can hold scripts), whatever its name", async () => {
    await expectRefused(SVG_WITH_SCRIPT, "chart.png", "file.svg");
    expect(textOf({ code: "file.svg" })).toContain("不支持 SVG");
  });

  it("refuses an HTML page named .jpg", async () => {
    await expectRefused(HTML_PAGE, "photo.jpg", "file.unsupported");
    expect(textOf({ code: "file.unsupported" })).toContain("只能上传 JPEG、PNG、WebP、GIF 或 AVIF");
  });

  it("refuses a truncated JPEG as damaged", async () => {
    const whole = await jpegWithGps(1200, 800);
    await expectRefused(whole.subarray(0, Math.floor(whole.length * 0.6)), "cut.jpg", "file.damaged");
  });

  it("refuses an empty file and a file that only starts like a JPEG", async () => {
    await expectRefused(Buffer.alloc(0), "empty.jpg", "file.empty");
    await expectRefused(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]), "stub.jpg", "file.damaged");
  });

  it("refuses a file over the byte limit before reading its pixels", async () => {
    process.env.MEDIA_MAX_UPLOAD_MB = "1";
    try {
      const error = await expectRefused(Buffer.concat([await plainJpeg(100, 100), Buffer.alloc(1024 * 1024)]), "big.jpg", "file.tooLarge");
      expect(error.message).toBe("图片文件太大：每张最大 1 MB");
    } finally {
      delete process.env.MEDIA_MAX_UPLOAD_MB;
    }
  });

  it("refuses a 20,000 × 20,000 PNG bomb from its header, quickly and without decoding it", async () => {
    const bomb = await pngBomb();
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const started = performance.now();
    const error = await expectRefused(bomb, "bomb.png", "file.tooManyPixels");
    const elapsed = performance.now() - started;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(error.message).toBe("图片尺寸过大（20000×20000）：最多 100 百万像素，请缩小后再上传");
    expect(elapsed).toBeLessThan(2000);
    expect(peak - rssBefore).toBeLessThan(200 * 1024 * 1024);
  });
});
