// The attacks of forbidden-actions.spec.ts: the world they aim at (this run's own articles, authors,
// channels, photos and a user), and one builder per newsroom server action. Each attempt is one call plus
// the rows it must leave alone when refused, and must change when the caller may.
import sharp from "sharp";
import type { Browser, BrowserContext } from "@playwright/test";
import { E2E_USERS, type E2ERole } from "./environment";
import { articleRow, articlesTitled, contextFor, createArticle, createWorld, uniqueTag, userRow, type Article, type World } from "./forbidden-world";
import { articleInput, callAction, queryDatabase, saveArticleOrThrow, type ActionName, type ActionOutcome, type SaveIntent } from "./server-actions";

// ---------------------------------------------------------------------------------------------
// The world: the shared articles, plus authors, channels, photos and a user of this run's own. The
// attacks aim at `author`, `channel` …; the positive controls change only `spare` things, never a target.

export type Named = { id: number; name: string };
export type ActionWorld = World & {
  /** Lower-case ASCII and unique to this run, for channel slugs. */
  slug: string;
  author: Named;
  otherAuthor: Named;
  channel: Named;
  otherChannel: Named;
  /** The newest channel when the world was made: the order of channels up to it is watched. */
  lastChannelId: number;
  /** Photos (named by file) uploaded by the editor and by the reporter. */
  editorPhoto: Named;
  reporterPhoto: Named;
  spare: {
    articles: Record<SaveIntent | "restore", Article>;
    author: Named;
    keptAuthor: Named;
    mergedAuthor: Named;
    channel: Named;
    movedChannel: Named;
    deletedChannel: Named;
    /** The reporter's: one they edit themselves, one an editor credits, one an editor deletes. */
    photo: Named;
    creditedPhoto: Named;
    deletedPhoto: Named;
    userEmail: string;
  };
};

/** Calls an action that must succeed (to build the world) and returns its data. */
async function callOk<T>(context: BrowserContext, action: ActionName, input: unknown): Promise<T> {
  const call = await callAction(context.request, action, [input]);
  const result = call.result as ActionOutcome<T> | undefined;
  if (!result?.ok) throw new Error(`${action} failed (${call.status}): ${result ? JSON.stringify(result) : call.body.slice(0, 500)}`);
  return result.data;
}

export async function createActionWorld(browser: Browser): Promise<ActionWorld> {
  const world = await createWorld(browser);
  const slug = uniqueTag("e2e");
  const [reporter, reporter2, editor, admin] = await Promise.all((["reporter", "reporter2", "editor", "admin"] as const).map((role) => contextFor(browser, role)));
  const author = async (label: string): Promise<Named> => {
    const name = `${world.tag}${label}`;
    return { id: (await callOk<{ authorId: number }>(editor, "createAuthorAction", { name, defaultRoleLabel: "本报记者", bio: "" })).authorId, name };
  };
  const channel = async (label: string, slugLabel: string): Promise<Named> => {
    const name = `${world.tag}${label}`;
    return { id: (await callOk<{ channelId: number }>(editor, "createChannelAction", { name, slug: `${slug}-${slugLabel}`, tagline: "" })).channelId, name };
  };
  const restorable = await createArticle(reporter2, `${world.tag}可恢复的草稿`, "save");
  await saveArticleOrThrow(reporter2.request, {
    articleId: restorable.id,
    baseVersion: articleRow(restorable.id).version,
    intent: "save",
    input: articleInput({ title: restorable.title, bodyHtml: "<p>第二稿。</p>" }),
  });
  const spareArticles = {
    save: await createArticle(reporter, `${world.tag}对照保存`, "save"),
    submit: await createArticle(reporter, `${world.tag}对照提交`, "save"),
    publish: await createArticle(reporter, `${world.tag}对照发布`, "submit"),
    unpublish: await createArticle(editor, `${world.tag}对照撤稿`, "publish"),
    archive: await createArticle(editor, `${world.tag}对照归档`, "publish"),
    restore: restorable,
  };
  const [targetAuthor, otherAuthor, spareAuthor, keptAuthor, mergedAuthor] = [
    await author("作者甲"),
    await author("作者乙"),
    await author("对照作者"),
    await author("保留作者"),
    await author("并入作者"),
  ];
  const [targetChannel, otherChannel, spareChannel, movedChannel, deletedChannel] = [
    await channel("栏目甲", "a"),
    await channel("栏目乙", "b"),
    await channel("对照栏目", "spare"),
    await channel("对照移动", "moved"),
    await channel("对照删除", "deleted"),
  ];
  const photo = (context: BrowserContext, label: string) => uploadPhoto(context, `${world.tag}${label}.png`);
  const [editorPhoto, reporterPhoto] = [await photo(editor, "编辑的图"), await photo(reporter, "记者的图")];
  const sparePhotos = { photo: await photo(reporter, "对照改图"), creditedPhoto: await photo(reporter, "对照署名"), deletedPhoto: await photo(reporter, "对照删图") };
  const userEmail = newUserEmail(world, "spare");
  await callOk(admin, "createUserAction", { ...NEW_USER, role: "reporter", email: userEmail });
  await Promise.all([reporter, reporter2, editor, admin].map((context) => context.close()));
  return {
    ...world,
    slug,
    author: targetAuthor,
    otherAuthor,
    channel: targetChannel,
    otherChannel,
    lastChannelId: deletedChannel.id,
    editorPhoto,
    reporterPhoto,
    spare: { articles: spareArticles, author: spareAuthor, keptAuthor, mergedAuthor, channel: spareChannel, movedChannel, deletedChannel, ...sparePhotos, userEmail },
  };
}

