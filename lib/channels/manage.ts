// Channels (栏目) in the newsroom: create, rename, edit tagline and slug, reorder, delete when empty.
// Invariant: a slug belongs to one channel, either as its current slug or as an old one that
// redirects; old slugs are kept so published channel URLs keep working.
import "server-only";
import { z } from "zod";
import { prisma, type Prisma } from "../db";
import { fieldErrors } from "../validation";
import type { AuditAction } from "../audit/actions";
import { recordAudit } from "../audit/record";
import { requireAllowed } from "../auth/guard";
import type { Viewer } from "../auth/viewer";
import { NotFoundError, ValidationError } from "../errors";
import { message, t } from "../messages/catalog";
import { field, required, rule } from "../messages/zod";
import { tags } from "../site/cache-tags";
import { slugFromName } from "./slug";
import { publishedWhere } from "../articles/visibility";
import { publicChange } from "../site/tag-events";

type Tx = Prisma.TransactionClient;
export type Context = { clientAddress?: string };

const channelIdSchema = z.number(rule("request.invalid")).int().positive();
const nameSchema = z.string(field("channelName")).trim().min(1).max(30);
const taglineSchema = z.string(field("tagline")).trim().max(200);
const slugSchema = z
  .string(field("slug", { unit: "letters" }))
  .trim()
  .toLowerCase()
  .max(60)
  .refine((slug) => slug === "" || /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug), rule("channel.slugFormat"));

/** One schema per input, shared by the channel forms, their actions, the CLI and the tests. */
export const createChannelSchema = z.object({ name: nameSchema, slug: slugSchema, tagline: taglineSchema });
export const updateChannelSchema = createChannelSchema.extend({ channelId: channelIdSchema, slug: slugSchema.refine((slug) => slug !== "", required("slug")) });
export const moveChannelSchema = z.object({ channelId: channelIdSchema, direction: z.enum(["up", "down"], rule("request.invalid")) });
export const deleteChannelSchema = z.object({ channelId: channelIdSchema });

export type CreateChannelInput = z.input<typeof createChannelSchema>;
export type UpdateChannelInput = z.input<typeof updateChannelSchema>;
export type MoveChannelInput = z.input<typeof moveChannelSchema>;
export type DeleteChannelInput = z.input<typeof deleteChannelSchema>;

export type ChannelSummary = { id: number; slug: string; name: string; tagline: string; position: number; articleCount: number; oldSlugs: string[] };
export type ChannelChange = { channel: ChannelSummary; changed: boolean; publicTags: string[] };

const summarySelect = {
  id: true,
  slug: true,
  name: true,
  tagline: true,
  position: true,
  _count: { select: { articles: true } },
  oldSlugs: { orderBy: { slug: "asc" }, select: { slug: true } },
} satisfies Prisma.ChannelSelect;
type SummaryRow = Prisma.ChannelGetPayload<{ select: typeof summarySelect }>;

export async function listChannelsForAdmin(viewer: Viewer, context: Context = {}): Promise<ChannelSummary[]> {
  await requireChannelManager(viewer, "channel.list", null, context);
  const rows = await prisma.channel.findMany({ orderBy: [{ position: "asc" }, { id: "asc" }], select: summarySelect });
  return rows.map(toSummary);
}

export async function getChannelForEdit(viewer: Viewer, channelId: number, context: Context = {}): Promise<ChannelSummary> {
  await requireChannelManager(viewer, "channel.read", channelId, context);
  return toSummary(await findChannel(prisma, channelId));
}

/** Appends a channel; an empty slug is made from the name (平阴新闻 → pingyin, then pingyin-2 …). */
export async function createChannel(viewer: Viewer, rawInput: CreateChannelInput, context: Context = {}): Promise<ChannelChange> {
  await requireChannelManager(viewer, "channel.create", null, context);
  const input = parse(createChannelSchema, rawInput);
  return withUniqueErrors(() =>
    publicChange(async (tx) => {
      await requireFreeName(tx, input.name, null);
      const slug = input.slug || (await freeSlugFrom(tx, slugFromName(input.name)));
      await requireFreeSlug(tx, slug, null);
      const last = await tx.channel.aggregate({ _max: { position: true } });
      const row = await tx.channel.create({ data: { name: input.name, slug, tagline: input.tagline, position: (last._max.position ?? -1) + 1 }, select: summarySelect });
      await audit(tx, viewer, context, { action: "channel.create", channelId: row.id, detail: `${row.name}（/channels/${row.slug}）` });
      return { channel: toSummary(row), changed: true, publicTags: [tags.channels, tags.channel(row.id), tags.front, tags.sitemap] };
    }),
  );
}

