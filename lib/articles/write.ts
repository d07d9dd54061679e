// The one write path of articles. Invariant: only this module creates Article, Byline, RelatedEntry
// and Revision rows. writeArticleVersion writes a new version (newsroom saves, legacy page imports);
// writeArticleHistory stores articles exactly as exported, revisions and all (JSON import).
import "server-only";
import type { Prisma } from "../db";
import { StaleVersionError } from "../errors";
import { t } from "../messages/catalog";
import { indexArticle } from "../search/index";
import { refreshSimilarAround } from "../search/similar";
import { affectedTags, tags } from "../site/cache-tags";
import { htmlToText } from "../text/html";
import { listBodyPhotos } from "./body";
import { sameSnapshot, snapshotFrom, type ArticleSnapshot } from "./snapshot";

type Tx = Prisma.TransactionClient;

/** A version's content: the snapshot's fields with the publish time as a date. The plain text is derived here. */
export type ArticleVersion = Omit<ArticleSnapshot, "publishedAt"> & { publishedAt: Date | null };

export type VersionWrite = {
  /** The stored article the version is based on (its number and content); null for a new article. */
  base: { id: number; version: number; snapshot: ArticleSnapshot } | null;
  next: ArticleVersion;
  actorId: number | null;
  /** A batch writes many articles and refreshes their 相关推荐 once at its end. */
  similar?: "now" | "at-end-of-batch";
};

export type VersionWritten = { articleId: number; version: number; changed: boolean; publicTags: string[] };

/**
 * Writes `next` as the version after `base` — the row (refused when someone saved since `base`),
 * bylines, 新闻推荐, the revision, the search index and 相关推荐 — and returns the public cache tags
 * to expire. Nothing is written when `next` equals `base`.
 */
export async function writeArticleVersion(tx: Tx, { base, next, actorId, similar = "now" }: VersionWrite): Promise<VersionWritten> {
  if (next.status === "published" && !next.publishedAt) throw new Error("a published article needs a publish time");
  const snapshot = snapshotFrom({ ...next, publishedAt: next.publishedAt?.toISOString() ?? null });
  if (base && sameSnapshot(base.snapshot, snapshot)) return { articleId: base.id, version: base.version, changed: false, publicTags: [] };
  const { bylines, picks, lead: _lead, ...fields } = next;
  const row = { ...fields, bodyText: htmlToText(next.bodyHtml), updatedById: actorId };
  const articleId = base ? await updateRow(tx, base, row) : (await tx.article.create({ data: { ...row, createdById: actorId, version: 1 }, select: { id: true } })).id;
  const version = base ? base.version + 1 : 1;
  if (base) {
    await tx.byline.deleteMany({ where: { articleId } });
    await tx.relatedEntry.deleteMany({ where: { articleId } });
  }
  await tx.byline.createMany({ data: bylines.map((byline, position) => ({ articleId, position, ...byline })) });
  await tx.relatedEntry.createMany({ data: picks.map((pick, position) => ({ articleId, position, ...pick })) });
  await tx.revision.create({ data: { articleId, number: version, authorId: actorId, snapshot: JSON.stringify(snapshot) } });
  await writePhotoUses(tx, articleId, snapshot, { replace: base !== null });
  await indexArticle(tx, articleId);
  const neighbours = similar === "now" && similarityInputsChanged(base?.snapshot ?? null, snapshot) ? await refreshSimilarAround(tx, articleId) : [];
  const publicTags = [...publicTagsOf(base?.snapshot ?? null, articleId), ...publicTagsOf(snapshot, articleId), ...neighbours.map(tags.article)];
  return { articleId, version, changed: true, publicTags: [...new Set(publicTags)] };
}

async function updateRow(tx: Tx, base: { id: number; version: number }, data: Prisma.ArticleUncheckedUpdateManyInput): Promise<number> {
  const updated = await tx.article.updateMany({ where: { id: base.id, version: base.version }, data: { ...data, version: { increment: 1 } } });
  if (updated.count !== 1) throw new StaleVersionError(await staleInfo(tx, base.id));
  return base.id;
}

