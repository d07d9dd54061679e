// Newsroom article writes: create and save with the workflow, optimistic versioning and exactly one
// revision per change. Every write is scoped by the viewer; a save based on an old version is refused.
import "server-only";
import { prisma, type Prisma } from "../db";
import { recordAudit } from "../audit/record";
import { indexArticle } from "../search/index";
import { refreshSimilarAround } from "../search/similar";
import { can, hasPermission } from "../auth/permissions";
import type { Viewer } from "../auth/viewer";
import { ForbiddenError, NotFoundError, StaleVersionError, ValidationError } from "../errors";
import { affectedTags, tags } from "../site/cache-tags";
import { excerpt } from "../text/excerpt";
import { htmlToText, sanitizeBodyHtml } from "../text/html";
import { formatShanghai, parseShanghai } from "../text/time";
import { fieldErrors } from "../validation";
import { articleInputSchema, type ArticleInput, type SaveIntent } from "./schema";
import { recordRevision, sameSnapshot, snapshotOf, withRelations, type ArticleSnapshot } from "./snapshot";

export type SaveOutcome = { articleId: number; version: number; changed: boolean; status: string; publicTags: string[] };
type Tx = Prisma.TransactionClient;
type Context = { clientAddress?: string };

export async function createArticle(viewer: Viewer, rawInput: unknown, intent: SaveIntent = "save", context: Context = {}): Promise<SaveOutcome> {
  if (!hasPermission(viewer.role, "article.create")) throw new ForbiddenError();
  const input = parseInput(rawInput);
  const blank = { status: "draft", createdById: viewer.id };
  if (intent !== "save" && intent !== "submit" && !can(viewer, intent, blank)) {
    await recordAudit({ actorId: viewer.id, action: "permission.denied", target: "article:new", detail: intent, clientAddress: context.clientAddress });
    throw new ForbiddenError();
  }
  return prisma.$transaction(async (tx) => {
    const created = await tx.article.create({ data: { title: input.title, bodyHtml: "", bodyText: "", createdById: viewer.id, updatedById: viewer.id, version: 0 } });
    const current = await tx.article.findUniqueOrThrow({ where: { id: created.id }, include: withRelations });
    return applyChange(tx, viewer, current, input, intent, context);
  });
}

export async function saveArticle(
  viewer: Viewer,
  { articleId, baseVersion, input: rawInput, intent = "save" }: { articleId: number; baseVersion: number; input: unknown; intent?: SaveIntent },
  context: Context = {},
): Promise<SaveOutcome> {
  const input = parseInput(rawInput);
  try {
    return await prisma.$transaction(async (tx) => {
      const current = await tx.article.findUnique({ where: { id: articleId }, include: withRelations });
      if (!current || !canSee(viewer, current)) throw new NotFoundError();
      const allowed = can(viewer, "edit", current) && (intent === "save" || can(viewer, intent, current));
      if (!allowed) throw new ForbiddenError();
      if (current.version !== baseVersion) throw new StaleVersionError(await staleInfo(tx, articleId, current.version));
      return applyChange(tx, viewer, current, input, intent, context);
    });
  } catch (error) {
    // Recorded after the rollback: written inside the refused transaction, the event would vanish with it.
    if (error instanceof ForbiddenError) {
      await recordAudit({ actorId: viewer.id, action: "permission.denied", target: `article:${articleId}`, detail: intent, clientAddress: context.clientAddress });
    }
    throw error;
  }
}

/** Reporters see their own articles; editors and admins see all. */
export function canSee(viewer: Viewer, article: { createdById: number | null }): boolean {
  return hasPermission(viewer.role, "article.editAny") || article.createdById === viewer.id;
}

type Current = Prisma.ArticleGetPayload<{ include: typeof withRelations }>;

async function applyChange(tx: Tx, viewer: Viewer, current: Current, input: ArticleInput, intent: SaveIntent, context: Context): Promise<SaveOutcome> {
  const bodyHtml = sanitizeBodyHtml(input.bodyHtml);
  const bodyText = htmlToText(bodyHtml);
  const autoSummary = !input.summary || input.summary === excerpt(current.bodyText);
  const { status, publishedAt } = nextWorkflowState(current, input, intent);
  const bylines = await resolveBylines(tx, input);
  const picks = await resolvePicks(tx, input, current.id);
  if (input.channelId && !(await tx.channel.findUnique({ where: { id: input.channelId }, select: { id: true } }))) {
    throw new ValidationError({ channelId: "栏目不存在" });
  }
  const next: ArticleSnapshot = {
    title: input.title,
    subtitle: input.subtitle,
    summary: autoSummary ? excerpt(bodyText) : input.summary,
    bodyHtml,
    source: input.source,
    channelId: input.channelId,
    status,
    publishedAt: publishedAt?.toISOString() ?? null,
    bylines: bylines.map(({ authorId, roleLabel }) => ({ authorId, roleLabel })),
    picks,
  };
  const before = snapshotOf(current);
  if (current.version > 0 && sameSnapshot(before, next)) {
    return { articleId: current.id, version: current.version, changed: false, status: current.status, publicTags: [] };
  }
  const updated = await tx.article.updateMany({
    where: { id: current.id, version: current.version },
    data: { title: next.title, subtitle: next.subtitle, summary: next.summary, bodyHtml, bodyText, source: next.source, channelId: next.channelId, status, publishedAt, updatedById: viewer.id, version: { increment: 1 } },
  });
  if (updated.count !== 1) throw new StaleVersionError(await staleInfo(tx, current.id, current.version + 1));
  await tx.byline.deleteMany({ where: { articleId: current.id } });
  await tx.byline.createMany({ data: bylines.map((byline, position) => ({ articleId: current.id, authorId: byline.authorId, roleLabel: byline.roleLabel, position })) });
  await tx.relatedEntry.deleteMany({ where: { articleId: current.id } });
  await tx.relatedEntry.createMany({ data: picks.map((pick, position) => ({ articleId: current.id, position, ...pick })) });
  const version = current.version + 1;
  await recordRevision(tx, { articleId: current.id, number: version, authorId: viewer.id });
  await auditWorkflow(tx, viewer, current, { status, publishedAt }, context);
  await indexArticle(tx, current.id);
  const neighbours = similarityInputsChanged(before, next) ? await refreshSimilarAround(tx, current.id) : [];
  const publicTags = [...new Set([...publicTagsFor(before, next, current.id), ...neighbours.map(tags.article)])];
  return { articleId: current.id, version, changed: true, status, publicTags };
}

