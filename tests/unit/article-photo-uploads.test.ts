// The edit form's photo uploads, without a browser: which pasted images can be brought in, and the
// upload queue (two at a time, each with its own progress and outcome).
import { describe, expect, it } from "vitest";
import type { PhotoDto } from "@/lib/media/dto";
import { dataUrlToFile, imageFilesOf, refusedImagesMessage } from "@/app/(editor)/editor/articles/pasted-images";
import { PhotoUploads, uploadPercent, uploadStateText, type UploadItem } from "@/app/(editor)/editor/articles/photo-uploads";
import type { SendOutcome } from "@/app/(editor)/editor/_components/send-photo-file";

const PNG_1x1 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

describe("dataUrlToFile", () => {
  it.each([
    ["a base64 PNG", `data:image/png;base64,${PNG_1x1}`, "image/png", "图.png"],
    ["a JPEG named jpg, with a parameter and line breaks", `data:image/jpg;name=x.jpg;base64,${PNG_1x1.slice(0, 20)}\n${PNG_1x1.slice(20)}`, "image/jpeg", "图.jpg"],
    ["WebP in capitals", `DATA:IMAGE/WEBP;BASE64,${PNG_1x1}`, "image/webp", "图.webp"],
  ])("turns %s into a file of its bytes", async (_case, src, type, name) => {
    const file = dataUrlToFile(src, "图");
    expect(file).toMatchObject({ type, name });
    expect(Buffer.from(await file!.arrayBuffer()).equals(Buffer.from(PNG_1x1, "base64"))).toBe(true);
  });

  it.each([
    ["an http address", "https://mmbiz.qpic.cn/mmbiz_jpg/abc/640"],
    ["a Word file path", "file:///C:/Users/x/AppData/Local/Temp/msohtmlclip1/01/clip_image002.jpg"],
    ["a blob", "blob:https://example.com/6a1c"],
    ["SVG (refused by the library too)", `data:image/svg+xml;base64,${Buffer.from("<svg/>").toString("base64")}`],
    ["a data URL that is not base64", "data:image/png,%89PNG"],
    ["damaged base64", "data:image/png;base64,@@@notbase64"],
    ["an empty payload", "data:image/png;base64,"],
    ["nothing", ""],
  ])("refuses %s", (_case, src) => {
    expect(dataUrlToFile(src, "图")).toBeNull();
  });
});

it("keeps only image files and words the refusal", () => {
  const files = [
    new File(["x"], "a.png", { type: "image/png" }),
    new File(["x"], "b.docx", { type: "application/vnd.openxmlformats" }),
    new File(["x"], "c.jpg", { type: "image/jpeg" }),
  ];
  expect(imageFilesOf(files).map((file) => file.name)).toEqual(["a.png", "c.jpg"]);
  expect(imageFilesOf(null)).toEqual([]);
  expect(refusedImagesMessage(2)).toBe("2 张图片无法导入：请先下载图片再上传");
});

describe("PhotoUploads", () => {
  function fakeServer() {
    const calls: { file: File; progress: (loaded: number, total: number) => void; answer: (outcome: SendOutcome) => void }[] = [];
    const send = (file: File, progress: (loaded: number, total: number) => void) => new Promise<SendOutcome>((answer) => calls.push({ file, progress, answer }));
    return { calls, send };
  }
  const file = (name: string) => new File([new Uint8Array(1000)], name, { type: "image/jpeg" });
  const photo = (id: number) => ({ id }) as PhotoDto;
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it("sends two at a time, reports each file's progress and outcome, then the next", async () => {
    const server = fakeServer();
    const uploads = new PhotoUploads("t", server.send);
    const finished: UploadItem[] = [];
    const keys = ["a.jpg", "b.jpg", "c.jpg"].map((name) => uploads.add(file(name), (item) => finished.push(item)));
    expect(server.calls.map((call) => call.file.name)).toEqual(["a.jpg", "b.jpg"]);
    expect(uploads.getSnapshot().map((item) => item.state)).toEqual(["sending", "sending", "waiting"]);
    expect(uploads.pendingCount()).toBe(3);

    server.calls[0].progress(400, 1000);
    expect(uploadPercent(uploads.get(keys[0])!)).toBe(40);
    expect(uploadStateText(uploads.get(keys[0])!)).toBe("已上传 40%");
    server.calls[0].progress(1000, 1000);
    expect(uploadStateText(uploads.get(keys[0])!)).toBe("正在处理…");

    server.calls[0].answer({ ok: true, photo: photo(7) });
    server.calls[1].answer({ ok: false, error: "图片文件已损坏或不完整，无法读取，请重新导出后再上传" });
    await settle();
    expect(finished.map((item) => [item.name, item.state, item.photo?.id ?? item.error])).toEqual([
      ["a.jpg", "done", 7],
      ["b.jpg", "failed", "图片文件已损坏或不完整，无法读取，请重新导出后再上传"],
    ]);
    expect(server.calls.map((call) => call.file.name)).toEqual(["a.jpg", "b.jpg", "c.jpg"]);
    expect(uploads.pendingCount()).toBe(1);
    expect(uploadStateText(uploads.get(keys[1])!)).toBe("上传失败");
  });

  it("uses the key it is given, tells its watchers of each change, and forgets a removed row", async () => {
    const server = fakeServer();
    const uploads = new PhotoUploads("t", server.send);
    let changes = 0;
    const stop = uploads.subscribe(() => changes++);
    expect(uploads.add(file("a.jpg"), undefined, "marker-1")).toBe("marker-1");
    expect(changes).toBeGreaterThan(0);
    server.calls[0].answer({ ok: true, photo: photo(1) });
    await settle();
    uploads.remove("marker-1");
    expect(uploads.getSnapshot()).toEqual([]);
    stop();
    const before = changes;
    uploads.add(file("b.jpg"));
    expect(changes).toBe(before);
  });
});
