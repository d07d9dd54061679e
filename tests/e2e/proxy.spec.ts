// The production set-up on one host: nginx with the configuration `cms deploy:nginx` prints, in front
// of two `next start` instances of the e2e build on one SQLite file (the suite's server and a second
// one this spec starts). Readers get the micro-cache, signed-in users never do, photos come from
// disk, and an instance stopped with SIGTERM finishes the save it was given.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { type APIRequestContext, expect, request as playwrightRequest, test } from "@playwright/test";
import { E2E_BASE_URL, E2E_DATABASE, E2E_PORT, e2eEnv, ROOT, storageStatePath, type E2ERole } from "./environment";
import { type ActionOutcome, articleInput, findAction, parseActionResult, queryDatabase, type SavedArticle, saveArticleOrThrow } from "./server-actions";
import { runCms } from "./support";

test.describe.configure({ mode: "serial" });

const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const MEDIA_DIR = path.join(path.dirname(E2E_DATABASE), "media");

let stateDir = "";
let secondPort = 0;
let proxyUrl = "";
let second: ChildProcess | undefined;
let nginx: ChildProcess | undefined;
const contexts: APIRequestContext[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function nginxBinary(): string {
  const found = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((candidate) => fs.existsSync(candidate));
  if (!found) throw new Error("nginx is not installed: apt-get install -y nginx-light (.ci/run does this)");
  return found;
}

/** Starts a process and keeps its output, to show when it fails. */
function startProcess(command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess & { output: string[] } {
  const child = Object.assign(spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] }), { output: [] as string[] });
  child.stdout?.on("data", (chunk: Buffer) => child.output.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => child.output.push(chunk.toString()));
  return child;
}

async function waitForHealth(baseUrl: string, child: ChildProcess & { output: string[] }): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${baseUrl} exited (${child.exitCode}): ${child.output.join("")}`);
    const healthy = await fetch(`${baseUrl}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${baseUrl} did not become healthy: ${child.output.join("")}`);
}

async function newContext(baseURL: string, role?: E2ERole): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL, storageState: role ? storageStatePath(role) : undefined });
  contexts.push(context);
  return context;
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const binary = nginxBinary();
  secondPort = await freePort();
  const proxyPort = await freePort();
  proxyUrl = `http://127.0.0.1:${proxyPort}`;

  const instance = startProcess(path.join(ROOT, "node_modules/.bin/next"), ["start", "-p", String(secondPort)], { ...e2eEnv, PORT: String(secondPort) });
  second = instance;

  stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "newsdesk-nginx-"));
  // Started as root, nginx's workers run as nobody and must reach the cache inside.
  fs.chmodSync(stateDir, 0o755);
  const config = runCms([
    "deploy:nginx",
    "--listen",
    `127.0.0.1:${proxyPort}`,
    "--upstream",
    `127.0.0.1:${E2E_PORT}`,
    "--upstream",
    `127.0.0.1:${secondPort}`,
    "--state-dir",
    stateDir,
  ]);
  const configFile = path.join(stateDir, "nginx.conf");
  fs.writeFileSync(configFile, config);
  execFileSync(binary, ["-t", "-q", "-e", "stderr", "-p", stateDir, "-c", configFile], { stdio: "pipe" });
  const proxy = startProcess(binary, ["-e", "stderr", "-p", stateDir, "-c", configFile, "-g", "daemon off;"], process.env);
  nginx = proxy;

  await waitForHealth(`http://127.0.0.1:${secondPort}`, instance);
  await waitForHealth(proxyUrl, proxy);
});

