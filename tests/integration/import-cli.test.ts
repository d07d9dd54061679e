// `cms import`: folders of legacy pages, re-imports, --update, --dry-run, broken files, failed pages, and the real command's exit codes.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { runImport } from "@/lib/cli/commands/import";
import { OperationError } from "@/lib/errors";
import { prisma } from "@/lib/db";
import { importPageFiles } from "@/lib/legacy-import/import-files";
import { lastTagEventId, readTagEvents } from "@/lib/site/tag-events";

const SAMPLES = path.resolve("tests/fixtures/legacy");
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "newsdesk-import-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** A folder of the sample pages (broken ones included), a PNG named .txt and a file that is not a page. */
function sampleFolder(name: string): string {
  const folder = path.join(scratch, name);
  fs.cpSync(SAMPLES, folder, { recursive: true });
  fs.mkdirSync(path.join(folder, "misc"));
  fs.writeFileSync(path.join(folder, "misc", "photo.txt"), PNG);
  fs.writeFileSync(path.join(folder, "misc", "notes.md"), "not a page");
  return folder;
}

function writePage(folder: string, file: string, lines: string[]): string {
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, file), lines.join("\n"));
  return path.join(folder, file);
}

/** Runs the command in process; returns its summary, its stdout and the cache tags it recorded for the servers. */
async function cms(args: string[]) {
  const lines: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (lines.push(String(chunk)), true));
  const lastEvent = await lastTagEventId();
  const summary = await runImport(args).finally(() => vi.restoreAllMocks());
  const requested = (await readTagEvents(lastEvent)).flatMap((event) => event.tags);
  return { summary, output: lines.join(""), requested };
}

async function counts() {
  const [articles, authors, channels, bylines, picks, revisions, events] = await Promise.all([
    prisma.article.count(),
    prisma.author.count(),
    prisma.channel.count(),
    prisma.byline.count(),
    prisma.relatedEntry.count(),
    prisma.revision.count(),
    prisma.auditEvent.count(),
  ]);
  return { articles, authors, channels, bylines, picks, revisions, events };
}

describe("cms import of a folder", () => {
  const folder = sampleFolder("samples");
  const changqing = path.join(folder, "changqing-2019-07-15-two-picks.txt");

  it("imports the pages found recursively, skips each broken file by name with its reason, and records the pages to refresh", async () => {
    const { summary, output, requested } = await cms([folder]);
    expect(summary.counts).toEqual({ imported: 6, updated: 0, unchanged: 0, changed: 0, skipped: 4, failed: 0 });
    expect(output).toContain("summary: 6 imported, 0 updated, 0 unchanged, 0 changed, 4 skipped\n");
    expect(output).toContain(`  ${path.join(folder, "broken", "empty.txt")}: empty file\n`);
    expect(output).toContain(`  ${path.join(folder, "broken", "no-date.txt")}: no date line after the title\n`);
    expect(output).toContain(`  ${path.join(folder, "broken", "no-title.txt")}: no title (the page starts with its date line)\n`);
    expect(output).toContain(`  ${path.join(folder, "misc", "photo.txt")}: binary file (contains NUL bytes)\n`);
    expect(output).not.toContain("notes.md");
    const articles = await prisma.article.findMany({ include: { channel: true } });
    expect(articles.map((article) => article.channel?.name).sort()).toEqual(["历城新闻", "商河新闻", "平阴新闻", "济南新闻", "章丘新闻", "长清新闻"]);
    expect(requested).toEqual(expect.arrayContaining(["front", "feed", "sitemap", ...articles.map((article) => `article-${article.id}`)]));
    expect(output).toMatch(/public pages: \d+ cache tags recorded; every running server shows the change within a second\n/);
  });

  it("stores the GB18030 page as text and the markup page escaped", async () => {
    const shanghe = await prisma.article.findFirstOrThrow({ where: { title: "商河县“鼓子秧歌”进校园" }, include: { bylines: { include: { author: true } } } });
    expect(shanghe.bodyText).toContain("𠀀䶮堃喆");
    expect(shanghe.bylines.map((byline) => byline.author.name)).toEqual(["冯经伟", "刘强"]);
    const markup = await prisma.article.findFirstOrThrow({ where: { title: { startsWith: "<script>" } } });
    expect(markup.bodyHtml).not.toMatch(/<script|<img/);
    expect(markup.bodyHtml).toContain("&lt;script&gt;alert(document.cookie)&lt;/script&gt;");
    expect(markup.bodyHtml).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;第二段。");
  });

  it("running it again changes nothing and records no refresh", async () => {
    const before = await counts();
    const { summary, requested } = await cms([folder]);
    expect(summary.counts).toMatchObject({ imported: 0, unchanged: 6, skipped: 4 });
    expect(await counts()).toEqual(before);
    expect(requested).toEqual([]);
  });

  it("a page edited on disk is reported and left as stored; with --update it becomes the next revision", async () => {
    fs.writeFileSync(changqing, fs.readFileSync(changqing, "utf8").replace("收购进度比去年同期快了一周", "收购进度比去年同期快了十天"));
    const article = await prisma.article.findFirstOrThrow({ where: { title: "长清区“夏粮入仓”跑出加速度" } });
    const before = await counts();
    const reported = await cms([folder]);
    expect(reported.summary.counts).toMatchObject({ changed: 1, unchanged: 5, updated: 0 });
    expect(reported.output).toContain(`changed: ${changqing} (article ${article.id}: body) differs from the stored article\n`);
    expect(reported.output).toContain("run again with --update");
    expect(await counts()).toEqual(before);

    const updated = await cms(["--update", folder]);
    expect(updated.summary.counts).toMatchObject({ updated: 1, unchanged: 5 });
    expect(updated.output).toContain(`updated: ${changqing} (article ${article.id}: body)\n`);
    expect(updated.requested).toContain(`article-${article.id}`);
    const stored = await prisma.article.findUniqueOrThrow({ where: { id: article.id }, include: { revisions: { orderBy: { number: "asc" } } } });
    expect(stored.version).toBe(article.version + 1);
    expect(stored.revisions.map((revision) => revision.number)).toEqual([1, 2]);
    expect(stored.bodyText).toContain("快了十天");
    expect(await counts()).toEqual({ ...before, revisions: before.revisions + 1, events: before.events + 1 });
  });

  it("--dry-run reports what would happen and writes nothing", async () => {
    writePage(folder, "new-page.txt", ["试运行新稿", "济南日报 2022-02-02 09:00", "正文。", "(记者 试运行作者)", "试运行新闻,测试。"]);
    fs.writeFileSync(changqing, fs.readFileSync(changqing, "utf8").replace("快了十天", "快了半个月"));
    const before = await counts();
    const { summary, output, requested } = await cms(["--dry-run", "--update", folder]);
    expect(summary.counts).toMatchObject({ imported: 1, updated: 1, unchanged: 5, skipped: 4 });
    expect(output).toContain("summary (dry run, nothing was written): 1 to import, 1 to update, 5 unchanged, 0 changed, 4 skipped\n");
    expect(await counts()).toEqual(before);
    expect(requested).toEqual([]);
  });
});

