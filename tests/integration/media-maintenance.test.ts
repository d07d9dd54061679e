// `cms media:check` and `cms media:rebuild` against a real SQLite file and media folder: problems are
// found and reported with exit 1, missing variants are made again from the original with the same
// names, interrupted uploads are finished, and a missing original is reported, not papered over.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer";
import { mediaCommands } from "@/lib/cli/commands/media";
import { OperationError } from "@/lib/errors";
import { completeVariants, listUnfinishedPhotos } from "@/lib/media/finish";
import { deletePhoto } from "@/lib/media/manage";
import { getPhoto } from "@/lib/media/read";
import { createPhoto } from "@/lib/media/upload";
import { waitForImageWork } from "@/lib/media/work-queue";
import { createViewer } from "./newsroom-factories";
import { keyOfUrl, listMediaFiles, plainJpeg, temporaryMediaDirPerTest } from "./media-fixtures";

const mediaFolder = temporaryMediaDirPerTest();

let output: string[] = [];
let editor: Viewer;

beforeAll(async () => {
  editor = await createViewer("editor");
});
beforeEach(() => {
  output = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (output.push(String(chunk)), true));
  vi.spyOn(console, "error").mockImplementation((...args) => void output.push(`${args.join(" ")}\n`));
});
afterEach(() => vi.restoreAllMocks());

async function cms(name: string, ...args: string[]): Promise<{ text: string; error: OperationError | null }> {
  const command = mediaCommands.find((candidate) => candidate.name === name)!;
  output = [];
  const error = await command.run(args).then(
    () => null,
    (caught: unknown) => caught,
  );
  if (error !== null && !(error instanceof OperationError)) throw error;
  return { text: output.join(""), error };
}

async function upload(width = 1600) {
  const photo = await createPhoto(editor, {
    bytes: await plainJpeg(
      width,
      800,
      `#${Math.floor(Math.random() * 0xffffff)
        .toString(16)
        .padStart(6, "0")}`,
    ),
    fileName: "check.jpg",
  });
  await waitForImageWork();
  return (await getPhoto(editor, photo.id))!;
}

describe("media:check and media:rebuild", () => {
  it("finds nothing wrong in a healthy store", async () => {
    await upload();
    const { text, error } = await cms("media:check");
    expect(error).toBeNull();
    expect(text).toContain("media check: no problems");
  });

  it("reports missing variants, missing originals and stray files, then rebuild restores the variants under the same names", async () => {
    const healthy = await upload();
    const broken = await upload(900);
    const lostVariant = keyOfUrl(healthy.variants[2].url);
    fs.rmSync(path.join(mediaFolder, lostVariant));
    const lostOriginal = listMediaFiles().find((file) => file.startsWith("originals/") && file.includes(broken.original.contentHash))!;
    fs.rmSync(path.join(mediaFolder, lostOriginal));
    const stray = "public/0123456789abcdef/0123456789abcdef-640.jpg";
    fs.mkdirSync(path.join(mediaFolder, path.dirname(stray)), { recursive: true });
    fs.writeFileSync(path.join(mediaFolder, stray), "stray");
    fs.writeFileSync(path.join(mediaFolder, "public", "notes.txt"), "stray");

    const check = await cms("media:check");
    expect(check.error?.message).toBe("media check found 4 problems");
    expect(check.text).toContain(`missing variant files: 1\n  photo ${healthy.id}: ${lostVariant}`);
    expect(check.text).toContain(`missing originals (these photos cannot be rebuilt): 1\n  photo ${broken.id}: ${lostOriginal}`);
    expect(check.text).toContain(`files no photo refers to: 2\n  public/0123456789abcdef/0123456789abcdef-640.jpg\n  public/notes.txt`);

    const one = await cms("media:rebuild", "--id", String(healthy.id));
    expect(one.error).toBeNull();
    expect(one.text).toContain("rebuilt 1 photo: 10 variants");
    expect(one.text).toContain("0 with new file names");
    expect(listMediaFiles()).toContain(lostVariant);
    expect((await getPhoto(editor, healthy.id))!.variants.map((variant) => variant.url)).toEqual(healthy.variants.map((variant) => variant.url));

    const all = await cms("media:rebuild");
    expect(all.error?.message).toBe("1 photo could not be rebuilt");
    expect(all.text).toContain(`photo ${broken.id}: original missing: ${lostOriginal}`);
    expect(all.text).toMatch(/rebuilding photos: 3\/3 \(100%\)/);

    fs.rmSync(path.join(mediaFolder, stray));
    fs.rmSync(path.join(mediaFolder, "public", "notes.txt"));
    await deletePhoto(editor, broken.id);
    expect((await cms("media:check")).error).toBeNull();
  });

  it("refuses bad arguments with one English line", async () => {
    expect((await cms("media:rebuild", "--id", "abc")).error?.message).toBe("--id needs a photo id (a positive whole number)");
    expect((await cms("media:rebuild", "--id", "1", "--pending")).error?.message).toBe("give either --id or --pending, not both");
    expect((await cms("media:check", "--fix")).error?.message).toBe('unexpected argument "--fix" (see cms media:check --help)');
  });
});

