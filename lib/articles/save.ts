// Newsroom article writes: create and save with the workflow, optimistic versioning and exactly one
// revision per change (written by ./write.ts). Every write is scoped by the viewer; a save based on
// an old version is refused.
import "server-only";
import type { Prisma } from "../db";
import { recordAudit } from "../audit/record";
import { recordingDenial, refuse, requireAllowed } from "../auth/guard";
import { can } from "../auth/permissions";
import type { Viewer } from "../auth/viewer";
import { ForbiddenError, NotFoundError, StaleVersionError, ValidationError } from "../errors";
import { t } from "../messages/catalog";
import { excerpt } from "../text/excerpt";
import { htmlToText, sanitizeBodyHtml } from "../text/html";
import { formatShanghai, parseShanghai } from "../text/time";
import { fieldErrors } from "../validation";
import { articleInputSchema, type ArticleInput, type SaveIntent } from "./schema";
import { snapshotOf, withRelations, type ArticleSnapshot } from "./snapshot";
import { isPublished, isVisibleInNewsroom } from "./visibility";
import { preparePhotos, requireAltText } from "./photos";
import { staleInfo, writeArticleVersion } from "./write";
import { publicChange } from "../site/tag-events";

/** `droppedImages`: images of the body that were not library photos and were left out. */
export type SaveOutcome = { articleId: number; version: number; changed: boolean; status: string; publicTags: string[]; droppedImages: number };
type Tx = Prisma.TransactionClient;
type Context = { clientAddress?: string };

export async function createArticle(viewer: Viewer, rawInput: unknown, intent: SaveIntent = "save", context: Context = {}): Promise<SaveOutcome> {
  const attempt = { tried: intent, target: "article:new", clientAddress: context.clientAddress };
  await requireAllowed(viewer, "article.create", attempt);
  const input = parseInput(rawInput);
  const blank = { status: "draft", createdById: viewer.id };
  if (intent !== "save" && intent !== "submit" && !can(viewer, intent, blank)) await refuse(viewer, attempt);
  return publicChange((tx) => applyChange(tx, viewer, null, input, intent, context));
}

export async function saveArticle(
  viewer: Viewer,
  { articleId, baseVersion, input: rawInput, intent = "save" }: { articleId: number; baseVersion: number; input: unknown; intent?: SaveIntent },
  context: Context = {},
): Promise<SaveOutcome> {
  const input = parseInput(rawInput);
  // The refusal is recorded after the rollback (see recordingDenial): the check needs the row.
  return recordingDenial(viewer, { tried: intent, target: `article:${articleId}`, clientAddress: context.clientAddress }, () =>
    publicChange(async (tx) => {
      const current = await tx.article.findUnique({ where: { id: articleId }, include: withRelations });
      if (!current || !isVisibleInNewsroom(viewer, current)) throw new NotFoundError();
      const allowed = can(viewer, "edit", current) && (intent === "save" || can(viewer, intent, current));
      if (!allowed) throw new ForbiddenError();
      if (current.version !== baseVersion) throw new StaleVersionError(await staleInfo(tx, articleId));
      return applyChange(tx, viewer, current, input, intent, context);
    }),
  );
}

type Current = Prisma.ArticleGetPayload<{ include: typeof withRelations }>;

/** The newsroom's version of the form's input: sanitized body, derived summary, workflow state, resolved bylines and picks. */
async function applyChange(tx: Tx, viewer: Viewer, current: Current | null, input: ArticleInput, intent: SaveIntent, context: Context): Promise<SaveOutcome> {
  const { bodyHtml, lead, dropped } = await preparePhotos(tx, { bodyHtml: sanitizeBodyHtml(input.bodyHtml), lead: input.lead });
  const autoSummary = !input.summary || (current !== null && input.summary === excerpt(current.bodyText));
  const { status, publishedAt } = nextWorkflowState(current, input, intent);
  const bylines = await resolveBylines(tx, input);
  const picks = await resolvePicks(tx, input, current?.id ?? null);
  if (input.channelId && !(await tx.channel.findUnique({ where: { id: input.channelId }, select: { id: true } }))) {
    throw new ValidationError({ channelId: t("article.channelMissing") });
  }
  if (status === "published") await requireAltText(tx, { bodyHtml, lead });
  const written = await writeArticleVersion(tx, {
    base: current && { id: current.id, version: current.version, snapshot: snapshotOf(current) },
    next: {
      title: input.title,
      subtitle: input.subtitle,
      summary: autoSummary ? excerpt(htmlToText(bodyHtml)) : input.summary,
      bodyHtml,
      source: input.source,
      channelId: input.channelId,
      status,
      publishedAt,
      bylines,
      picks,
      lead,
    },
    actorId: viewer.id,
  });
  if (written.changed) await auditWorkflow(tx, viewer, written.articleId, current ?? { status: "draft", publishedAt: null }, { status, publishedAt }, context);
  return { ...written, status: written.changed || !current ? status : current.status, droppedImages: dropped };
}

function nextWorkflowState(current: Current | null, input: ArticleInput, intent: SaveIntent): { status: string; publishedAt: Date | null } {
  // The form shows minutes: an unchanged minute keeps the stored time to the millisecond.
  const keepsStored = current?.publishedAt && input.publishedAt === formatShanghai(current.publishedAt);
  const typed = keepsStored ? current.publishedAt : input.publishedAt ? parseShanghai(input.publishedAt) : null;
  const status = current?.status ?? "draft";
  switch (intent) {
    case "save":
      return { status, publishedAt: typed ?? (status === "published" ? (current?.publishedAt ?? null) : null) };
    case "submit":
      return { status: "review", publishedAt: typed };
    case "publish":
      return { status: "published", publishedAt: typed ?? startOfMinute(new Date()) };
    case "unpublish":
      return { status: "draft", publishedAt: typed };
    case "archive":
      return { status: "archived", publishedAt: current?.publishedAt ?? null };
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
      if (!author) throw new ValidationError({ [`bylines.${index}.authorName`]: t("author.missing") });
      resolved.push({ authorId: author.id, roleLabel: byline.roleLabel });
    } else {
      const author = await tx.author.create({ data: { name: byline.authorName, defaultRoleLabel: byline.roleLabel } });
      resolved.push({ authorId: author.id, roleLabel: byline.roleLabel });
    }
  }
  return resolved;
}

async function resolvePicks(tx: Tx, input: ArticleInput, articleId: number | null) {
  const picks: ArticleSnapshot["picks"] = [];
  for (const [index, pick] of input.picks.entries()) {
    if (pick.targetArticleId) {
      const target = await tx.article.findUnique({ where: { id: pick.targetArticleId }, select: { id: true, status: true, title: true } });
      if (!target || !isPublished(target) || target.id === articleId) throw new ValidationError({ [`picks.${index}.title`]: t("article.pickUnavailable") });
      picks.push({ targetArticleId: target.id, title: pick.title || target.title, excerpt: pick.excerpt, url: "" });
    } else {
      picks.push({ targetArticleId: null, title: pick.title, excerpt: pick.excerpt, url: pick.url });
    }
  }
  return picks;
}

type Workflow = { status: string; publishedAt: Date | null };

async function auditWorkflow(tx: Tx, viewer: Viewer, articleId: number, current: Workflow, next: Workflow, context: Context) {
  const target = `article:${articleId}`;
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

function parseInput(rawInput: unknown): ArticleInput {
  const parsed = articleInputSchema.safeParse(rawInput);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  return parsed.data;
}
