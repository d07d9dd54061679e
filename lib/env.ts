// The only reader of process.env. Secrets that are not given are generated once under data/.
import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { databaseFile, databaseUrl } from "./database-url";
import { OperationError } from "./errors";

export { databaseFile, databaseUrl };

const SECRETS_FILE = "secrets.json";

/** authSecret signs sessions; actionsKey (base64, 32 bytes) fixes the server actions' ids and encryption for every build of the same code. */
type Secrets = { authSecret: string; actionsKey: string };

/** The folder that holds generated secrets and, by default, the database. */
export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), "data");
}

export function port(): number {
  const value = Number(process.env.PORT);
  return Number.isInteger(value) && value > 0 ? value : 3000;
}

/** Public base URL used in canonical links, feeds and sitemaps (no trailing slash). */
export function siteUrl(): string {
  const configured = process.env.SITE_URL?.trim();
  return (configured || `http://localhost:${port()}`).replace(/\/+$/, "");
}

export function firstAdminFromEnv(): { email?: string; password?: string } {
  return { email: process.env.ADMIN_EMAIL?.trim() || undefined, password: process.env.ADMIN_PASSWORD || undefined };
}

/**
 * Reads the secrets, creating the file with fresh random values the first time.
 * Environment variables win over the file so a deployment can inject its own.
 */
export function secrets(): Secrets {
  const file = path.join(dataDir(), SECRETS_FILE);
  let stored: Partial<Secrets> = {};
  if (fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<Secrets>;
  const complete: Secrets = {
    authSecret: stored.authSecret ?? crypto.randomBytes(32).toString("base64url"),
    actionsKey: stored.actionsKey ?? crypto.randomBytes(32).toString("base64"),
  };
  if (stored.authSecret !== complete.authSecret || stored.actionsKey !== complete.actionsKey) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(complete, null, 2) + "\n", { mode: 0o600 });
  }
  return {
    authSecret: process.env.NEXTAUTH_SECRET || complete.authSecret,
    actionsKey: process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY || complete.actionsKey,
  };
}

export function isBuildPhase(): boolean {
  return process.env.NEXT_PHASE === "phase-production-build";
}

/** Site name shown in the header, titles, feeds and JSON-LD. */
export function siteName(): string {
  return process.env.SITE_NAME?.trim() || "城市新闻网";
}

/** How many reverse proxies in front of the app are trusted to report the client address. */
export function trustedProxyHops(): number {
  const hops = Number(process.env.TRUST_PROXY_HOPS ?? 0);
  return Number.isInteger(hops) && hops >= 0 ? hops : 0;
}

/** True when the site is served over HTTPS, so cookies must be Secure. */
export function usesHttps(): boolean {
  return siteUrl().startsWith("https://");
}

/** next-auth v4 reads its own base URL from NEXTAUTH_URL; default it to the site URL. */
export function applyAuthEnvironment(): void {
  process.env.NEXTAUTH_URL ??= siteUrl();
}

/** 来源 prefilled on new articles. */
export function defaultSource(): string {
  return process.env.DEFAULT_SOURCE?.trim() || "本报";
}

/**
 * The folder of every photo file (public variants and private originals): MEDIA_DIR, else `media/`
 * beside the SQLite database, so one data folder holds the whole site and a test or benchmark that
 * points DATABASE_URL elsewhere never writes into data/.
 */
export function mediaDir(): string {
  const configured = process.env.MEDIA_DIR?.trim();
  if (configured) return path.resolve(/*turbopackIgnore: true*/ process.cwd(), configured);
  const url = process.env.DATABASE_URL?.trim();
  if (url && !url.startsWith("file:")) return path.join(dataDir(), "media");
  return path.join(path.dirname(databaseFile()), "media");
}

export type MediaStoreKind = "local" | "s3";

/** Where photo files are stored: "local" (files under mediaDir()) or "s3" (a bucket, s3Settings()). */
export function mediaStoreKind(): MediaStoreKind {
  const kind = process.env.MEDIA_STORE?.trim() || "local";
  if (kind === "local" || kind === "s3") return kind;
  throw new OperationError(`MEDIA_STORE=${JSON.stringify(kind)} is not a media store: use "local" (the default) or "s3"`);
}

export type S3Settings = { endpoint: string; region: string; bucket: string; accessKeyId: string; secretAccessKey: string };

const S3_VARIABLES = {
  endpoint: "S3_ENDPOINT",
  region: "S3_REGION",
  bucket: "S3_BUCKET",
  accessKeyId: "S3_ACCESS_KEY_ID",
  secretAccessKey: "S3_SECRET_ACCESS_KEY",
} as const satisfies Record<keyof S3Settings, string>;

/**
 * The bucket of MEDIA_STORE=s3. Errors (one English line, as the CLI prints them) name the missing
 * or malformed variables, never a value: the key id and secret would end up in logs otherwise.
 */
export function s3Settings(): S3Settings {
  const values = Object.fromEntries(Object.entries(S3_VARIABLES).map(([field, name]) => [field, process.env[name]?.trim() ?? ""])) as S3Settings;
  const missing = Object.values(S3_VARIABLES).filter((name) => !process.env[name]?.trim());
  if (missing.length > 0) {
    throw new OperationError(
      `MEDIA_STORE=s3 needs ${missing.join(", ")} (the bucket's endpoint URL, region, name and access key); ${missing.length === 1 ? "it is" : "they are"} not set`,
    );
  }
  let endpoint: URL;
  try {
    endpoint = new URL(values.endpoint);
  } catch {
    throw new OperationError("S3_ENDPOINT must be a URL such as https://s3.example.com or http://127.0.0.1:9000");
  }
  if (endpoint.protocol !== "http:" && endpoint.protocol !== "https:") throw new OperationError("S3_ENDPOINT must start with http:// or https://");
  if (endpoint.username || endpoint.password) throw new OperationError("S3_ENDPOINT must not contain credentials: set S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY instead");
  if (endpoint.pathname !== "/" || endpoint.search) throw new OperationError("S3_ENDPOINT must be the server's address only (no path): the bucket goes in S3_BUCKET");
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(values.bucket)) throw new OperationError("S3_BUCKET must be a bucket name: 3 to 63 lowercase letters, digits, dots and hyphens");
  return { ...values, endpoint: endpoint.origin };
}

/** Largest image accepted, in pixels (width × height), checked before decoding. Default 100 megapixels. */
export function mediaMaxPixels(): number {
  const megapixels = Number(process.env.MEDIA_MAX_MEGAPIXELS);
  return Math.round((Number.isFinite(megapixels) && megapixels > 0 ? megapixels : 100) * 1_000_000);
}

/** Upload byte limit when an admin has set none (MEDIA_MAX_UPLOAD_MB, default 30 MB). */
export function mediaDefaultMaxUploadMegabytes(): number {
  const megabytes = Number(process.env.MEDIA_MAX_UPLOAD_MB);
  return Number.isInteger(megabytes) && megabytes > 0 ? megabytes : 30;
}

/** How many images are processed at once (MEDIA_CONCURRENCY), default half the CPU cores, at least 1. */
export function mediaConcurrency(): number {
  const configured = Number(process.env.MEDIA_CONCURRENCY);
  if (Number.isInteger(configured) && configured > 0) return configured;
  return Math.max(1, Math.floor(os.availableParallelism() / 2));
}
