// Revision history: list, compare any two at character level, restore one as a new revision.
import "server-only";
import { prisma } from "../db";
import { recordAudit } from "../audit/record";
import { can } from "../auth/permissions";
import type { Viewer } from "../auth/viewer";
import { NotFoundError } from "../errors";
import { characterDiff, hasChanges, type DiffPart } from "../text/diff";
import { htmlToText } from "../text/html";
import { fieldLabel, t, type FieldName } from "../messages/catalog";
import { formatShanghai } from "../text/time";
import { saveArticle } from "./save";
import { isVisibleInNewsroom } from "./visibility";
import { displayState } from "./editor";
import { splitBody, type BodyPhoto } from "./body";
import { parseSnapshot, type ArticleSnapshot } from "./snapshot";

async function requireRevisionAccess(viewer: Viewer, articleId: number) {
  const article = await prisma.article.findUnique({
    where: { id: articleId },
    select: { id: true, title: true, status: true, createdById: true, version: true, publishedAt: true },
  });
  if (!article || !isVisibleInNewsroom(viewer, article) || !can(viewer, "revisions", article)) throw new NotFoundError();
  return article;
}

export async function listRevisions(viewer: Viewer, articleId: number) {
  const article = await requireRevisionAccess(viewer, articleId);
  const revisions = await prisma.revision.findMany({
    where: { articleId },
    orderBy: { number: "desc" },
    select: { number: true, createdAt: true, author: { select: { displayName: true } } },
  });
  return {
    article: { id: article.id, title: article.title, version: article.version },
    revisions: revisions.map((revision) => ({
      number: revision.number,
      author: revision.author?.displayName ?? t("article.imported"),
      createdAt: formatShanghai(revision.createdAt),
    })),
  };
}

export type FieldDiff = { label: string; changed: boolean; parts: DiffPart[] };

export async function compareRevisions(viewer: Viewer, articleId: number, from: number, to: number): Promise<FieldDiff[]> {
  await requireRevisionAccess(viewer, articleId);
  const rows = await prisma.revision.findMany({ where: { articleId, number: { in: [from, to] } }, select: { number: true, snapshot: true } });
  const before = rows.find((row) => row.number === from);
  const after = rows.find((row) => row.number === to);
  if (!before || !after) throw new NotFoundError("revision.pairNotFound");
  const [a, b] = [parseSnapshot(before.snapshot), parseSnapshot(after.snapshot)];
  const names = await lookupNames([a, b]);
  const fields: [FieldName, (s: ArticleSnapshot) => string][] = [
    ["title", (s) => s.title],
    ["subtitle", (s) => s.subtitle],
    ["summary", (s) => s.summary],
    ["body", (s) => bodyDiffText(s.bodyHtml)],
    ["source", (s) => s.source],
    ["channel", (s) => (s.channelId ? (names.channels.get(s.channelId) ?? `#${s.channelId}`) : "")],
    ["bylines", (s) => s.bylines.map((b) => `${b.roleLabel} ${names.authors.get(b.authorId) ?? `#${b.authorId}`}`).join("、")],
    ["picks", (s) => s.picks.map((p) => [p.title, p.excerpt, p.url].filter(Boolean).join(" | ")).join("\n")],
    ["status", (s) => displayState({ status: s.status, publishedAt: s.publishedAt ? new Date(s.publishedAt) : null }).label],
    ["publishedAt", (s) => (s.publishedAt ? formatShanghai(new Date(s.publishedAt)) : "")],
    ["lead", (s) => (s.lead ? t("revision.photo", { id: s.lead.photoId }) : "")],
    ["caption", (s) => s.lead?.caption ?? ""],
    ["alt", (s) => s.lead?.alt ?? ""],
  ];
  return fields.map(([field, read]) => {
    const parts = characterDiff(read(a), read(b));
    return { label: fieldLabel(field), changed: hasChanges(parts), parts };
  });
}

/** The body's text with each photo as a marker and its caption, so a photo added, removed or recaptioned shows. */
function bodyDiffText(bodyHtml: string): string {
  const figure = (photo: BodyPhoto) => [t("revision.photo", { id: photo.photoId }), photo.caption].filter(Boolean).join(" ");
  return splitBody(bodyHtml)
    .map((part) => {
      if (part.kind === "html") return htmlToText(part.html);
      if (part.kind === "photo") return figure(part.photo);
      return [t("revision.gallery"), ...part.photos.map(figure), part.caption].filter(Boolean).join("\n");
    })
    .filter(Boolean)
    .join("\n");
}

async function lookupNames(snapshots: ArticleSnapshot[]) {
  const authorIds = [...new Set(snapshots.flatMap((s) => s.bylines.map((b) => b.authorId)))];
  const channelIds = [...new Set(snapshots.flatMap((s) => (s.channelId ? [s.channelId] : [])))];
  const [authors, channels] = await Promise.all([
    prisma.author.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true } }),
    prisma.channel.findMany({ where: { id: { in: channelIds } }, select: { id: true, name: true } }),
  ]);
  return { authors: new Map(authors.map((a) => [a.id, a.name])), channels: new Map(channels.map((c) => [c.id, c.name])) };
}

/**
 * Restores the content of revision `number` (fields, bylines, picks, photos) as a new revision. The
 * workflow state and publish time stay as they are: restoring text never publishes or unpublishes.
 */
export async function restoreRevision(
  viewer: Viewer,
  { articleId, number, baseVersion }: { articleId: number; number: number; baseVersion: number },
  context: { clientAddress?: string } = {},
) {
  const article = await requireRevisionAccess(viewer, articleId);
  const revision = await prisma.revision.findUnique({ where: { articleId_number: { articleId, number } } });
  if (!revision || !can(viewer, "restore", article)) throw new NotFoundError("revision.notFound");
  const snapshot = parseSnapshot(revision.snapshot);
  const names = await lookupNames([snapshot]);
  const input = {
    title: snapshot.title,
    subtitle: snapshot.subtitle,
    summary: snapshot.summary,
    bodyHtml: snapshot.bodyHtml,
    channelId: snapshot.channelId,
    source: snapshot.source,
    publishedAt: article.publishedAt ? formatShanghai(article.publishedAt) : "",
    bylines: snapshot.bylines.map((b) => ({ authorId: b.authorId, authorName: names.authors.get(b.authorId) ?? t("author.unknown"), roleLabel: b.roleLabel })),
    picks: snapshot.picks,
    // A photo deleted from the library since (only unused photos can be) is left out.
    lead: snapshot.lead && (await photoExists(snapshot.lead.photoId)) ? snapshot.lead : null,
  };
  const outcome = await saveArticle(viewer, { articleId, baseVersion, input, intent: "save" }, context);
  if (outcome.changed)
    await recordAudit({ actorId: viewer.id, action: "article.restore", target: `article:${articleId}`, detail: `revision ${number}`, clientAddress: context.clientAddress });
  return outcome;
}

async function photoExists(photoId: number): Promise<boolean> {
  return (await prisma.photo.count({ where: { id: photoId } })) > 0;
}