describe("cms import keeps going", () => {
  it("links a 新闻推荐 entry to a page imported earlier in the same batch", async () => {
    const folder = path.join(scratch, "picks");
    writePage(folder, "a-target.txt", ["批内被推荐稿", "济南日报 2021-03-01 08:00", "正文。", "(记者 冯经伟)"]);
    writePage(folder, "b-picker.txt", ["批内推荐稿", "济南日报 2021-03-02 08:00", "正文。", "(记者 冯经伟)", "新闻推荐", "批内被推荐稿", "摘要..."]);
    await cms([folder]);
    const [target, picker] = await Promise.all(
      ["批内被推荐稿", "批内推荐稿"].map((title) => prisma.article.findFirstOrThrow({ where: { title }, include: { relatedItems: true } })),
    );
    expect(picker.relatedItems).toEqual([expect.objectContaining({ targetArticleId: target.id, title: "批内被推荐稿" })]);
  });

  it("a page that cannot be written is reported; the rest is imported and the command fails at the end", async () => {
    const folder = path.join(scratch, "failing");
    const bad = writePage(folder, "a-bad.txt", ["写入失败稿", "济南日报 2021-04-01 08:00", "正文。", "(记者 写入失败作者)"]);
    writePage(folder, "b-good.txt", ["写入成功稿", "济南日报 2021-04-02 08:00", "正文。", "(记者 冯经伟)"]);
    await prisma.$executeRawUnsafe(
      `CREATE TRIGGER fail_page BEFORE INSERT ON "Revision" WHEN (SELECT title FROM "Article" WHERE id = NEW."articleId") = '写入失败稿' BEGIN SELECT RAISE(ABORT, 'injected'); END`,
    );
    const lines: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (lines.push(String(chunk)), true));
    try {
      await expect(runImport([folder])).rejects.toThrow(new OperationError("1 page could not be written (listed above); the rest of the batch went through"));
    } finally {
      await prisma.$executeRawUnsafe("DROP TRIGGER fail_page");
    }
    expect(lines.join("")).toContain(`failed: ${bad}: could not be written: `);
    expect(lines.join("")).toContain("1 imported, 0 updated, 0 unchanged, 0 changed, 0 skipped, 1 failed");
    expect(await prisma.article.count({ where: { title: "写入成功稿" } })).toBe(1);
    expect(await prisma.article.count({ where: { title: "写入失败稿" } })).toBe(0);
    expect(await prisma.author.count({ where: { name: "写入失败作者" } })).toBe(0);
  });

  it("an author and channel deleted during a batch: the page is retried with fresh lookups", async () => {
    const folder = path.join(scratch, "stale");
    const first = writePage(folder, "a.txt", ["过期缓存一", "济南日报 2021-05-01 08:00", "正文。", "(记者 孙悟空)", "花果山新闻,测试。"]);
    const second = writePage(folder, "b.txt", ["过期缓存二", "济南日报 2021-05-02 08:00", "正文。", "(记者 孙悟空)", "花果山新闻,测试。"]);
    const summary = await importPageFiles([first, second], {
      onFile: async (outcome) => {
        if (outcome.file !== first) return;
        await prisma.article.delete({ where: { id: outcome.articleId! } });
        await prisma.author.deleteMany({ where: { name: "孙悟空" } });
        await prisma.channel.deleteMany({ where: { name: "花果山新闻" } });
      },
    });
    expect(summary.counts).toMatchObject({ imported: 2, failed: 0 });
    const article = await prisma.article.findFirstOrThrow({ where: { title: "过期缓存二" }, include: { bylines: { include: { author: true } }, channel: true } });
    expect(article.bylines.map((byline) => byline.author.name)).toEqual(["孙悟空"]);
    expect(article.channel?.name).toBe("花果山新闻");
  });

  it("a --dry-run records nothing for the servers", async () => {
    const folder = path.join(scratch, "refresh");
    writePage(folder, "a.txt", ["刷新测试一", "济南日报 2021-06-01 08:00", "正文。"]);
    const dry = await cms(["--dry-run", folder]);
    expect(dry.summary.counts).toMatchObject({ imported: 1 });
    expect(dry.requested).toEqual([]);
    expect(dry.output).not.toContain("public pages:");
  });
});

