// "Who else has this article open": heartbeats within 30 seconds count, older ones do not.
import { beforeAll, describe, expect, it } from "vitest";
import { createArticle } from "@/lib/articles/save";
import { heartbeat, leave, PRESENCE_EXPIRY_MS } from "@/lib/articles/presence";
import type { Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { articleInput, createViewer } from "./newsroom-factories";

let zhang: Viewer;
let li: Viewer;
let wang: Viewer;
let reporter: Viewer;

beforeAll(async () => {
  zhang = await createViewer("editor", { displayName: "张编辑" });
  li = await createViewer("editor", { displayName: "李编辑" });
  wang = await createViewer("admin", { displayName: "王主任" });
  reporter = await createViewer("reporter", { displayName: "赵记者" });
});

const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

async function newArticle(owner: Viewer = zhang) {
  return (await createArticle(owner, articleInput())).articleId;
}

describe("heartbeat", () => {
  it("a lone editor sees nobody, not even themselves", async () => {
    const articleId = await newArticle();
    expect(await heartbeat(zhang, articleId, new Date())).toEqual([]);
    expect(await heartbeat(zhang, articleId, new Date())).toEqual([]);
  });

  it("shows the other editors who sent a heartbeat within 30 seconds, most recent first", async () => {
    const articleId = await newArticle();
    const start = new Date();
    await heartbeat(zhang, articleId, start);
    await heartbeat(li, articleId, at(start, 5_000));
    expect(await heartbeat(wang, articleId, at(start, 10_000))).toEqual(["李编辑", "张编辑"]);
    expect(await heartbeat(zhang, articleId, at(start, 12_000))).toEqual(["王主任", "李编辑"]);
  });

  it("drops an editor whose last heartbeat is older than 30 seconds", async () => {
    const articleId = await newArticle();
    const start = new Date();
    await heartbeat(zhang, articleId, start);
    expect(await heartbeat(li, articleId, at(start, PRESENCE_EXPIRY_MS - 1_000))).toEqual(["张编辑"]);
    expect(await heartbeat(li, articleId, at(start, PRESENCE_EXPIRY_MS + 1_000))).toEqual([]);
    expect(PRESENCE_EXPIRY_MS).toBe(30_000);
  });

  it("a fresh heartbeat brings an editor back", async () => {
    const articleId = await newArticle();
    const start = new Date();
    await heartbeat(zhang, articleId, start);
    await heartbeat(zhang, articleId, at(start, 60_000));
    expect(await heartbeat(li, articleId, at(start, 61_000))).toEqual(["张编辑"]);
  });

  it("counts only editors of this article, not of another one", async () => {
    const [first, second] = [await newArticle(), await newArticle()];
    const now = new Date();
    await heartbeat(zhang, first, now);
    expect(await heartbeat(li, second, now)).toEqual([]);
  });

  it("refuses a reporter on an article they may not see", async () => {
    const articleId = await newArticle(zhang);
    await expect(heartbeat(reporter, articleId, new Date())).rejects.toBeInstanceOf(NotFoundError);
    expect(await heartbeat(li, articleId, new Date())).toEqual([]);
  });

  it("shows editors to a reporter on the reporter's own draft", async () => {
    const articleId = await newArticle(reporter);
    const now = new Date();
    await heartbeat(zhang, articleId, now);
    expect(await heartbeat(reporter, articleId, now)).toEqual(["张编辑"]);
  });
});

describe("leave", () => {
  it("removes the editor at once, before the 30 seconds are up", async () => {
    const articleId = await newArticle();
    const now = new Date();
    await heartbeat(zhang, articleId, now);
    await heartbeat(li, articleId, now);
    await leave(zhang, articleId);
    expect(await heartbeat(li, articleId, at(now, 1_000))).toEqual([]);
    expect(await heartbeat(wang, articleId, at(now, 1_000))).toEqual(["李编辑"]);
  });

  it("is harmless when the editor was not there", async () => {
    const articleId = await newArticle();
    await expect(leave(li, articleId)).resolves.toBeUndefined();
  });
});
