// Calls newsroom server actions directly, the way Next's client does, and reads the e2e database
// (read-only) so specs can prove what a call did or did not change. An attacker needs no form:
// an action id and a POST are enough, so these helpers are how the specs play one.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { APIRequestContext } from "@playwright/test";
import { E2E_BASE_URL, E2E_DATABASE, ROOT } from "./environment";

export type ActionName =
  | "saveArticleAction"
  | "restoreRevisionAction"
  | "searchAuthorsAction"
  | "searchPublishedArticlesAction"
  | "createAuthorAction"
  | "updateAuthorAction"
  | "mergeAuthorsAction"
  | "createChannelAction"
  | "updateChannelAction"
  | "moveChannelAction"
  | "deleteChannelAction"
  | "createUserAction"
  | "changeRoleAction"
  | "resetPasswordAction"
  | "setDisabledAction"
  | "updateSettingsAction"
  | "updatePhotoDetailsAction"
  | "deletePhotoAction"
  | "updateMediaSettingsAction"
  | "listPickerPhotosAction"
  | "saveLeadCreditAction";

type ManifestEntry = { workers: Record<string, unknown>; filename: string; exportedName: string };

/** The newsroom's server actions in the build the server is running, by action id. */
function newsroomActions(): [string, ManifestEntry][] {
  // Read at call time, never at import: Playwright loads spec files before the server has built.
  const manifestPath = path.join(ROOT, ".next-e2e/server/server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8")) as { node: Record<string, ManifestEntry> };
  return Object.entries(manifest.node).filter(([, entry]) => entry.filename.startsWith("app/(editor)/"));
}

/** The names of every server action the newsroom exports, sorted: what the specs must cover. */
export function listNewsroomActions(): string[] {
  return [...new Set(newsroomActions().map(([, entry]) => entry.exportedName))].sort();
}

/** The action's id and the pages whose worker holds it, from the build the server is running. */
export function findAction(name: ActionName): { id: string; pages: string[] } {
  const found = newsroomActions().filter(([, entry]) => entry.exportedName === name);
  if (found.length !== 1) throw new Error(`expected one server action named ${name}, found ${found.length}`);
  const [id, entry] = found[0];
  // "app/(editor)/editor/articles/new/page" -> "/editor/articles/new"
  const pages = Object.keys(entry.workers).map(
    (worker) =>
      worker
        .replace(/^app/, "")
        .replace(/\/\([^)]+\)/g, "")
        .replace(/\/page$/, "") || "/",
  );
  return { id, pages };
}

export type ActionCall = {
  status: number;
  /** Where a redirect (e.g. the sign-in proxy) pointed, if the server answered with one. */
  location: string | null;
  /** The action's return value, or undefined when the response carried none. */
  result: unknown;
  body: string;
};

/**
 * POSTs `args` to the action as Next's client does: an RSC request to a page holding the action.
 * `at` overrides that page; `[id]` in a page path is filled with `pathId`. Redirects are not followed.
 */
export async function callAction(request: APIRequestContext, name: ActionName, args: unknown[], options: { at?: string; pathId?: number } = {}): Promise<ActionCall> {
  const { id, pages } = findAction(name);
  const page = options.at ?? pages.find((candidate) => !candidate.includes("[")) ?? pages[0].replace(/\[[^\]]+\]/g, String(options.pathId ?? 1));
  const response = await request.post(page, {
    headers: {
      "Next-Action": id,
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      Origin: E2E_BASE_URL,
    },
    data: JSON.stringify(escapeReply(args)),
    maxRedirects: 0,
  });
  const body = await response.text();
  return { status: response.status(), location: response.headers()["location"] ?? null, result: parseActionResult(response.headers()["content-type"] ?? "", body), body };
}

/** React's reply encoding marks references with a leading "$"; a literal one is written "$$". */
function escapeReply(value: unknown): unknown {
  if (typeof value === "string") return value.startsWith("$") ? `$${value}` : value;
  if (Array.isArray(value)) return value.map(escapeReply);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, escapeReply(item)]));
  return value;
}

/** The action result in an RSC response: row 0 says `"a":"$@N"`, row N holds the value as JSON. */
export function parseActionResult(contentType: string, body: string): unknown {
  if (!contentType.includes("text/x-component")) return undefined;
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (match) rows.set(match[1], match[2]);
  }
  const root = JSON.parse(rows.get("0") ?? "null") as { a?: string } | null;
  const reference = /^\$@([0-9a-f]+)$/.exec(root?.a ?? "");
  if (!reference) return undefined;
  const row = rows.get(reference[1]);
  return row === undefined ? undefined : reviveFlight(JSON.parse(row));
}

function reviveFlight(value: unknown): unknown {
  if (value === "$undefined") return undefined;
  if (typeof value === "string") return value.startsWith("$$") ? value.slice(1) : value;
  if (Array.isArray(value)) return value.map(reviveFlight);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, reviveFlight(item)]));
  return value;
}

/** What the newsroom form sends for an article; override the fields a test cares about. */
export function articleInput(overrides: Record<string, unknown> = {}) {
  return { title: "", subtitle: "", summary: "", bodyHtml: "<p>正文。</p>", channelId: null, source: "测试日报", publishedAt: "", bylines: [], picks: [], ...overrides };
}

/** What a save asks for besides storing the fields; the form's buttons send these. */
export const SAVE_INTENTS = ["save", "submit", "publish", "unpublish", "archive"] as const;
export type SaveIntent = (typeof SAVE_INTENTS)[number];
export type SavedArticle = { articleId: number; version: number; status: string };
export type ActionOutcome<T> = { ok: true; message: string; data: T } | { ok: false; message: string; fieldErrors?: Record<string, string> };

/** Saves through saveArticleAction and insists it worked; for setting up a test's own articles. */
export async function saveArticleOrThrow(
  request: APIRequestContext,
  save: { articleId: number | null; baseVersion: number; intent: SaveIntent; input: Record<string, unknown> },
): Promise<SavedArticle> {
  const call = await callAction(request, "saveArticleAction", [save]);
  const result = call.result as ActionOutcome<SavedArticle> | undefined;
  if (!result?.ok) throw new Error(`saveArticleAction failed (${call.status}): ${result ? JSON.stringify(result) : call.body.slice(0, 500)}`);
  return result.data;
}

/** One read-only query against the e2e database the server is writing to. */
export function queryDatabase<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(E2E_DATABASE, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