describe("interrupted uploads", () => {
  async function interrupt(photoId: number) {
    // As if the process stopped right after the first variant: only it is recorded, the rest never written.
    const photo = (await getPhoto(editor, photoId))!;
    const first = photo.variants.find((variant) => variant.format === "jpeg" && variant.width === 1280)!;
    const others = photo.variants.filter((variant) => variant !== first);
    for (const variant of others) fs.rmSync(path.join(mediaFolder, keyOfUrl(variant.url)));
    await prisma.photoVariant.deleteMany({ where: { photoId, NOT: { width: 1280, format: "jpeg" } } });
    await prisma.photo.update({ where: { id: photoId }, data: { variantsPending: true, fileUpdatedAt: new Date(Date.now() - 10 * 60_000) } });
    return photo;
  }

  it("are found by media:check and finished by media:rebuild --pending", async () => {
    const photo = await interrupt((await upload()).id);
    const check = await cms("media:check");
    expect(check.text).toContain(`photos with unfinished variants (run cms media:rebuild --pending): 1\n  photo ${photo.id}`);
    expect(check.error).not.toBeNull();
    const rebuild = await cms("media:rebuild", "--pending");
    expect(rebuild.text).toContain("rebuilt 1 photo: 10 variants");
    const finished = (await getPhoto(editor, photo.id))!;
    expect(finished.variantsPending).toBe(false);
    expect(finished.variants.map((variant) => variant.url)).toEqual(photo.variants.map((variant) => variant.url));
    expect((await cms("media:check")).error).toBeNull();
  });

  it("are finished in the background by the server process (completeVariants on listUnfinishedPhotos)", async () => {
    const photo = await interrupt((await upload()).id);
    expect((await listUnfinishedPhotos()).map((row) => row.id)).toEqual([photo.id]);
    const [unfinished] = await listUnfinishedPhotos();
    expect(await completeVariants(unfinished.id, unfinished.storageKey)).toBe(true);
    expect((await getPhoto(editor, photo.id))!.variants.length).toBe(10);
    expect(await listUnfinishedPhotos()).toEqual([]);
  });

  it("exits 1 from the real process when the check finds a problem", async () => {
    fs.writeFileSync(path.join(mediaFolder, "public", "stray.txt"), "stray");
    const run = (...args: string[]) =>
      promisify(execFile)(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", "lib/cli/main.ts", ...args], { env: process.env }).then(
        ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
        (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
      );
    const failed = await run("media:check");
    expect(failed).toMatchObject({ code: 1, stderr: "error: media check found 1 problem\n" });
    expect(failed.stdout).toContain("files no photo refers to: 1\n  public/stray.txt");
    fs.rmSync(path.join(mediaFolder, "public", "stray.txt"));
    expect(await run("media:check")).toMatchObject({ code: 0 });
  });
});