/** Uploads a small picture through the library's route handler, as the library page does. */
async function uploadPhoto(context: BrowserContext, name: string): Promise<Named> {
  const data = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#2e7d32" } })
    .png()
    .toBuffer();
  const response = await context.request.post("/api/media", { headers: { "X-File-Name": encodeURIComponent(name), "Content-Type": "application/octet-stream" }, data });
  const body = (await response.json()) as { photo?: { id: number }; error?: string };
  if (!body.photo) throw new Error(`upload of ${name} failed (${response.status()}): ${body.error}`);
  return { id: body.photo.id, name };
}

// ---------------------------------------------------------------------------------------------
// Attempts: one call each, with the rows it must not change (or, allowed, must change).

export type Attempt = {
  label: string;
  action: ActionName;
  /** Built at call time so every attempt carries current versions: the only reason to refuse is permission. */
  args: (world: ActionWorld) => unknown[];
  /** The rows the attempt must not change. */
  watch: (world: ActionWorld) => unknown;
  pathId?: (world: ActionWorld) => number;
  /** saveArticleAction: the intent, and whether the call creates the article. */
  save?: { intent: SaveIntent; creates: boolean };
  /**
   * Site-wide settings are one set for the whole site: such attempts take turns with other specs,
   * and a positive control puts back what was `stored` through the `restore` action.
   */
  siteWide?: { restore: ActionName; stored: () => unknown };
};
export type Target<T> = (world: ActionWorld) => T;

export function save(article: Target<Article>, intent: SaveIntent): Attempt {
  return {
    label: `${intent} via saveArticleAction`,
    action: "saveArticleAction",
    args: (world) => {
      const { id, title } = article(world);
      return [{ articleId: id, baseVersion: articleRow(id).version, intent, input: articleInput({ title: `${title}（改写）`, bodyHtml: "<p>改写的正文。</p>" }) }];
    },
    watch: (world) => articleRow(article(world).id),
    save: { intent, creates: false },
  };
}

export function createNew(intent: SaveIntent, label = "越权"): Attempt {
  const title = (world: ActionWorld) => `${world.tag}${label}新建${intent}`;
  return {
    label: `create with ${intent} via saveArticleAction`,
    action: "saveArticleAction",
    args: (world) => [{ articleId: null, baseVersion: 0, intent, input: articleInput({ title: title(world) }) }],
    watch: (world) => articlesTitled(title(world)),
    save: { intent, creates: true },
  };
}

export function restore(article: Target<Article>): Attempt {
  return {
    label: "restoreRevisionAction",
    action: "restoreRevisionAction",
    args: (world) => [{ articleId: article(world).id, number: 1, baseVersion: articleRow(article(world).id).version }],
    watch: (world) => articleRow(article(world).id),
    pathId: (world) => article(world).id,
  };
}

const authorRow = (id: number) =>
  queryDatabase(
    `SELECT name, defaultRoleLabel, bio, (SELECT count(*) FROM Byline WHERE authorId = a.id) AS bylines, (SELECT count(*) FROM User WHERE authorId = a.id) AS users FROM Author a WHERE id = ?`,
    id,
  )[0] ?? null;
const authorsNamed = (name: string) => queryDatabase(`SELECT id FROM Author WHERE name = ?`, name);

