// The newsroom benchmark's installation: a fresh SQLite file under bench/.tmp migrated with
// `prisma migrate deploy`, then the lib modules (loaded only after DATABASE_URL points at that
// file, because lib/db reads it once) and an editor, a channel and an author to write with.
// The type-only imports below are erased, so they load nothing before DATABASE_URL is set.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { ArticleInput } from "../../lib/articles/schema";
import type { Viewer } from "../../lib/auth/viewer";
import { ROOT, TMP, log } from "./servers";

const SQLITE_SUFFIXES = ["", "-wal", "-shm", "-journal"];
const PICK_TITLE = "权威发布、5G加速、AI协同,在科技战“疫”背后 济南通信运营商的“硬核”担当";

export function removeDatabase(file: string): void {
  for (const suffix of SQLITE_SUFFIXES) fs.rmSync(file + suffix, { force: true });
}

/** Creates and migrates `file`, and points this process's DATABASE_URL at it. */
export function prepareDatabase(file: string): void {
  fs.mkdirSync(TMP, { recursive: true });
  removeDatabase(file);
  process.env.DATABASE_URL = `file:${file}`;
  log(`migrating a fresh database at ${path.relative(ROOT, file)} (prisma migrate deploy)…`);
  execFileSync(path.join(ROOT, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], { cwd: ROOT, env: process.env, stdio: "pipe" });
}

export async function loadLib() {
  if (!process.env.DATABASE_URL) throw new Error("prepareDatabase must run before loadLib");
  const [{ prisma }, { hashPassword }, save, revisions, diff, html, schema] = await Promise.all([
    import("../../lib/db"),
    import("../../lib/auth/passwords"),
    import("../../lib/articles/save"),
    import("../../lib/articles/revisions"),
    import("../../lib/text/diff"),
    import("../../lib/text/html"),
    import("../../lib/articles/schema"),
  ]);
  return { prisma, hashPassword, ...save, ...revisions, ...diff, ...html, ...schema };
}

export type Lib = Awaited<ReturnType<typeof loadLib>>;

export type Newsroom = { viewer: Viewer; inputFor: (paragraphs: readonly string[]) => ArticleInput };

/** An editor (the password hashed once with lib/auth/passwords), a channel and a staff author. */
export async function createNewsroom(lib: Lib): Promise<Newsroom> {
  const passwordHash = await lib.hashPassword("bench-newsroom-password");
  const user = await lib.prisma.user.create({ data: { email: "editor@bench.example", displayName: "夜班编辑", passwordHash, role: "editor" } });
  const channel = await lib.prisma.channel.create({ data: { slug: "pingyin-bench", name: "平阴观察（基准测试）" } });
  const author = await lib.prisma.author.create({ data: { name: "冯经伟", defaultRoleLabel: "本报记者" } });
  const viewer: Viewer = { id: user.id, email: user.email, displayName: user.displayName, role: "editor", authorId: null };
  const inputFor = (paragraphs: readonly string[]): ArticleInput => ({
    title: "“两手抓、两手赢”平阴为什么能",
    subtitle: "",
    summary: "",
    bodyHtml: lib.paragraphsToHtml([...paragraphs]),
    channelId: channel.id,
    lead: null,
    source: "济南日报",
    publishedAt: "",
    bylines: [{ authorId: author.id, authorName: author.name, roleLabel: "本报记者" }],
    picks: [{ targetArticleId: null, title: PICK_TITLE, excerpt: "", url: "https://www.example.com/news/2020-03-02/5g" }],
  });
  return { viewer, inputFor };
}
