// The photo route handlers, called as Next calls them: POST /api/media re-checks the viewer and
// enforces the byte limit while the body streams (Content-Length and the real count), answering
// `{ photo }` or `{ error }` with a 4xx; GET /media/… serves only public variant files with
// immutable, nosniff headers and nothing else (no originals, no traversal, no unknown names).
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { prisma } from "@/lib/db";
import { waitForImageWork } from "@/lib/media/work-queue";
import { createViewer } from "./newsroom-factories";
import { listMediaFiles, mediaSnapshot, plainJpeg, SVG_WITH_SCRIPT, temporaryMediaDirPerTest } from "./media-fixtures";

const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth/viewer", async (original) => ({ ...(await original<typeof import("@/lib/auth/viewer")>()), getViewer: async () => session.viewer }));
vi.mock("@/lib/auth/client-address", () => ({ requestClientAddress: async () => "198.51.100.7" }));
const expired = vi.hoisted(() => [] as string[]);
vi.mock("next/cache", async (original) => ({ ...(await original<typeof import("next/cache")>()), revalidateTag: (tag: string) => void expired.push(tag) }));
vi.mock("next/server", async (original) => ({ ...(await original<typeof import("next/server")>()), connection: async () => undefined }));

const { POST } = await import("@/app/api/media/route");
const { GET: getPhotoRoute, PUT } = await import("@/app/api/media/[id]/route");
const { GET: getFile } = await import("@/app/media/[...path]/route");

temporaryMediaDirPerTest();

let reporter: Viewer;

beforeAll(async () => {
  reporter = await createViewer("reporter");
});
beforeEach(() => {
  session.viewer = reporter;
});

function uploadRequest(body: BodyInit | null, headers: Record<string, string> = {}, init: RequestInit = {}) {
  return new Request("http://localhost/api/media", {
    method: "POST",
    body,
    headers: { "x-file-name": encodeURIComponent("玫瑰 田.jpg"), ...headers },
    duplex: "half",
    ...init,
  } as RequestInit);
}

/** A body of `total` bytes in 64 KB chunks, sent without Content-Length. */
function streamOf(total: number) {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      const size = Math.min(65536, total - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size));
    },
  });
}

