// Export and import against real SQLite files: export → import into a fresh empty database → export
// again gives the same document; import refuses a non-empty database and broken, foreign or changed
// files without writing anything. The JSON scanner is also checked one character at a time.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient, prisma, type Db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/passwords";
import { snapshotOf, withRelations } from "@/lib/articles/snapshot";
import { defaultExportFile, exportCommand } from "@/lib/cli/commands/export";
import { exportToFile } from "@/lib/json-transfer/export";
import { TransferError } from "@/lib/json-transfer/format";
import { importExportFile } from "@/lib/json-transfer/import";
import { TopLevelScanner, type ScanEvent } from "@/lib/json-transfer/json-scan";
import { createArticle, createAuthor, createChannel, minutesAfter } from "./factories";
import { copyMigratedDatabase } from "./migrated-database";
import { createUser } from "./newsroom-factories";

const folder = path.resolve("tests/.tmp", `transfer-${crypto.randomUUID()}`);
const quiet = { progress: () => () => undefined, log: () => undefined } as const;
const databases: Db[] = [];

function emptyDatabase(): Db {
  const file = copyMigratedDatabase(path.join(folder, `${crypto.randomUUID()}.db`));
  const db = createPrismaClient(`file:${file}`);
  databases.push(db);
  return db;
}

async function exportOf(db: Db, name: string): Promise<string> {
  const file = path.join(folder, name);
  await exportToFile(file, { db, progress: quiet.progress, batchSize: 2 });
  return fs.readFileSync(file, "utf8");
}

async function counts(db: Db) {
  const [users, channels, redirects, authors, articles, bylines, picks, revisions, audit, photos] = await Promise.all([
    db.user.count(),
    db.channel.count(),
    db.channelSlugRedirect.count(),
    db.author.count(),
    db.article.count(),
    db.byline.count(),
    db.relatedEntry.count(),
    db.revision.count(),
    db.auditEvent.count(),
    db.photo.count(),
  ]);
  return { users, channels, redirects, authors, articles, bylines, picks, revisions, audit, photos };
}

async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TransferError);
  expect((error as Error).message).not.toContain("\n");
  return (error as Error).message;
}

const withoutExportedAt = (text: string) => text.replace(/"exportedAt":"[^"]+"/, '"exportedAt":""');

/** Revisions 1..n by different users, each after a real change, as the newsroom records them. */
async function revise(articleId: number, authorIds: (number | null)[]) {
  for (const [index, authorId] of authorIds.entries()) {
    await prisma.$transaction(async (tx) => {
      if (index > 0) await tx.article.update({ where: { id: articleId }, data: { title: `第${index + 1}稿`, version: index + 1, updatedById: authorId } });
      const article = await tx.article.findUniqueOrThrow({ where: { id: articleId }, include: withRelations });
      await tx.revision.create({ data: { articleId, number: index + 1, authorId, snapshot: JSON.stringify(snapshotOf(article)) } });
    });
  }
}

let source: string;

beforeAll(async () => {
  fs.mkdirSync(folder, { recursive: true });
  const alice = await createUser("editor", { email: "alice@example.com", displayName: "编辑甲" });
  const bob = await createUser("reporter", { email: "bob@example.com", displayName: "记者乙" });
  const [pingyin, jinan, empty] = [await createChannel("平阴新闻"), await createChannel("济南"), await createChannel("空栏目")];
  await prisma.channelSlugRedirect.create({ data: { slug: "old-pingyin", channelId: pingyin.id } });
  await prisma.channel.update({ where: { id: empty.id }, data: { position: 7, tagline: "" } });
  const [feng, li, photo] = [await createAuthor("冯经伟"), await createAuthor("李通讯员", "通讯员"), await createAuthor("摄影师", "摄影")];
  const past = new Date("2020-03-02T03:09:00.000Z");

  const first = await createArticle({ status: "published", publishedAt: past, channelId: pingyin.id });
  const draft = await createArticle({ status: "draft", publishedAt: null });
  const later = await createArticle({ status: "published", publishedAt: minutesAfter(new Date(), 600), channelId: jinan.id });
  await createArticle({ status: "review", publishedAt: null, channelId: jinan.id, authorIds: [li.id] });
  await createArticle({ status: "archived", publishedAt: minutesAfter(past, -60 * 24), channelId: pingyin.id, picks: [{ targetArticleId: first.id }] });

  await prisma.byline.createMany({
    data: [photo, feng, li].map((author, position) => ({ articleId: first.id, authorId: author.id, roleLabel: author.defaultRoleLabel, position })),
  });
  await prisma.relatedEntry.createMany({
    data: [
      { articleId: first.id, position: 0, targetArticleId: later.id }, // points forward in the file
      { articleId: first.id, position: 1, title: "外部推荐", excerpt: "一段摘要", url: "https://example.com/a" },
      { articleId: first.id, position: 3, title: "没有链接的推荐", excerpt: "" },
    ],
  });
  await prisma.article.update({ where: { id: first.id }, data: { createdById: alice.id, updatedById: bob.id, createdAt: past, subtitle: "副标题" } });
  await prisma.article.update({ where: { id: draft.id }, data: { createdById: bob.id } });
  await revise(first.id, [alice.id, null, bob.id]);
  await revise(draft.id, [bob.id]);
  source = await exportOf(prisma, "source.json");
});

