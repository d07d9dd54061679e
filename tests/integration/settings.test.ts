// Site settings through lib/settings against a real SQLite file: stored values override the
// environment's defaults, an empty field goes back to the default, admins only, every change audited.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { getSettingsForm, updateSettings } from "@/lib/settings/manage";
import { toSiteOrigin } from "@/lib/settings/schema";
import { getSiteSettings, SITE_SETTINGS_TAG } from "@/lib/settings/site";
import { createViewer } from "./newsroom-factories";

const ADDRESS = { clientAddress: "198.51.100.20" };
const EMPTY = { siteName: "", defaultSource: "", siteUrl: "" };

const ENVIRONMENT = { SITE_NAME: "环境日报网", DEFAULT_SOURCE: "环境日报", SITE_URL: "https://env.example.com/" };
const saved = Object.fromEntries(Object.keys(ENVIRONMENT).map((key) => [key, process.env[key]]));

let admin: Viewer;
let editor: Viewer;
let reporter: Viewer;

beforeAll(async () => {
  Object.assign(process.env, ENVIRONMENT);
  admin = await createViewer("admin", { displayName: "站点管理员" });
  editor = await createViewer("editor");
  reporter = await createViewer("reporter");
});

afterAll(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

beforeEach(async () => {
  await prisma.setting.deleteMany();
});

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

async function lastEvent(actorId: number) {
  return prisma.auditEvent.findFirst({ where: { actorId }, orderBy: { id: "desc" } });
}

describe("site settings", () => {
  it("default to the environment when nothing is stored", async () => {
    expect(await getSiteSettings()).toEqual({ siteName: "环境日报网", defaultSource: "环境日报", siteUrl: "https://env.example.com" });
    expect(await getSettingsForm(admin)).toEqual({ stored: EMPTY, defaults: { siteName: "环境日报网", defaultSource: "环境日报", siteUrl: "https://env.example.com" } });
  });

  it("stores what an admin saves, audits it and expires every public page", async () => {
    const result = await updateSettings(admin, { siteName: " 济南日报网 ", defaultSource: "济南日报", siteUrl: "https://News.Example.com/" }, ADDRESS);
    expect(result).toEqual({ stored: { siteName: "济南日报网", defaultSource: "济南日报", siteUrl: "https://news.example.com" }, changed: true, publicTags: [SITE_SETTINGS_TAG] });
    expect(await getSiteSettings()).toEqual({ siteName: "济南日报网", defaultSource: "济南日报", siteUrl: "https://news.example.com" });
    const event = await lastEvent(admin.id);
    expect(event).toMatchObject({ action: "settings.update", target: "settings", clientAddress: ADDRESS.clientAddress });
    expect(event!.detail).toContain("网站名称：环境日报网（默认） → 济南日报网");
    expect(event!.detail).toContain("网站地址：https://env.example.com（默认） → https://news.example.com");
  });

  it("an empty field goes back to the default", async () => {
    await updateSettings(admin, { siteName: "济南日报网", defaultSource: "济南日报", siteUrl: "" });
    await updateSettings(admin, { siteName: "", defaultSource: "济南日报", siteUrl: "" });
    expect(await getSiteSettings()).toEqual({ siteName: "环境日报网", defaultSource: "济南日报", siteUrl: "https://env.example.com" });
    expect(await prisma.setting.count()).toBe(1);
  });

  it("a change of the default 来源 alone leaves public pages alone; no change records nothing", async () => {
    const result = await updateSettings(admin, { ...EMPTY, defaultSource: "本报" });
    expect(result).toMatchObject({ changed: true, publicTags: [] });
    const event = await lastEvent(admin.id);
    expect(await updateSettings(admin, { ...EMPTY, defaultSource: "本报" })).toMatchObject({ changed: false, publicTags: [] });
    expect((await lastEvent(admin.id))!.id).toBe(event!.id);
  });

  it("refuses a site URL that is not a bare http(s) origin, and writes nothing", async () => {
    for (const siteUrl of [
      "news.example.com",
      "ftp://news.example.com",
      "https://news.example.com/path",
      "https://news.example.com/?a=1",
      "https://user:pw@news.example.com",
      "javascript:alert(1)",
    ]) {
      const error = await caught(updateSettings(admin, { ...EMPTY, siteName: "不应保存", siteUrl }));
      expect(error, siteUrl).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fieldErrors.siteUrl, siteUrl).toMatch(/网站地址应为/);
    }
    expect(await prisma.setting.count()).toBe(0);
    const tooLong = await caught(updateSettings(admin, { ...EMPTY, siteName: "名".repeat(41) }));
    expect((tooLong as ValidationError).fieldErrors).toEqual({ siteName: "网站名称最多 40 个字" });
  });

  it("normalizes origins", () => {
    expect(toSiteOrigin("http://127.0.0.1:3100")).toBe("http://127.0.0.1:3100");
    expect(toSiteOrigin("HTTPS://WWW.Example.COM:443/")).toBe("https://www.example.com");
    expect(toSiteOrigin("https://example.com/#top")).toBeNull();
  });

  it("ignores a stored value the form would refuse", async () => {
    await prisma.setting.create({ data: { key: "site.url", value: "not a url" } });
    await prisma.setting.create({ data: { key: "site.name", value: "手工写入的名称" } });
    expect(await getSiteSettings()).toMatchObject({ siteName: "手工写入的名称", siteUrl: "https://env.example.com" });
  });

  it("is refused to editors and reporters, with a permission.denied event and nothing stored", async () => {
    for (const viewer of [editor, reporter]) {
      expect(await caught(updateSettings(viewer, { ...EMPTY, siteName: "越权名称" }, ADDRESS))).toBeInstanceOf(ForbiddenError);
      expect(await lastEvent(viewer.id)).toMatchObject({ action: "permission.denied", target: "settings", detail: "settings.update", clientAddress: ADDRESS.clientAddress });
      expect(await caught(getSettingsForm(viewer))).toBeInstanceOf(ForbiddenError);
      expect(await lastEvent(viewer.id)).toMatchObject({ action: "permission.denied", target: "settings", detail: "settings.read" });
    }
    expect(await prisma.setting.count()).toBe(0);
    expect((await getSiteSettings()).siteName).toBe("环境日报网");
  });
});