export function createAuthor(label: string): Attempt {
  const name = (world: ActionWorld) => `${world.tag}${label}新作者`;
  return {
    label: "createAuthorAction",
    action: "createAuthorAction",
    args: (world) => [{ name: name(world), defaultRoleLabel: "本报记者", bio: "" }],
    watch: (world) => authorsNamed(name(world)),
  };
}

export function updateAuthor(author: Target<Named>): Attempt {
  return {
    label: "updateAuthorAction",
    action: "updateAuthorAction",
    args: (world) => [{ authorId: author(world).id, name: `${author(world).name}改名`, defaultRoleLabel: "通讯员", bio: "改写的简介" }],
    watch: (world) => authorRow(author(world).id),
    pathId: (world) => author(world).id,
  };
}

export function mergeAuthors(keep: Target<Named>, remove: Target<Named>): Attempt {
  return {
    label: "mergeAuthorsAction",
    action: "mergeAuthorsAction",
    args: (world) => [{ keepId: keep(world).id, removeId: remove(world).id }],
    watch: (world) => [authorRow(keep(world).id), authorRow(remove(world).id)],
    pathId: (world) => keep(world).id,
  };
}

const channelRow = (id: number) =>
  queryDatabase(`SELECT name, slug, tagline, (SELECT count(*) FROM ChannelSlugRedirect WHERE channelId = c.id) AS oldSlugs FROM Channel c WHERE id = ?`, id)[0] ?? null;
const channelsNamed = (name: string) => queryDatabase(`SELECT id FROM Channel WHERE name = ?`, name);
/** Channels other specs create later are appended after these; only a move reorders them. */
const channelOrder = (world: ActionWorld) => queryDatabase<{ id: number }>(`SELECT id FROM Channel WHERE id <= ? ORDER BY position, id`, world.lastChannelId).map((row) => row.id);

export function createChannel(label: string, slugLabel: string): Attempt {
  const name = (world: ActionWorld) => `${world.tag}${label}新栏目`;
  return {
    label: "createChannelAction",
    action: "createChannelAction",
    args: (world) => [{ name: name(world), slug: `${world.slug}-${slugLabel}`, tagline: "" }],
    watch: (world) => channelsNamed(name(world)),
  };
}

export function updateChannel(channel: Target<Named>): Attempt {
  return {
    label: "updateChannelAction",
    action: "updateChannelAction",
    args: (world) => [{ channelId: channel(world).id, name: `${channel(world).name}改名`, slug: `${world.slug}-renamed-${channel(world).id}`, tagline: "改写的标语" }],
    watch: (world) => channelRow(channel(world).id),
    pathId: (world) => channel(world).id,
  };
}

export function moveChannel(channel: Target<Named>): Attempt {
  return {
    label: "moveChannelAction up",
    action: "moveChannelAction",
    args: (world) => [{ channelId: channel(world).id, direction: "up" }],
    watch: channelOrder,
    pathId: (world) => channel(world).id,
  };
}

export function deleteChannel(channel: Target<Named>): Attempt {
  return {
    label: "deleteChannelAction",
    action: "deleteChannelAction",
    args: (world) => [{ channelId: channel(world).id }],
    watch: (world) => channelRow(channel(world).id),
    pathId: (world) => channel(world).id,
  };
}

export const NEW_USER = { displayName: "越权创建的用户", role: "admin", password: "forbidden-password-1" };
export const newUserEmail = (world: World, label: string) => `forbidden-${label}-${world.tag.slice(2)}@e2e.test`.toLowerCase();
export type UserTarget = { name: string; email: Target<string> };
export const seeded = (role: E2ERole): UserTarget => ({ name: role, email: () => E2E_USERS[role].email });
export const spareUser: UserTarget = { name: "a user of this run", email: (world) => world.spare.userEmail };
const idOf = (target: UserTarget, world: ActionWorld) => Number(userRow(target.email(world))!.id);

export const createUser = (label: string): Attempt => ({
  label: "createUserAction",
  action: "createUserAction",
  args: (world) => [{ ...NEW_USER, email: newUserEmail(world, label) }],
  watch: (world) => userRow(newUserEmail(world, label)),
});
export const changeRole = (target: UserTarget, role: string): Attempt => ({
  label: `changeRoleAction ${target.name} → ${role}`,
  action: "changeRoleAction",
  args: (world) => [{ userId: idOf(target, world), role }],
  watch: (world) => userRow(target.email(world)),
});
export const resetPassword = (target: UserTarget): Attempt => ({
  label: `resetPasswordAction on ${target.name}`,
  action: "resetPasswordAction",
  args: (world) => [{ userId: idOf(target, world), password: "taken-over-password-1" }],
  watch: (world) => userRow(target.email(world)),
});
export const disable = (target: UserTarget): Attempt => ({
  label: `setDisabledAction on ${target.name}`,
  action: "setDisabledAction",
  args: (world) => [{ userId: idOf(target, world), disabled: true }],
  watch: (world) => userRow(target.email(world)),
});