/** Renames, retags or moves a channel; the old slug keeps redirecting to the channel. */
export async function updateChannel(viewer: Viewer, rawInput: UpdateChannelInput, context: Context = {}): Promise<ChannelChange> {
  await requireChannelManager(viewer, "channel.update", rawInput?.channelId, context);
  const { channelId, ...input } = parse(updateChannelSchema, rawInput);
  return withUniqueErrors(() =>
    publicChange(async (tx) => {
      const before = await findChannel(tx, channelId);
      const changes = describeChanges(before, input);
      if (changes.length === 0) return { channel: toSummary(before), changed: false, publicTags: [] };
      if (input.name !== before.name) await requireFreeName(tx, input.name, channelId);
      if (input.slug !== before.slug) {
        await requireFreeSlug(tx, input.slug, channelId);
        // Taking back one of its own old slugs ends that redirect; the slug it leaves starts one.
        await tx.channelSlugRedirect.deleteMany({ where: { slug: input.slug, channelId } });
        await tx.channelSlugRedirect.upsert({ where: { slug: before.slug }, create: { slug: before.slug, channelId }, update: { channelId } });
      }
      const row = await tx.channel.update({ where: { id: channelId }, data: input, select: summarySelect });
      await audit(tx, viewer, context, { action: "channel.update", channelId, detail: `${row.name}：${changes.join("；")}` });
      return { channel: toSummary(row), changed: true, publicTags: await tagsOfChannel(tx, channelId, { listsChanged: input.name !== before.name || input.slug !== before.slug }) };
    }),
  );
}

/** Moves a channel one place up or down in the site's channel order. */
export async function moveChannel(viewer: Viewer, rawInput: MoveChannelInput, context: Context = {}): Promise<{ changed: boolean; publicTags: string[] }> {
  await requireChannelManager(viewer, "channel.reorder", rawInput?.channelId, context);
  const { channelId, direction } = parse(moveChannelSchema, rawInput);
  return publicChange(async (tx) => {
    const order = await tx.channel.findMany({ orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true, name: true, position: true } });
    const index = order.findIndex((channel) => channel.id === channelId);
    if (index === -1) throw new NotFoundError("channel.notFound");
    const other = direction === "up" ? index - 1 : index + 1;
    if (other < 0 || other >= order.length) return { changed: false, publicTags: [] };
    [order[index], order[other]] = [order[other], order[index]];
    // Renumbers from 0, which also repairs equal positions left by imports.
    for (const [position, channel] of order.entries()) {
      if (channel.position !== position) await tx.channel.update({ where: { id: channel.id }, data: { position } });
    }
    await audit(tx, viewer, context, {
      action: "channel.reorder",
      channelId,
      detail: t(direction === "up" ? "auditDetail.channelMovedUp" : "auditDetail.channelMovedDown", { name: order[other].name, position: other + 1 }),
    });
    return { changed: true, publicTags: [tags.channels, tags.front, tags.sitemap] };
  });
}

/** Deletes a channel that holds no article in any state; its old slugs go with it. */
export async function deleteChannel(viewer: Viewer, rawInput: DeleteChannelInput, context: Context = {}): Promise<{ name: string; publicTags: string[] }> {
  await requireChannelManager(viewer, "channel.delete", rawInput?.channelId, context);
  const { channelId } = parse(deleteChannelSchema, rawInput);
  return publicChange(async (tx) => {
    const channel = await findChannel(tx, channelId);
    // Counted inside the transaction: SQLite serializes writers, so no article can slip in meanwhile.
    const articles = await tx.article.count({ where: { channelId } });
    if (articles > 0) throw new ValidationError({}, message("channel.notEmpty", { name: channel.name, count: articles }));
    await tx.channel.delete({ where: { id: channelId } });
    await audit(tx, viewer, context, { action: "channel.delete", channelId, detail: `${channel.name}（/channels/${channel.slug}）` });
    return { name: channel.name, publicTags: [tags.channels, tags.channel(channelId), tags.front, tags.sitemap] };
  });
}