test.afterAll(async () => {
  for (const context of contexts) await context.dispose();
  for (const child of [nginx, second]) {
    if (!child || child.exitCode !== null || child.signalCode !== null) continue;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
  if (stateDir) fs.rmSync(stateDir, { recursive: true, force: true });
});

/** Publishes a new article through the suite's own instance; returns its id and version. */
async function publishArticle(title: string): Promise<SavedArticle> {
  const editor = await newContext(E2E_BASE_URL, "editor");
  return saveArticleOrThrow(editor, { articleId: null, baseVersion: 0, intent: "publish", input: articleInput({ title }) });
}

/** Reads `url` through the proxy until nginx answers it from its cache. */
async function untilCached(reader: APIRequestContext, url: string): Promise<void> {
  await expect.poll(async () => (await reader.get(url)).headers()["x-cache-status"], { message: `nginx caches ${url}`, timeout: 5000, intervals: [100] }).toBe("HIT");
}

// nginx keeps a 1 s micro-cache entry until the end of the next whole second (1–2 s), then serves it stale once
// while it renders anew: about 2 s plus a render. Asserted with a margin for this shared 2-core machine.
test("an edit saved through one instance reaches an anonymous reader through the proxy within 3 s", async () => {
  const title = `代理缓存测试${stamp}`;
  const saved = await publishArticle(title);
  const url = `/articles/${saved.articleId}`;
  const secondInstance = await newContext(`http://127.0.0.1:${secondPort}`);
  const reader = await newContext(proxyUrl);
  // Both instances and nginx hold the page as it is now.
  expect(await (await secondInstance.get(url)).text()).toContain(title);
  await untilCached(reader, url);
  const cached = await reader.get(url);
  expect(cached.headers()["content-type"]).toContain("text/html");
  expect(await cached.text()).toContain(title);
  // An RSC request (client navigation) has its own entry: the HTML never answers it, nor the other way round.
  const flight = await reader.get(url, { headers: { RSC: "1" } });
  expect(flight.headers()["content-type"]).toContain("text/x-component");
  expect((await reader.get(url)).headers()["content-type"]).toContain("text/html");

  const edited = `${title}更新版`;
  const editor = await newContext(E2E_BASE_URL, "editor");
  await saveArticleOrThrow(editor, { articleId: saved.articleId, baseVersion: saved.version, intent: "save", input: articleInput({ title: edited }) });
  const savedAt = Date.now();
  const seen: string[] = []; // what nginx answered, for the failure message
  await expect
    .poll(
      async () => {
        const response = await reader.get(url);
        const text = await response.text();
        seen.push(`${Date.now() - savedAt}ms ${response.headers()["x-cache-status"]} ${text.includes(edited) ? "new" : "old"}`);
        return text;
      },
      { message: "the reader sees the edit through the proxy within 3 s", timeout: 3000, intervals: [100] },
    )
    .toContain(edited)
    .catch((error: Error) => {
      throw new Error(`${error.message}\nnginx answered after the save: ${seen.join(", ")}`);
    });
  expect(await (await secondInstance.get(url)).text()).toContain(edited);
});

test("a signed-in editor is never served a cached page, and their pages are never cached for others", async () => {
  const title = `登录不缓存测试${stamp}`;
  const { articleId } = await publishArticle(title);
  const url = `/articles/${articleId}`;
  const reader = await newContext(proxyUrl);
  const editor = await newContext(proxyUrl, "editor");
  const admin = await newContext(proxyUrl, "admin");
  await untilCached(reader, url);

  for (let i = 0; i < 3; i++) {
    const response = await editor.get(url);
    expect(response.status()).toBe(200);
    expect(response.headers()["x-cache-status"]).toBe("BYPASS");
  }
  const fresh = `${url}?from=${stamp}`;
  expect((await editor.get(fresh)).headers()["x-cache-status"]).toBe("BYPASS");
  expect((await reader.get(fresh)).headers()["x-cache-status"]).toBe("MISS");

  // The newsroom through the proxy: each user their own page, never from the cache.
  for (let i = 0; i < 2; i++) {
    for (const [context, name] of [
      [editor, "编辑小王"],
      [admin, "管理员"],
    ] as const) {
      const response = await context.get("/editor");
      expect(response.status()).toBe(200);
      expect(response.headers()["x-cache-status"]).toBeUndefined();
      expect(await response.text()).toContain(name);
    }
  }
  const signedOut = await reader.get("/editor", { maxRedirects: 0 });
  expect(signedOut.status()).toBe(307);
  expect(signedOut.headers()["location"]).toContain("/login");
});

test("photos come from the media folder on disk, immutable; originals are never served; the client address is nginx's", async () => {
  const editor = await newContext(proxyUrl, "editor");
  const reader = await newContext(proxyUrl);
  const name = `proxy-${stamp}.png`;
  const bytes = await sharp({ create: { width: 640, height: 480, channels: 3, background: "#1565c0" } })
    .png()
    .toBuffer();
  // Uploaded through the proxy, with an address the client made up.
  const upload = await editor.post("/api/media", {
    headers: { "X-File-Name": encodeURIComponent(name), "Content-Type": "application/octet-stream", "X-Forwarded-For": "203.0.113.9" },
    data: bytes,
  });
  const body = (await upload.json()) as { photo?: { id: number; variants: { format: string; url: string }[] }; error?: string };
  expect(upload.status(), body.error).toBe(201);
  const photo = body.photo!;
  const audit = queryDatabase<{ clientAddress: string }>(`SELECT clientAddress FROM AuditEvent WHERE action = 'photo.upload' AND target = ?`, `photo:${photo.id}`);
  expect(audit).toEqual([{ clientAddress: "127.0.0.1" }]);

  const variant = photo.variants.find((candidate) => candidate.format === "jpeg")!;
  const file = path.join(MEDIA_DIR, "public", variant.url.slice("/media/".length));
  const response = await reader.get(variant.url);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/jpeg");
  expect(response.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  // nginx's static file answer (the app's route sends neither header).
  expect(response.headers()["last-modified"]).toBe(fs.statSync(file).mtime.toUTCString());
  expect(response.headers()["accept-ranges"]).toBe("bytes");
  expect(Buffer.from(await response.body()).equals(fs.readFileSync(file))).toBe(true);

  const [row] = queryDatabase<{ storageKey: string; contentHash: string }>(`SELECT storageKey, contentHash FROM Photo WHERE id = ?`, photo.id);
  expect(fs.existsSync(path.join(MEDIA_DIR, "originals", row.storageKey, `${row.contentHash}.png`))).toBe(true);
  for (const attempt of [
    `/media/${row.storageKey}/${row.contentHash}.png`,
    `/media/%2e%2e/originals/${row.storageKey}/${row.contentHash}.png`,
    `/originals/${row.storageKey}/${row.contentHash}.png`,
  ]) {
    const refused = await reader.get(attempt);
    expect(refused.status(), attempt).toBe(404);
  }
});

/** The Cookie header of a signed-in role (the stored sign-in state). */
function cookieHeader(role: E2ERole): string {
  const state = JSON.parse(fs.readFileSync(storageStatePath(role), "utf8")) as { cookies: { name: string; value: string }[] };
  return state.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

type RawResponse = { status: number; contentType: string; body: string };

/** POSTs a server action with its headers sent first; `sent` runs once the whole body is on the wire. */
function postActionInFlight(port: number, action: "saveArticleAction", args: unknown[], sent: () => void): Promise<RawResponse> {
  const { id, pages } = findAction(action);
  const body = JSON.stringify(args);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path: pages.find((page) => !page.includes("["))!,
        headers: {
          "Next-Action": id,
          "Content-Type": "text/plain;charset=UTF-8",
          "Content-Length": Buffer.byteLength(body),
          Accept: "text/x-component",
          Origin: `http://127.0.0.1:${port}`,
          Cookie: cookieHeader("editor"),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, contentType: String(response.headers["content-type"] ?? ""), body: Buffer.concat(chunks).toString() }),
        );
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    // The request is under way at the server (headers read) before the body and the signal follow.
    request.flushHeaders();
    setTimeout(() => request.end(body, sent), 200);
  });
}