describe("cms import arguments", () => {
  it.each([
    [["--force", "x"], 'unknown option "--force" (see cms import --help)'],
    [["-n"], 'unknown option "-n" (see cms import --help)'],
    [[], "missing PATH: name at least one page file or folder (see cms import --help)"],
    [["--dry-run"], "missing PATH: name at least one page file or folder (see cms import --help)"],
    [["/no/such/folder"], "path not found: /no/such/folder"],
  ])("%j is refused with a one-line error before anything is written", async (args, message) => {
    const before = await counts();
    await expect(runImport(args)).rejects.toThrow(new OperationError(message));
    expect(await counts()).toEqual(before);
  });

  it("after --, a path may start with a dash", async () => {
    const folder = path.join(scratch, "dash");
    writePage(folder, "-dash.txt", ["短横线文件名", "济南日报 2021-07-01 08:00", "正文。"]);
    const { summary } = await cms(["--dry-run", "--", path.join(folder, "-dash.txt")]);
    expect(summary.counts.imported).toBe(1);
  });
});

describe("npm run cms -- import (a real process)", () => {
  const run = (...args: string[]) =>
    spawnSync(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", "lib/cli/main.ts", "import", ...args], { env: process.env, encoding: "utf8", timeout: 60_000 });
  let folder: string;
  beforeAll(() => (folder = sampleFolder("spawned")));

  it("--help says that skipped pages do not fail the batch", () => {
    const result = run("--help");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/skipped while the rest of the batch goes on; the command then still exits with status 0/);
  });

  it("bad arguments exit 1 with one English line on stderr", () => {
    for (const [args, message] of [
      [["--bogus", folder], 'error: unknown option "--bogus" (see cms import --help)\n'],
      [[], "error: missing PATH: name at least one page file or folder (see cms import --help)\n"],
      [[path.join(folder, "nope")], `error: path not found: ${path.join(folder, "nope")}\n`],
    ] as const) {
      const result = run(...args);
      expect([result.status, result.stderr]).toEqual([1, message]);
    }
  });

  it("a dry run over a folder with broken files exits 0 with the summary and writes nothing", async () => {
    const before = await counts();
    const result = run("--dry-run", folder);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/\nsummary \(dry run, nothing was written\): \d+ to import, 0 to update, \d+ unchanged, \d+ changed, 4 skipped\n/);
    expect(result.stdout).toContain(`${path.join(folder, "misc", "photo.txt")}: binary file`);
    expect(await counts()).toEqual(before);
  });
});

describe("cms import on a long batch", () => {
  it("shows progress as it goes", async () => {
    const folder = path.join(scratch, "long");
    for (let day = 0; day < 120; day++)
      writePage(folder, `page-${String(day).padStart(3, "0")}.txt`, [
        `长批次稿件${day}`,
        `济南日报 2019-01-01 ${String(day % 24).padStart(2, "0")}:${String(day % 60).padStart(2, "0")}`,
        "正文。",
      ]);
    const { summary, output } = await cms(["--dry-run", folder]);
    expect(summary.counts.imported).toBe(120);
    expect(output).toContain("importing: 60/120 (50%)\n");
    expect(output).toContain("importing: 120/120 (100%)\n");
  });
});
