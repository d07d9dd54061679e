// Author profiles in the newsroom: list with article counts, create, edit and merge duplicates.
// Editors and admins only; every change is audited and reports the public cache tags it touched.
import "server-only";
import { z } from "zod";
import { prisma, type Prisma } from "../db";
import { fieldErrors } from "../validation";
import { parseSnapshot, type ArticleSnapshot } from "../articles/snapshot";
import type { AuditAction } from "../audit/actions";
import { recordAudit } from "../audit/record";
import { requireAllowed } from "../auth/guard";
import type { Viewer } from "../auth/viewer";
import { NotFoundError, ValidationError } from "../errors";
import { t } from "../messages/catalog";
import { field, rule } from "../messages/zod";
import { affectedTags, tags } from "../site/cache-tags";
import { publishedWhere } from "../articles/visibility";
import { photoTag } from "../media/cache-tags";
import { publicChange } from "../site/tag-events";

type Tx = Prisma.TransactionClient;
export type Context = { clientAddress?: string };

export const AUTHORS_PAGE_SIZE = 50;

const authorIdSchema = z.number(rule("request.invalid")).int().positive();

/** One schema for the author forms, their actions, the CLI and the tests (same limits as bylines). */
export const authorInputSchema = z.object({
  name: z.string(field("name")).trim().min(1).max(40),
  // Over the limit it says 署名身份, like the byline field whose limit it shares.
  defaultRoleLabel: z.string(field("defaultRoleLabel")).trim().min(1).max(20, field("roleLabel")),
  bio: z.string(field("bio")).trim().max(500),
});
export const updateAuthorSchema = authorInputSchema.extend({ authorId: authorIdSchema });
export const mergeAuthorsSchema = z
  .object({
    keepId: authorIdSchema,
    removeId: z
      .number(field("mergeSource", { choose: true }))
      .int()
      .positive(),
  })
  .refine((input) => input.keepId !== input.removeId, { ...rule("author.mergeIntoSelf"), path: ["removeId"] });

export type AuthorInput = z.infer<typeof authorInputSchema>;
export type UpdateAuthorInput = z.infer<typeof updateAuthorSchema>;
export type MergeAuthorsInput = z.infer<typeof mergeAuthorsSchema>;

export type AuthorSummary = { id: number; name: string; defaultRoleLabel: string; bio: string; articleCount: number; publishedCount: number; userCount: number };
export type AuthorDetail = AuthorSummary & { users: { id: number; displayName: string; email: string }[] };
export type AuthorChange = { author: AuthorSummary; changed: boolean; publicTags: string[] };
export type AuthorMerge = { kept: AuthorSummary; removed: { id: number; name: string }; movedArticles: number; movedUsers: number; publicTags: string[] };

const summarySelect = {
  id: true,
  name: true,
  defaultRoleLabel: true,
  bio: true,
  _count: { select: { bylines: true, users: true } },
} satisfies Prisma.AuthorSelect;
type SummaryRow = Prisma.AuthorGetPayload<{ select: typeof summarySelect }>;

export async function listAuthors(viewer: Viewer, { q = "", page = 1 }: { q?: string; page?: number } = {}, context: Context = {}) {
  await requireAuthorManager(viewer, "author.list", null, context);
  const where = q.trim() ? { name: { contains: q.trim() } } : {};
  const current = Math.max(1, Math.floor(page));
  const [total, rows] = await Promise.all([
    prisma.author.count({ where }),
    prisma.author.findMany({ where, orderBy: [{ name: "asc" }, { id: "asc" }], skip: (current - 1) * AUTHORS_PAGE_SIZE, take: AUTHORS_PAGE_SIZE, select: summarySelect }),
  ]);
  const items = await withPublishedCounts(prisma, rows);
  return { items, total, page: current, pageCount: Math.max(1, Math.ceil(total / AUTHORS_PAGE_SIZE)) };
}

export async function getAuthorDetail(viewer: Viewer, authorId: number, context: Context = {}): Promise<AuthorDetail> {
  await requireAuthorManager(viewer, "author.read", authorId, context);
  const row = await prisma.author.findUnique({
    where: { id: authorId },
    select: { ...summarySelect, users: { orderBy: { id: "asc" }, select: { id: true, displayName: true, email: true } } },
  });
  if (!row) throw new NotFoundError("author.notFound");
  const [summary] = await withPublishedCounts(prisma, [row]);
  return { ...summary, users: row.users };
}

/** Every other author for the merge select, those with the same name first (the likely duplicates). */
export async function listMergeCandidates(viewer: Viewer, authorId: number, context: Context = {}) {
  await requireAuthorManager(viewer, "author.read", authorId, context);
  const self = await prisma.author.findUnique({ where: { id: authorId }, select: { name: true } });
  if (!self) throw new NotFoundError("author.notFound");
  const rows = await prisma.author.findMany({
    where: { id: { not: authorId } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, _count: { select: { bylines: true } } },
  });
  const candidates = rows.map((row) => ({ id: row.id, name: row.name, articleCount: row._count.bylines, sameName: row.name === self.name }));
  return [...candidates.filter((c) => c.sameName), ...candidates.filter((c) => !c.sameName)];
}