async function json(response: Response) {
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("POST /api/media", () => {
  it("stores an upload and answers 201 { photo }, recording the client address", async () => {
    const response = await json(await POST(uploadRequest(new Uint8Array(await plainJpeg(1000, 600)))));
    expect(response.status).toBe(201);
    const photo = response.body.photo as { id: number; original: { name: string }; variants: { url: string }[] };
    expect(photo.original.name).toBe("玫瑰 田.jpg");
    expect(photo.variants).toHaveLength(1);
    expect(await prisma.auditEvent.findFirst({ where: { target: `photo:${photo.id}`, action: "photo.upload" } })).toMatchObject({
      clientAddress: "198.51.100.7",
      actorId: reporter.id,
    });
    await waitForImageWork();
    const again = await json(await getPhotoRoute(new Request("http://localhost"), { params: Promise.resolve({ id: String(photo.id) }) }));
    expect((again.body.photo as { variants: unknown[] }).variants).toHaveLength(6);
  });

  it("refuses signed-out requests with 401 and changes nothing", async () => {
    session.viewer = null;
    const before = await mediaSnapshot();
    expect(await json(await POST(uploadRequest(new Uint8Array(await plainJpeg(100, 100)))))).toEqual({ status: 401, body: { error: "登录已失效，请重新登录后再上传" } });
    expect(await json(await getPhotoRoute(new Request("http://localhost"), { params: Promise.resolve({ id: "1" }) }))).toMatchObject({ status: 401 });
    expect(await mediaSnapshot()).toEqual(before);
  });

  it("refuses a declared Content-Length over the limit before reading, and a longer body while it streams", async () => {
    process.env.MEDIA_MAX_UPLOAD_MB = "1";
    try {
      const before = await mediaSnapshot();
      const declared = await json(await POST(uploadRequest(streamOf(10), { "content-length": String(5 * 1024 * 1024) })));
      expect(declared).toEqual({ status: 413, body: { error: "图片文件太大：每张最大 1 MB" } });
      let pulled = 0;
      const endless = new ReadableStream<Uint8Array>({
        pull: (controller) => {
          pulled += 65536;
          controller.enqueue(new Uint8Array(65536));
        },
      });
      const streamed = await json(await POST(uploadRequest(endless)));
      expect(streamed.status).toBe(413);
      expect(pulled).toBeLessThan(2 * 1024 * 1024); // stopped soon after the limit, not at the end of the stream
      expect(await mediaSnapshot()).toEqual(before);
    } finally {
      delete process.env.MEDIA_MAX_UPLOAD_MB;
    }
  });

  it("answers 415 for an SVG and 400 without the file-name header (a cross-site form cannot set it)", async () => {
    expect(await json(await POST(uploadRequest(new Uint8Array(SVG_WITH_SCRIPT))))).toMatchObject({ status: 415, body: { error: expect.stringContaining("不支持 SVG") } });
    const withoutName = new Request("http://localhost/api/media", { method: "POST", body: new Uint8Array(await plainJpeg(50, 50)) });
    expect(await json(await POST(withoutName))).toEqual({ status: 400, body: { error: "请求无效", fieldErrors: {} } });
  });

  it("PUT /api/media/[id] replaces the file for the uploader and refuses another reporter with 403", async () => {
    const created = await json(await POST(uploadRequest(new Uint8Array(await plainJpeg(700, 500)))));
    const id = String((created.body.photo as { id: number }).id);
    await waitForImageWork();
    session.viewer = await createViewer("reporter");
    const put = (bytes: Buffer) =>
      PUT(new Request(`http://localhost/api/media/${id}`, { method: "PUT", body: new Uint8Array(bytes), headers: { "x-file-name": "b.jpg" } }), {
        params: Promise.resolve({ id }),
      });
    expect(await json(await put(await plainJpeg(600, 400)))).toEqual({ status: 403, body: { error: "没有权限修改这张图片" } });
    session.viewer = reporter;
    const replaced = await json(await put(await plainJpeg(600, 400)));
    expect(replaced.status).toBe(200);
    expect(replaced.body.photo).toMatchObject({ id: Number(id), original: { width: 600, name: "b.jpg" } });
    expect(expired).toEqual([`photo-${id}`]);
    expect(
      await json(await PUT(new Request("http://localhost/api/media/x", { method: "PUT", body: "x", headers: { "x-file-name": "x" } }), { params: Promise.resolve({ id: "x" }) })),
    ).toMatchObject({ status: 404 });
    await waitForImageWork();
  });
});

describe("GET /media/…", () => {
  const get = (...segments: string[]) => getFile(new Request(`http://localhost/media/${segments.join("/")}`), { params: Promise.resolve({ path: segments }) });

  it("serves a variant with immutable caching, nosniff and its image type", async () => {
    const created = await json(await POST(uploadRequest(new Uint8Array(await plainJpeg(800, 500)))));
    await waitForImageWork();
    const { variants } = (await json(await getPhotoRoute(new Request("http://localhost"), { params: Promise.resolve({ id: String((created.body.photo as { id: number }).id) }) })))
      .body.photo as { variants: { url: string; format: string; bytes: number }[] };
    for (const variant of variants) {
      const response = await get(...variant.url.slice("/media/".length).split("/"));
      expect(response.status).toBe(200);
      expect(Object.fromEntries(["content-type", "cache-control", "x-content-type-options", "content-length"].map((name) => [name, response.headers.get(name)]))).toEqual({
        "content-type": variant.format === "jpeg" ? "image/jpeg" : "image/avif",
        "cache-control": "public, max-age=31536000, immutable",
        "x-content-type-options": "nosniff",
        "content-length": String(variant.bytes),
      });
      expect((await response.arrayBuffer()).byteLength).toBe(variant.bytes);
    }
  });

  it("never serves an original, a traversal or an unknown name", async () => {
    const original = listMediaFiles().find((file) => file.startsWith("originals/"))!;
    const [, folder, name] = original.split("/");
    const publicFile = listMediaFiles().find((file) => file.startsWith("public/"))!;
    const [, publicFolder, publicName] = publicFile.split("/");
    const attempts = [
      [folder, name],
      ["..", "originals", folder, name],
      ["..%2Foriginals", folder, name],
      [publicFolder, publicName.replace(/\.\w+$/, ".svg")],
      [publicFolder, publicName.replace(/\.\w+$/, ".html")],
      [publicFolder.toUpperCase(), publicName],
      [publicFolder, `${publicName}/..`],
      [publicFolder, "0123456789abcdef-640.jpg"],
      ["public", publicFolder, publicName],
    ];
    for (const segments of attempts) {
      const response = await get(...segments);
      expect({ segments, status: response.status }).toEqual({ segments, status: 404 });
      expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    }
  });
});
