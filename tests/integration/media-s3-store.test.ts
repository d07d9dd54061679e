// MEDIA_STORE=s3 against a real S3-compatible server (s3rver, in this process on a free port, with a
// temporary folder): uploads land in the bucket with their types and caching, /media/… serves them
// from it, replacing and deleting remove objects, media:check lists the bucket page by page, and a
// missing setting stops with a clear message that never shows a secret.
import crypto from "node:crypto";
import { HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { dbBackupCommand, dbRestoreCommand } from "@/lib/cli/commands/database";
import { mediaCommands } from "@/lib/cli/commands/media";
import { prisma } from "@/lib/db";
import { s3Settings } from "@/lib/env";
import { OperationError } from "@/lib/errors";
import { deletePhoto } from "@/lib/media/manage";
import { getPhoto } from "@/lib/media/read";
import { createS3Store } from "@/lib/media/s3-store";
import { describeMediaStore, isMediaKey, mediaStore, originalKey } from "@/lib/media/store";
import { createPhoto, replacePhotoFile } from "@/lib/media/upload";
import { waitForImageWork } from "@/lib/media/work-queue";
import { keyOfUrl, listMediaFiles, plainJpeg, temporaryMediaDirPerTest } from "./media-fixtures";
import { createViewer } from "./newsroom-factories";
import { S3RVER_CREDENTIALS, startS3Server } from "./s3-server";

vi.mock("next/server", async (original) => ({ ...(await original<typeof import("next/server")>()), connection: async () => undefined }));
const { GET: getFile } = await import("@/app/media/[...path]/route");

const BUCKET = "newsdesk-photos";
const SECRET = `secret-${crypto.randomBytes(8).toString("hex")}`;
const { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY } = S3RVER_CREDENTIALS;

// A local folder that must stay empty: proof that nothing goes to disk with MEDIA_STORE=s3.
const mediaFolder = temporaryMediaDirPerTest();
let server: Awaited<ReturnType<typeof startS3Server>>;
let client: S3Client;
let editor: Viewer;

beforeAll(async () => {
  server = await startS3Server([BUCKET]);
  Object.assign(process.env, {
    MEDIA_STORE: "s3",
    S3_ENDPOINT: server.endpoint,
    S3_BUCKET: BUCKET,
    S3_REGION: "us-east-1",
    S3_ACCESS_KEY_ID: ACCESS_KEY_ID,
    S3_SECRET_ACCESS_KEY: SECRET_ACCESS_KEY,
  });
  client = new S3Client({ endpoint: server.endpoint, region: "us-east-1", forcePathStyle: true, credentials: S3RVER_CREDENTIALS });
  editor = await createViewer("editor");
});
afterAll(async () => {
  client?.destroy();
  await server?.stop();
});
afterEach(() => vi.restoreAllMocks());

/** The random folder of a photo's current file, from its first variant's URL. */
function folderOf(photo: { variants: { url: string }[] }): string {
  return photo.variants[0].url.split("/")[2];
}

async function bucketKeys(): Promise<string[]> {
  const page = await client.send(new ListObjectsV2Command({ Bucket: BUCKET }));
  return (page.Contents ?? []).map((object) => object.Key!).sort();
}

async function upload(colour: string, width = 1400) {
  const photo = await createPhoto(editor, { bytes: await plainJpeg(width, 700, colour), fileName: "s3.jpg" });
  await waitForImageWork();
  return (await getPhoto(editor, photo.id))!;
}

function fetchFile(url: string) {
  const segments = url.slice("/media/".length).split("/");
  return getFile(new Request(`http://localhost${url}`), { params: Promise.resolve({ path: segments }) });
}

async function cms(name: string, ...args: string[]): Promise<{ text: string; error: OperationError | null }> {
  const output: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (output.push(String(chunk)), true));
  vi.spyOn(console, "error").mockImplementation((...line) => void output.push(`${line.join(" ")}\n`));
  const command = mediaCommands.find((candidate) => candidate.name === name)!;
  const error = await command.run(args).then(
    () => null,
    (caught: unknown) => caught,
  );
  vi.restoreAllMocks();
  if (error !== null && !(error instanceof OperationError)) throw error;
  return { text: output.join(""), error };
}