function nextWorkflowState(current: Current, input: ArticleInput, intent: SaveIntent): { status: string; publishedAt: Date | null } {
  // The form shows minutes: an unchanged minute keeps the stored time to the millisecond.
  const keepsStored = current.publishedAt && input.publishedAt === formatShanghai(current.publishedAt);
  const typed = keepsStored ? current.publishedAt : input.publishedAt ? parseShanghai(input.publishedAt) : null;
  switch (intent) {
    case "save":
      return { status: current.status, publishedAt: typed ?? (current.status === "published" ? current.publishedAt : null) };
    case "submit":
      return { status: "review", publishedAt: typed };
    case "publish":
      return { status: "published", publishedAt: typed ?? startOfMinute(new Date()) };
    case "unpublish":
      return { status: "draft", publishedAt: typed };
    case "archive":
      return { status: "archived", publishedAt: current.publishedAt };
  }
}

function startOfMinute(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 60_000) * 60_000);
}

async function resolveBylines(tx: Tx, input: ArticleInput) {
  const resolved: { authorId: number; roleLabel: string }[] = [];
  for (const [index, byline] of input.bylines.entries()) {
    if (byline.authorId) {
      const author = await tx.author.findUnique({ where: { id: byline.authorId }, select: { id: true } });
      if (!author) throw new ValidationError({ [`bylines.${index}.authorName`]: "作者不存在，请重新选择" });
      resolved.push({ authorId: author.id, roleLabel: byline.roleLabel });
    } else {
      const author = await tx.author.create({ data: { name: byline.authorName, defaultRoleLabel: byline.roleLabel } });
      resolved.push({ authorId: author.id, roleLabel: byline.roleLabel });
    }
  }
  return resolved;
}

async function resolvePicks(tx: Tx, input: ArticleInput, articleId: number) {
  const picks: ArticleSnapshot["picks"] = [];
  for (const [index, pick] of input.picks.entries()) {
    if (pick.targetArticleId) {
      const target = await tx.article.findUnique({ where: { id: pick.targetArticleId }, select: { id: true, status: true, title: true } });
      if (!target || target.status !== "published" || target.id === articleId) throw new ValidationError({ [`picks.${index}.title`]: "推荐的文章不存在或尚未发布" });
      picks.push({ targetArticleId: target.id, title: pick.title || target.title, excerpt: pick.excerpt, url: "" });
    } else {
      picks.push({ targetArticleId: null, title: pick.title, excerpt: pick.excerpt, url: pick.url });
    }
  }
  return picks;
}

async function auditWorkflow(tx: Tx, viewer: Viewer, current: Current, next: { status: string; publishedAt: Date | null }, context: Context) {
  const target = `article:${current.id}`;
  const base = { actorId: viewer.id, target, clientAddress: context.clientAddress };
  if (next.status === "published" && (current.status !== "published" || current.publishedAt?.getTime() !== next.publishedAt?.getTime())) {
    const scheduled = next.publishedAt! > new Date();
    await recordAudit({ ...base, action: scheduled ? "article.schedule" : "article.publish", detail: next.publishedAt!.toISOString() }, tx);
  } else if (current.status === "published" && next.status !== "published") {
    await recordAudit({ ...base, action: next.status === "archived" ? "article.archive" : "article.unpublish" }, tx);
  } else if (next.status === "archived" && current.status !== "archived") {
    await recordAudit({ ...base, action: "article.archive" }, tx);
  }
}

/** What 相关推荐 depends on: the text, the channel, the picks it leaves out and when and whether it is published. */
function similarityInputsChanged(before: ArticleSnapshot, next: ArticleSnapshot): boolean {
  const inputs = (snapshot: ArticleSnapshot) =>
    JSON.stringify([snapshot.title, snapshot.subtitle, snapshot.summary, snapshot.bodyHtml, snapshot.channelId, snapshot.status, snapshot.publishedAt, snapshot.picks.map((pick) => pick.targetArticleId)]);
  return inputs(before) !== inputs(next);
}

function publicTagsFor(before: ArticleSnapshot, next: ArticleSnapshot, id: number): string[] {
  const wasOrIsPublished = [before, next].filter((snapshot) => snapshot.status === "published");
  const all = wasOrIsPublished.flatMap((snapshot) => affectedTags({ id, channelId: snapshot.channelId, authorIds: snapshot.bylines.map((b) => b.authorId) }));
  return [...new Set(all)];
}

async function staleInfo(tx: Tx, articleId: number, currentVersion: number) {
  const latest = await tx.revision.findFirst({ where: { articleId }, orderBy: { number: "desc" }, include: { author: { select: { displayName: true } } } });
  return { currentVersion, savedBy: latest?.author?.displayName ?? "其他人", savedAt: latest?.createdAt ?? new Date() };
}

function parseInput(rawInput: unknown): ArticleInput {
  const parsed = articleInputSchema.safeParse(rawInput);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  return parsed.data;
}