export const SITE_KEYS = { siteName: "site.name", defaultSource: "site.defaultSource", siteUrl: "site.url" } as const;
const siteSettingRows = () => queryDatabase(`SELECT key, value FROM Setting WHERE key IN (?, ?, ?) ORDER BY key`, ...Object.values(SITE_KEYS));
/** The settings form's values as stored ("" where the environment's default applies). */
export function storedSiteSettings(): Record<keyof typeof SITE_KEYS, string> {
  const stored = new Map(siteSettingRows().map((row) => [row.key as string, row.value as string]));
  return { siteName: stored.get(SITE_KEYS.siteName) ?? "", defaultSource: stored.get(SITE_KEYS.defaultSource) ?? "", siteUrl: stored.get(SITE_KEYS.siteUrl) ?? "" };
}
const updateSettings = (label: string, values: Target<Record<keyof typeof SITE_KEYS, string>>): Attempt => ({
  label,
  action: "updateSettingsAction",
  args: (world) => [values(world)],
  watch: siteSettingRows,
  siteWide: { restore: "updateSettingsAction", stored: storedSiteSettings },
});
export const hijackSettings = updateSettings("updateSettingsAction (every setting)", (world) => ({
  siteName: `${world.tag}越权网站`,
  defaultSource: `${world.tag}越权来源`,
  siteUrl: "https://evil.example",
}));
// Readers never see the default 来源 (it only prefills the new-article form), so other specs running meanwhile do not either.
export const changeDefaultSource = updateSettings("updateSettingsAction (默认来源)", (world) => ({ ...storedSiteSettings(), defaultSource: `${world.tag}对照来源` }));

const MEDIA_LIMIT_KEY = "media.maxUploadMegabytes";
const mediaSettingRows = () => queryDatabase(`SELECT key, value FROM Setting WHERE key = ?`, MEDIA_LIMIT_KEY);
/** The media settings form's values as stored ("" where the environment's default applies). */
const storedMediaSettings = () => ({ maxUploadMegabytes: (mediaSettingRows()[0]?.value as string | undefined) ?? "" });
const updateMediaSettings = (megabytes: string): Attempt => ({
  label: `updateMediaSettingsAction (上限 ${megabytes} MB)`,
  action: "updateMediaSettingsAction",
  args: () => [{ maxUploadMegabytes: megabytes }],
  watch: mediaSettingRows,
  siteWide: { restore: "updateMediaSettingsAction", stored: storedMediaSettings },
});
/** 1 MB would refuse nearly every camera file: an attack on the whole newsroom. */
export const hijackMediaSettings = updateMediaSettings("1");
export const changeUploadLimit = updateMediaSettings("199");

// Not updatedAt or variantsPending: the background job that makes a photo's variants writes them.
const photoRow = (id: number) =>
  queryDatabase(`SELECT caption, alt, creditAuthorId, creditText, creditKind, sourceOrg, focalX, focalY, storageKey, uploadedById FROM Photo WHERE id = ?`, id)[0] ?? null;

export function updatePhoto(photo: Target<Named>, label: string): Attempt {
  return {
    label: "updatePhotoDetailsAction",
    action: "updatePhotoDetailsAction",
    args: (world) => [
      {
        photoId: photo(world).id,
        caption: `${label}图说`,
        alt: `${label}替代文字`,
        creditAuthorId: null,
        creditText: `${label}摄影`,
        creditKind: "supplied",
        sourceOrg: `${label}单位`,
        focalX: 0.1,
        focalY: 0.9,
      },
    ],
    watch: (world) => photoRow(photo(world).id),
    pathId: (world) => photo(world).id,
  };
}

export function creditPhoto(photo: Target<Named>, creditText: string): Attempt {
  return {
    label: "saveLeadCreditAction",
    action: "saveLeadCreditAction",
    args: (world) => [{ photoId: photo(world).id, creditAuthorId: null, creditText }],
    watch: (world) => photoRow(photo(world).id),
  };
}

export function deletePhoto(photo: Target<Named>): Attempt {
  return {
    label: "deletePhotoAction",
    action: "deletePhotoAction",
    args: (world) => [photo(world).id],
    watch: (world) => photoRow(photo(world).id),
    pathId: (world) => photo(world).id,
  };
}