describe("MEDIA_STORE=s3", () => {
  it("stores an upload's original and variants in the bucket, under the local store's keys, with their types and caching", async () => {
    const photo = await upload("#2a6");
    const row = await prisma.photo.findUniqueOrThrow({ where: { id: photo.id } });
    const variantKeys = photo.variants.map((variant) => keyOfUrl(variant.url));
    expect(variantKeys.length).toBeGreaterThan(2);
    expect(await bucketKeys()).toEqual([originalKey(row), ...variantKeys].sort());
    expect(listMediaFiles(mediaFolder)).toEqual([]);

    for (const variant of photo.variants) {
      const head = await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: keyOfUrl(variant.url) }));
      expect(head.ContentType).toBe(variant.format === "avif" ? "image/avif" : "image/jpeg");
      expect(head.CacheControl).toBe("public, max-age=31536000, immutable");
      expect(head.ContentLength).toBe(variant.bytes);
    }
    const original = await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: originalKey(row) }));
    expect(original).toMatchObject({ ContentType: "image/jpeg", CacheControl: "private, no-store", ContentLength: row.originalBytes });
  });

  it("serves a variant through /media/… with the bucket's bytes and immutable caching; an unknown name is 404", async () => {
    const photo = await upload("#a62");
    const variant = photo.variants.find((candidate) => candidate.format === "avif")!;
    const response = await fetchFile(variant.url);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(response.headers.get("content-type")).toBe("image/avif");
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.length).toBe(variant.bytes);
    expect(body.equals((await mediaStore().get(keyOfUrl(variant.url)))!)).toBe(true);
    expect((await fetchFile(variant.url.replace(/[0-9a-f]{16}-/, "0000000000000000-"))).status).toBe(404);
  });

  it("removes the old objects when a photo's file is replaced, and every object when it is deleted", async () => {
    const photo = await upload("#62a");
    const before = await bucketKeys();
    const oldKeys = before.filter((key) => key.includes(`/${folderOf(photo)}/`));
    expect(oldKeys.length).toBe(photo.variants.length + 1);

    await replacePhotoFile(editor, photo.id, { bytes: await plainJpeg(1000, 500, "#111"), fileName: "new.jpg" });
    await waitForImageWork();
    const replaced = (await getPhoto(editor, photo.id))!;
    const afterReplace = await bucketKeys();
    for (const key of oldKeys) expect(afterReplace).not.toContain(key);
    expect((await fetchFile(photo.variants[0].url)).status).toBe(404);
    const newKeys = afterReplace.filter((key) => key.includes(`/${folderOf(replaced)}/`));
    expect(newKeys.length).toBe(replaced.variants.length + 1);

    await deletePhoto(editor, photo.id);
    const afterDelete = await bucketKeys();
    expect(afterDelete.filter((key) => key.includes(`/${folderOf(replaced)}/`))).toEqual([]);
    expect(afterDelete.length).toBe(before.length - oldKeys.length);
  });

  it("lists a whole area page by page, and media:check compares the bucket with the database", async () => {
    const keys = await bucketKeys();
    const store = createS3Store({ settings: s3Settings(), isValidKey: isMediaKey, pageSize: 2 });
    const listed: string[] = [];
    for await (const key of store.list("public")) listed.push(key);
    expect(listed.length).toBeGreaterThan(4);
    expect(listed.sort()).toEqual(keys.filter((key) => key.startsWith("public/")));

    const healthy = await cms("media:check");
    expect(healthy.error).toBeNull();
    expect(healthy.text).toContain(`media store: s3 bucket ${BUCKET} at ${process.env.S3_ENDPOINT} (region us-east-1)`);
    expect(healthy.text).toContain("media check: no problems");

    const stray = "public/0123456789abcdef/0123456789abcdef-640.jpg";
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: stray, Body: "stray" }));
    const lost = keys.find((key) => key.startsWith("public/"))!;
    const lostBytes = (await mediaStore().get(lost))!;
    await mediaStore().delete(lost);
    expect(await mediaStore().exists(lost)).toBe(false);
    expect(await mediaStore().get(lost)).toBeNull();
    await mediaStore().delete(lost); // deleting a missing object is not an error

    const broken = await cms("media:check");
    expect(broken.error?.message).toBe("media check found 2 problems");
    expect(broken.text).toMatch(new RegExp(`missing variant files: 1\\n  photo \\d+: ${lost}`));
    expect(broken.text).toContain(`files no photo refers to: 1\n  ${stray}`);

    await mediaStore().put(lost, lostBytes);
    await mediaStore().delete(stray);
    expect((await cms("media:check")).error).toBeNull();
  });

  it("stops with a clear message naming a missing setting, never showing the secret", async () => {
    const names = ["MEDIA_STORE", "S3_ENDPOINT", "S3_BUCKET", "S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"];
    const saved = names.map((name) => [name, process.env[name]] as const);
    try {
      process.env.S3_SECRET_ACCESS_KEY = SECRET;
      delete process.env.S3_BUCKET;
      const expected = "MEDIA_STORE=s3 needs S3_BUCKET (the bucket's endpoint URL, region, name and access key); it is not set";
      expect(() => mediaStore()).toThrow(expected);
      expect(() => describeMediaStore()).toThrow(expected);
      await expect(fetchFile("/media/0123456789abcdef/0123456789abcdef-640.jpg")).rejects.toThrow(expected);

      delete process.env.S3_ACCESS_KEY_ID;
      process.env.S3_REGION = " ";
      expect(() => mediaStore()).toThrow("MEDIA_STORE=s3 needs S3_REGION, S3_BUCKET, S3_ACCESS_KEY_ID (the bucket's endpoint URL, region, name and access key); they are not set");

      Object.assign(process.env, { S3_BUCKET: BUCKET, S3_REGION: "us-east-1", S3_ACCESS_KEY_ID: ACCESS_KEY_ID, S3_ENDPOINT: `http://key:${SECRET}@127.0.0.1:1` });
      expect(() => mediaStore()).toThrow("S3_ENDPOINT must not contain credentials: set S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY instead");

      process.env.MEDIA_STORE = "ftp";
      expect(() => mediaStore()).toThrow('MEDIA_STORE="ftp" is not a media store: use "local" (the default) or "s3"');
    } finally {
      for (const [name, value] of saved) process.env[name] = value;
    }
  });

  it("leaves the photos' backup to the bucket: db:backup and db:restore refuse, saying so", async () => {
    for (const [command, args] of [
      [dbBackupCommand, []],
      [dbRestoreCommand, ["backup.db"]],
    ] as const) {
      const error = await command.run([...args]).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(OperationError);
      expect((error as Error).message).toMatch(/^MEDIA_STORE=s3: .*Protect the photos with the bucket's own versioning and replication/);
    }
  });

  it("reports a refused request without credentials in the message", async () => {
    const store = createS3Store({ settings: { ...s3Settings(), bucket: "no-such-bucket", secretAccessKey: SECRET }, isValidKey: isMediaKey });
    const error = (await store.put("public/0123456789abcdef/0123456789abcdef-640.jpg", new Uint8Array(3)).catch((caught: unknown) => caught)) as Error;
    expect(error.message).toMatch(/^media store \(s3\): put public\/0123456789abcdef\/0123456789abcdef-640\.jpg failed: NoSuchBucket \(HTTP 404\)/);
    expect(error.message).not.toContain(SECRET);
    expect(error.message).not.toContain(ACCESS_KEY_ID);
  });
});