export async function createAuthor(viewer: Viewer, rawInput: AuthorInput, context: Context = {}): Promise<AuthorChange> {
  await requireAuthorManager(viewer, "author.create", null, context);
  const input = parse(authorInputSchema, rawInput);
  return publicChange(async (tx) => {
    const row = await tx.author.create({ data: input, select: summarySelect });
    await audit(tx, viewer, context, { action: "author.create", authorId: row.id, detail: `${row.name}（${row.defaultRoleLabel}）` });
    // A visitor may have cached this id's 404 page.
    return { author: toSummary(row, 0), changed: true, publicTags: [tags.author(row.id)] };
  });
}

export async function updateAuthor(viewer: Viewer, rawInput: UpdateAuthorInput, context: Context = {}): Promise<AuthorChange> {
  await requireAuthorManager(viewer, "author.update", rawInput?.authorId, context);
  const { authorId, ...input } = parse(updateAuthorSchema, rawInput);
  return publicChange(async (tx) => {
    const before = await findAuthor(tx, authorId);
    const changes = describeChanges(before, input);
    if (changes.length === 0) return { author: (await withPublishedCounts(tx, [before]))[0], changed: false, publicTags: [] };
    const row = await tx.author.update({ where: { id: authorId }, data: input, select: summarySelect });
    await audit(tx, viewer, context, { action: "author.update", authorId, detail: `${row.name}：${changes.join("；")}` });
    // The role label and bio show only on the author's page; the name shows on every byline.
    const articleTags = before.name === row.name ? [tags.author(authorId)] : await tagsOfArticlesBy(tx, [authorId]);
    // Credit lines print the name and default role label of the photographer.
    const credited = await tx.photo.findMany({ where: { creditAuthorId: authorId }, select: { id: true } });
    const publicTags = [...articleTags, ...credited.map((photo) => photoTag(photo.id))];
    return { author: (await withPublishedCounts(tx, [row]))[0], changed: true, publicTags };
  });
}

/**
 * Folds `removeId` into `keepId`: bylines, linked users and revision snapshots move to the kept
 * author, an article that credited both keeps one byline (the earlier one), and an empty bio or
 * role label is filled from the removed record. The removed author's page then answers 404.
 */
export async function mergeAuthors(viewer: Viewer, rawInput: MergeAuthorsInput, context: Context = {}): Promise<AuthorMerge> {
  await requireAuthorManager(viewer, "author.merge", rawInput?.keepId, context);
  const { keepId, removeId } = parse(mergeAuthorsSchema, rawInput);
  return publicChange(async (tx) => {
    const keep = await findAuthor(tx, keepId);
    const remove = await findAuthor(tx, removeId, { removeId: t("author.mergeSourceMissing") });
    // Only the removed author's articles change; the kept author's page gains them. Photos they
    // took keep their credit, now to the kept author (their pages show the new name).
    const credited = await tx.photo.findMany({ where: { creditAuthorId: removeId }, select: { id: true } });
    const publicTags = [...new Set([tags.author(keepId), ...(await tagsOfArticlesBy(tx, [removeId])), ...credited.map((photo) => photoTag(photo.id))])];
    const movedArticles = await tx.article.count({ where: { bylines: { some: { authorId: removeId } } } });
    await moveBylines(tx, keepId, removeId);
    await remapRevisions(tx, keepId, removeId);
    const { count: movedUsers } = await tx.user.updateMany({ where: { authorId: removeId }, data: { authorId: keepId } });
    await tx.photo.updateMany({ where: { creditAuthorId: removeId }, data: { creditAuthorId: keepId } });
    await tx.author.delete({ where: { id: removeId } });
    const filled = { bio: keep.bio || remove.bio, defaultRoleLabel: keep.defaultRoleLabel || remove.defaultRoleLabel };
    const row = await tx.author.update({ where: { id: keepId }, data: filled, select: summarySelect });
    const detail = t("auditDetail.authorsMerged", { removed: remove.name, removedId: removeId, kept: keep.name, keptId: keepId, articles: movedArticles, users: movedUsers });
    await audit(tx, viewer, context, { action: "author.merge", authorId: keepId, detail });
    const [kept] = await withPublishedCounts(tx, [row]);
    return { kept, removed: { id: removeId, name: remove.name }, movedArticles, movedUsers, publicTags };
  });
}

async function moveBylines(tx: Tx, keepId: number, removeId: number): Promise<void> {
  const both = await tx.article.findMany({
    where: { AND: [{ bylines: { some: { authorId: removeId } } }, { bylines: { some: { authorId: keepId } } }] },
    select: { id: true, bylines: { orderBy: { position: "asc" }, select: { id: true, authorId: true, position: true } } },
  });
  for (const article of both) await collapseBylines(tx, article.bylines, keepId, removeId);
  await tx.byline.updateMany({ where: { authorId: removeId }, data: { authorId: keepId } });
}