/** Who saved the newest version, for the message of a refused save. */
export async function staleInfo(tx: Tx, articleId: number) {
  const article = await tx.article.findUnique({ where: { id: articleId }, select: { version: true } });
  const latest = await tx.revision.findFirst({ where: { articleId }, orderBy: { number: "desc" }, include: { author: { select: { displayName: true } } } });
  return { currentVersion: article?.version ?? 0, savedBy: latest?.author?.displayName ?? t("article.someoneElse"), savedAt: latest?.createdAt ?? new Date() };
}

/** The photos the version shows — its 题图 and the figures of its body — as the article's uses of them. */
async function writePhotoUses(tx: Tx, articleId: number, version: Pick<ArticleSnapshot, "lead" | "bodyHtml">, { replace }: { replace: boolean }): Promise<void> {
  if (replace) await tx.articlePhoto.deleteMany({ where: { articleId } });
  const lead = version.lead ? [{ ...version.lead, role: "lead", position: 0 }] : [];
  const uses = [...lead, ...listBodyPhotos(version.bodyHtml)];
  if (uses.length > 0) await tx.articlePhoto.createMany({ data: uses.map(({ photoId, role, position, caption, alt }) => ({ articleId, photoId, role, position, caption, alt })) });
}

/** What 相关推荐 depends on: the text, the channel, the picks it leaves out and when and whether it is published. */
function similarityInputsChanged(before: ArticleSnapshot | null, next: ArticleSnapshot): boolean {
  const inputs = (snapshot: ArticleSnapshot | null) =>
    snapshot &&
    JSON.stringify([
      snapshot.title,
      snapshot.subtitle,
      snapshot.summary,
      snapshot.bodyHtml,
      snapshot.channelId,
      snapshot.status,
      snapshot.publishedAt,
      snapshot.picks.map((pick) => pick.targetArticleId),
    ]);
  return inputs(before) !== inputs(next);
}

/** The pages a version shows on, when it is published (a scheduled one too: its pages are refreshed when due). */
function publicTagsOf(snapshot: ArticleSnapshot | null, id: number): string[] {
  if (snapshot?.status !== "published") return [];
  return affectedTags({ id, channelId: snapshot.channelId, authorIds: snapshot.bylines.map((byline) => byline.authorId) });
}

/** An article as an export holds it: its row as stored (id, times, version), bylines, picks and every revision. */
export type ArticleHistory = Omit<Prisma.ArticleCreateManyInput, "id"> & {
  id: number;
  lead: ArticleSnapshot["lead"];
  bylines: { position: number; authorId: number; roleLabel: string }[];
  picks: { position: number; targetArticleId: number | null; title: string; excerpt: string; url: string }[];
  revisions: { number: number; snapshot: string; authorId: number | null; createdAt: Date }[];
};

/**
 * Stores a batch of articles exactly as given, with their search index rows. A pick may name an
 * article that is not stored yet: pass it with no target and link it later with `linkPick`.
 */
export async function writeArticleHistory(tx: Tx, articles: ArticleHistory[]): Promise<void> {
  await tx.article.createMany({ data: articles.map(({ bylines: _bylines, picks: _picks, revisions: _revisions, lead: _lead, ...row }) => row) });
  const withArticle = <T>(article: ArticleHistory, rows: T[]) => rows.map((row) => ({ articleId: article.id, ...row }));
  const bylines = articles.flatMap((article) => withArticle(article, article.bylines));
  if (bylines.length > 0) await tx.byline.createMany({ data: bylines });
  const picks = articles.flatMap((article) => withArticle(article, article.picks));
  if (picks.length > 0) await tx.relatedEntry.createMany({ data: picks });
  const revisions = articles.flatMap((article) => withArticle(article, article.revisions));
  if (revisions.length > 0) await tx.revision.createMany({ data: revisions });
  for (const article of articles) {
    await writePhotoUses(tx, article.id, article, { replace: false });
    await indexArticle(tx, article.id);
  }
}

/** Points a stored 新闻推荐 entry at its target article (written after it, in a history batch). */
export async function linkPick(tx: Tx, pick: { articleId: number; position: number; targetArticleId: number }): Promise<void> {
  await tx.relatedEntry.update({ where: { articleId_position: { articleId: pick.articleId, position: pick.position } }, data: { targetArticleId: pick.targetArticleId } });
}