afterAll(async () => {
  for (const db of databases) await db.$disconnect();
  fs.rmSync(folder, { recursive: true, force: true });
});

describe("the export", () => {
  it("holds every status, a redirect, several bylines, picks with and without targets, and revisions", () => {
    const document = JSON.parse(source);
    expect(Object.keys(document)).toEqual(["format", "version", "exportedAt", "channels", "authors", "photos", "articles"]);
    expect(document).toMatchObject({ format: "newsdesk-export", version: 2, photos: [] });
    expect(document.articles.map((article: { lead: unknown }) => article.lead)).toEqual([null, null, null, null, null]);
    expect(document.channels.flatMap((channel: { redirects: string[] }) => channel.redirects)).toEqual(["old-pingyin"]);
    expect(new Set(document.articles.map((article: { status: string }) => article.status))).toEqual(new Set(["draft", "review", "published", "archived"]));
    const first = document.articles[0];
    expect(first.bylines.map((byline: { roleLabel: string }) => byline.roleLabel)).toEqual(["摄影", "本报记者", "通讯员"]);
    expect(first.picks.map((pick: { targetArticleId: number | null }) => pick.targetArticleId)).toEqual([document.articles[2].id, null, null]);
    expect(first.revisions.map((revision: { number: number; author: string | null }) => [revision.number, revision.author])).toEqual([
      [1, "alice@example.com"],
      [2, null],
      [3, "bob@example.com"],
    ]);
    expect(first).toMatchObject({ createdBy: "alice@example.com", updatedBy: "bob@example.com", version: 3, createdAt: "2020-03-02T03:09:00.000Z" });
    expect(source).not.toMatch(/passwordHash|argon2|sessionVersion/);
  });

  it("is what `cms export --out FILE` writes, with a one-line summary", async () => {
    const written: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (written.push(String(chunk)), true));
    const file = path.join(folder, "cli.json");
    await exportCommand.run(["--out", file]).finally(() => vi.restoreAllMocks());
    expect(written.at(-1)).toBe(`exported 5 articles (4 revisions), no photos, 3 channels, 3 authors to ${file}\n`);
    expect(withoutExportedAt(fs.readFileSync(file, "utf8"))).toBe(withoutExportedAt(source));
    expect(defaultExportFile(new Date("2026-03-01T12:00:00.123Z"))).toBe(path.resolve("data/exports/newsdesk-20260301T120000Z.json"));
  });

  it("refuses to overwrite an existing file", async () => {
    expect(await failure(exportToFile(path.join(folder, "source.json"), { db: prisma, progress: quiet.progress }))).toMatch(/already exists/);
  });
});

describe("export → import into an empty database → export", () => {
  let target: Db;

  beforeAll(async () => {
    target = emptyDatabase();
    // An account that already exists is linked by email; alice gets a placeholder.
    await target.user.create({ data: { email: "bob@example.com", displayName: "记者乙", passwordHash: "x", role: "reporter" } });
    const summary = await importExportFile(path.join(folder, "source.json"), { ...quiet, db: target, batchSize: 2 });
    expect(summary).toMatchObject({ channels: 3, authors: 3, articles: 5, bylines: 4, picks: 4, revisions: 4, placeholderUsers: ["alice@example.com"] });
  });

  it("gives the same document, except exportedAt", async () => {
    expect(withoutExportedAt(await exportOf(target, "round-trip.json"))).toBe(withoutExportedAt(source));
  });

  it("reads a version 1 file (from before photos) just the same: its export is the version 2 document", async () => {
    const v1 = source.replace('"version":2', '"version":1').replace('"photos":[],\n', "").replaceAll('"lead":null,"bylines"', '"bylines"');
    expect(v1).not.toMatch(/"photos"|"lead":null,/); // snapshots keep theirs: stored text, kept as it is
    const file = path.join(folder, "version-1.json");
    fs.writeFileSync(file, v1);
    const older = emptyDatabase();
    expect(await importExportFile(file, { ...quiet, db: older })).toMatchObject({ articles: 5, photos: 0, revisions: 4 });
    expect(withoutExportedAt(await exportOf(older, "version-1-round-trip.json"))).toBe(withoutExportedAt(source));
  });

  it("keeps ids, so new rows continue after them", async () => {
    const created = await target.article.create({ data: { title: "新稿", bodyHtml: "<p>正文</p>", bodyText: "正文" } });
    const { _max } = await prisma.article.aggregate({ _max: { id: true } });
    expect(created.id).toBe((_max.id ?? 0) + 1);
    await target.article.delete({ where: { id: created.id } });
  });

  it("links authorship by email and leaves unknown authors as disabled accounts that cannot sign in", async () => {
    const [bob, alice] = await Promise.all([
      target.user.findUniqueOrThrow({ where: { email: "bob@example.com" } }),
      target.user.findUniqueOrThrow({ where: { email: "alice@example.com" } }),
    ]);
    expect(alice).toMatchObject({ disabled: true, role: "reporter", displayName: "alice" });
    expect(await verifyPassword(alice.passwordHash, "")).toBe(false);
    expect(await target.article.count({ where: { createdById: bob.id } })).toBe(1);
    expect(await target.auditEvent.findFirst({ where: { action: "content.import" } })).toMatchObject({ actorId: null, clientAddress: "cli" });
  });
});