/** One article credited both: the earlier byline stays (as the kept author), positions close up. */
async function collapseBylines(tx: Tx, bylines: { id: number; authorId: number; position: number }[], keepId: number, removeId: number) {
  let seen = false;
  const survivors: typeof bylines = [];
  for (const byline of bylines) {
    const isMerged = byline.authorId === keepId || byline.authorId === removeId;
    if (isMerged && seen) {
      await tx.byline.delete({ where: { id: byline.id } });
      continue;
    }
    if (isMerged) seen = true;
    if (byline.authorId === removeId) await tx.byline.update({ where: { id: byline.id }, data: { authorId: keepId } });
    survivors.push(byline);
  }
  // Ascending order never collides with (articleId, position): each row only moves down into a gap.
  for (const [index, byline] of survivors.entries()) {
    if (byline.position !== index) await tx.byline.update({ where: { id: byline.id }, data: { position: index } });
  }
}

/** Revisions keep naming a real author, so restoring an old version still works after a merge. */
async function remapRevisions(tx: Tx, keepId: number, removeId: number): Promise<void> {
  // Snapshots are JSON.stringify output, where a byline reads {"authorId":N,"roleLabel":…}.
  const revisions = await tx.revision.findMany({ where: { snapshot: { contains: `"authorId":${removeId},` } }, select: { id: true, snapshot: true } });
  for (const revision of revisions) {
    const snapshot = parseSnapshot(revision.snapshot);
    if (!snapshot.bylines.some((byline) => byline.authorId === removeId)) continue;
    const next: ArticleSnapshot = { ...snapshot, bylines: mergedBylines(snapshot.bylines, keepId, removeId) };
    await tx.revision.update({ where: { id: revision.id }, data: { snapshot: JSON.stringify(next) } });
  }
}

function mergedBylines<T extends { authorId: number }>(bylines: T[], keepId: number, removeId: number): T[] {
  const result: T[] = [];
  for (const byline of bylines) {
    const authorId = byline.authorId === removeId ? keepId : byline.authorId;
    if (authorId === keepId && result.some((kept) => kept.authorId === keepId)) continue;
    result.push({ ...byline, authorId });
  }
  return result;
}

/** Every public page showing these authors: their pages and each published article that credits them. */
async function tagsOfArticlesBy(tx: Tx, authorIds: number[]): Promise<string[]> {
  const articles = await tx.article.findMany({
    where: { ...publishedWhere(), bylines: { some: { authorId: { in: authorIds } } } },
    select: { id: true, channelId: true, bylines: { select: { authorId: true } } },
  });
  const all = articles.flatMap((article) => affectedTags({ id: article.id, channelId: article.channelId, authorIds: article.bylines.map((b) => b.authorId) }));
  return [...new Set([...authorIds.map(tags.author), ...all])];
}

function describeChanges(before: AuthorInput, after: AuthorInput): string[] {
  const changes: string[] = [];
  if (before.name !== after.name) changes.push(t("auditDetail.authorName", { from: before.name, to: after.name }));
  if (before.defaultRoleLabel !== after.defaultRoleLabel) changes.push(t("auditDetail.authorRoleLabel", { from: before.defaultRoleLabel, to: after.defaultRoleLabel }));
  if (before.bio !== after.bio) changes.push(t("auditDetail.authorBio"));
  return changes;
}

async function withPublishedCounts(db: Tx, rows: SummaryRow[]): Promise<AuthorSummary[]> {
  if (rows.length === 0) return [];
  const published = await db.byline.groupBy({ by: ["authorId"], where: { authorId: { in: rows.map((row) => row.id) }, article: publishedWhere() }, _count: { _all: true } });
  const counts = new Map(published.map((group) => [group.authorId, group._count._all]));
  return rows.map((row) => toSummary(row, counts.get(row.id) ?? 0));
}

function toSummary(row: SummaryRow, publishedCount: number): AuthorSummary {
  return { id: row.id, name: row.name, defaultRoleLabel: row.defaultRoleLabel, bio: row.bio, articleCount: row._count.bylines, publishedCount, userCount: row._count.users };
}

async function findAuthor(tx: Tx, id: number, missing?: Record<string, string>): Promise<SummaryRow> {
  const row = await tx.author.findUnique({ where: { id }, select: summarySelect });
  if (row) return row;
  throw missing ? new ValidationError(missing) : new NotFoundError("author.notFound");
}

function requireAuthorManager(viewer: Viewer, action: string, authorId: unknown, context: Context): Promise<void> {
  const target = typeof authorId === "number" ? `author:${authorId}` : "author";
  return requireAllowed(viewer, "authors.manage", { tried: action, target, clientAddress: context.clientAddress });
}

function audit(tx: Tx, viewer: Viewer, context: Context, event: { action: AuditAction; authorId: number; detail: string }) {
  return recordAudit({ actorId: viewer.id, action: event.action, target: `author:${event.authorId}`, detail: event.detail, clientAddress: context.clientAddress }, tx);
}

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  return parsed.data;
}