/** Who holds a slug: a channel by its current slug or by an old one that redirects. */
async function slugHolder(tx: Tx, slug: string): Promise<{ channelId: number; name: string; current: boolean } | null> {
  const channel = await tx.channel.findUnique({ where: { slug }, select: { id: true, name: true } });
  if (channel) return { channelId: channel.id, name: channel.name, current: true };
  const redirect = await tx.channelSlugRedirect.findUnique({ where: { slug }, select: { channel: { select: { id: true, name: true } } } });
  return redirect ? { channelId: redirect.channel.id, name: redirect.channel.name, current: false } : null;
}

async function requireFreeSlug(tx: Tx, slug: string, channelId: number | null): Promise<void> {
  const holder = await slugHolder(tx, slug);
  if (!holder || holder.channelId === channelId) return;
  throw new ValidationError({ slug: t(holder.current ? "channel.slugHeld" : "channel.slugRedirects", { name: holder.name }) });
}

async function freeSlugFrom(tx: Tx, base: string): Promise<string> {
  for (let suffix = 1; suffix < 100; suffix++) {
    const slug = suffix === 1 ? base : `${base}-${suffix}`;
    if (!(await slugHolder(tx, slug))) return slug;
  }
  throw new ValidationError({ slug: t("channel.slugUnavailable") });
}

async function requireFreeName(tx: Tx, name: string, channelId: number | null): Promise<void> {
  const holder = await tx.channel.findUnique({ where: { name }, select: { id: true } });
  if (holder && holder.id !== channelId) throw new ValidationError({ name: t("channel.nameTaken") });
}

/** Pages showing the channel; a new name or slug also shows in article lists by the channel's authors. */
async function tagsOfChannel(tx: Tx, channelId: number, { listsChanged }: { listsChanged: boolean }): Promise<string[]> {
  const base = [tags.channels, tags.channel(channelId), tags.front, tags.feed, tags.sitemap];
  if (!listsChanged) return base;
  const bylines = await tx.byline.findMany({ where: { article: { channelId, ...publishedWhere() } }, distinct: ["authorId"], select: { authorId: true } });
  return [...base, ...bylines.map((byline) => tags.author(byline.authorId))];
}

function describeChanges(before: { name: string; slug: string; tagline: string }, after: { name: string; slug: string; tagline: string }): string[] {
  const changes: string[] = [];
  if (before.name !== after.name) changes.push(t("auditDetail.channelName", { from: before.name, to: after.name }));
  if (before.slug !== after.slug) changes.push(t("auditDetail.channelSlug", { from: before.slug, to: after.slug }));
  if (before.tagline !== after.tagline) changes.push(t("auditDetail.channelTagline"));
  return changes;
}

async function findChannel(tx: Tx, id: number): Promise<SummaryRow> {
  const row = await tx.channel.findUnique({ where: { id }, select: summarySelect });
  if (!row) throw new NotFoundError("channel.notFound");
  return row;
}

function toSummary(row: SummaryRow): ChannelSummary {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    tagline: row.tagline,
    position: row.position,
    articleCount: row._count.articles,
    oldSlugs: row.oldSlugs.map((old) => old.slug),
  };
}

/** A concurrent write took the name or slug between the check and the insert. */
async function withUniqueErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (typeof error !== "object" || error === null || !("code" in error) || error.code !== "P2002") throw error;
    const target = JSON.stringify((error as { meta?: unknown }).meta ?? "");
    throw new ValidationError(target.includes("name") ? { name: t("channel.nameTaken") } : { slug: t("channel.slugTaken") });
  }
}

function requireChannelManager(viewer: Viewer, action: string, channelId: unknown, context: Context): Promise<void> {
  const target = typeof channelId === "number" ? `channel:${channelId}` : "channel";
  return requireAllowed(viewer, "channels.manage", { tried: action, target, clientAddress: context.clientAddress });
}

function audit(tx: Tx, viewer: Viewer, context: Context, event: { action: AuditAction; channelId: number; detail: string }) {
  return recordAudit({ actorId: viewer.id, action: event.action, target: `channel:${event.channelId}`, detail: event.detail, clientAddress: context.clientAddress }, tx);
}

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  return parsed.data;
}