describe("import refuses without writing anything", () => {
  let empty: Db;
  const write = (name: string, text: string) => (fs.writeFileSync(path.join(folder, name), text), path.join(folder, name));
  const sourceFile = () => path.join(folder, "source.json");

  beforeAll(() => {
    empty = emptyDatabase();
  });

  it("a database that already holds content", async () => {
    const before = await counts(prisma);
    expect(await failure(importExportFile(sourceFile(), { ...quiet, db: prisma }))).toMatch(
      /^the database already holds content \(5 articles, 3 channels, 3 authors, 0 photos\); import needs an empty database/,
    );
    expect(await counts(prisma)).toEqual(before);
  });

  it.each([
    ["a truncated file", () => write("truncated.json", source.slice(0, Math.floor(source.length * 0.7))), /malformed JSON/],
    ["a file that is not JSON", () => write("page.txt", "“两手抓、两手赢”平阴为什么能\n济南日报 2020-03-02 11:09"), /malformed JSON: the document is not a JSON object/],
    ["a foreign JSON file", () => write("foreign.json", '{"name":"newsdesk","version":"0.1.0"}'), /not a newsdesk-export file$/],
    ["a later version", () => write("v3.json", source.replace('"version":2', '"version":3')), /unsupported export version 3 \(this newsdesk reads versions 1 to 2\)/],
    ["a version 1 file with photos", () => write("v1-photos.json", source.replace('"version":2', '"version":1')), /found "photos" where "articles" belongs/],
    ["a version 2 article without its 题图 field", () => write("no-lead.json", source.replace('"lead":null,', "")), /article #1 \(id \d+\): lead: /],
    ["an invalid record", () => write("bad-status.json", source.replace(/"status":"archived"/, '"status":"deleted"')), /article #5 \(id \d+\): status: /],
    ["a pick pointing outside the file", () => write("dangling.json", source.replace(/"targetArticleId":\d+/, '"targetArticleId":999')), /新闻推荐 target 999 is not in the file/],
    ["a missing file", () => path.join(folder, "missing.json"), /missing\.json: no such file$/],
  ])("%s", async (_case, file, message) => {
    expect(await failure(importExportFile(file(), { ...quiet, db: empty }))).toMatch(message);
    expect(await counts(empty)).toEqual({ users: 0, channels: 0, redirects: 0, authors: 0, articles: 0, bylines: 0, picks: 0, revisions: 0, audit: 0, photos: 0 });
  });

  it("a file that changes after the check, rolling back everything written before the bad record", async () => {
    const file = write("changing.json", source);
    const progress = (label: string) => {
      if (label === "importing articles") fs.writeFileSync(file, source.replace(/"status":"archived"/, '"status":"deleted"'));
      return () => undefined;
    };
    expect(await failure(importExportFile(file, { ...quiet, progress, db: empty, batchSize: 1 }))).toMatch(/article #5 .*; nothing was imported$/);
    expect(await counts(empty)).toEqual({ users: 0, channels: 0, redirects: 0, authors: 0, articles: 0, bylines: 0, picks: 0, revisions: 0, audit: 0, photos: 0 });
  });
});

describe("the streaming JSON scanner", () => {
  function scan(text: string): ScanEvent[] {
    const scanner = new TopLevelScanner();
    const events = [...text].flatMap((char) => scanner.feed(char));
    scanner.end();
    return events;
  }

  it("gives the same values as JSON.parse when fed one character at a time", () => {
    const document = JSON.parse(source);
    const events = scan(source);
    expect(events.filter((event) => event.kind === "item" && event.key === "articles").map((event) => (event as { value: unknown }).value)).toEqual(document.articles);
    expect(events.find((event) => event.kind === "field" && event.key === "exportedAt")).toEqual({ kind: "field", key: "exportedAt", value: document.exportedAt });
  });

  it.each(['{"a":[1,]}', '{"a":[,1]}', '{"a":1,}', '{"a":1} x', '{"a":[1] "b":2}', '{"a":"open', '["not an object"]', '{"a":{"b":1]}'])("rejects %s", (text) => {
    expect(() => scan(text)).toThrow();
  });

  it("accepts white space, escapes and empty arrays anywhere JSON allows them", () => {
    expect(scan(' \n{ "a\\"]" : "x,}]" ,\t"b" : [ ] , "c":[ {"d":[1,{"e":"]"}]} , 2 ] }\n')).toEqual([
      { kind: "field", key: 'a"]', value: "x,}]" },
      { kind: "arrayStart", key: "b" },
      { kind: "arrayStart", key: "c" },
      { kind: "item", key: "c", value: { d: [1, { e: "]" }] } },
      { kind: "item", key: "c", value: 2 },
    ]);
  });
});