test("SIGTERM to an instance while a save is in flight: the save is acknowledged, then stored", async () => {
  const title = `停机保存测试${stamp}`;
  const saved = await publishArticle(title);
  const edited = `${title}第二版`;
  const instance = second!;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => instance.once("exit", (code, signal) => resolve({ code, signal })));

  const bodyHtml = `<p>${"停机时仍在保存的正文。".repeat(800)}</p>`;
  const response = await postActionInFlight(
    secondPort,
    "saveArticleAction",
    [{ articleId: saved.articleId, baseVersion: saved.version, intent: "save", input: articleInput({ title: edited, bodyHtml }) }],
    () => instance.kill("SIGTERM"),
  );
  expect(response.status).toBe(200);
  const result = parseActionResult(response.contentType, response.body) as ActionOutcome<SavedArticle> | undefined;
  expect(result).toMatchObject({ ok: true, data: { articleId: saved.articleId, version: saved.version + 1 } });

  const exit = await Promise.race([exited, new Promise<null>((resolve) => setTimeout(() => resolve(null), 15_000))]);
  expect(exit, "the instance stops by itself after the save").not.toBeNull();
  expect(exit?.signal).toBeNull();
  expect(queryDatabase(`SELECT title, version FROM Article WHERE id = ?`, saved.articleId)).toEqual([{ title: edited, version: saved.version + 1 }]);
});
