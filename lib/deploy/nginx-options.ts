// The options of `cms deploy:nginx`, parsed from its arguments. Pure: no environment, no files; the
// command supplies the defaults that depend on the installation (media folder, upload limit).
import { z } from "zod";
import { OperationError } from "../errors";

export type NginxOptions = {
  /** Where nginx listens: `ADDR:PORT`, `[IPv6]:PORT` or `PORT`. */
  listen: string;
  /** The `next start` instances, `ADDR:PORT` each, in order. */
  upstreams: string[];
  /** The photo folder (MEDIA_DIR): its `public/` subfolder is served at /media/. Absolute; null when photos are in S3 (MEDIA_STORE=s3): nginx then caches the app's answers. */
  mediaDir: string | null;
  serverName: string;
  /** The app's photo upload limit in MB; nginx allows a little more so the app words the refusal. */
  maxUploadMegabytes: number;
  /** Folder for pid, logs, temporary files and the cache (absolute); null: Debian's own locations. */
  stateDir: string | null;
  /** The user nginx's workers run as (when started as root); null: none named. */
  user: string | null;
};

export type NginxArgs = {
  listen?: string;
  upstreams: string[];
  mediaDir?: string;
  serverName?: string;
  maxUploadMegabytes?: number;
  stateDir?: string;
  user?: string;
};

const PORT = "(?:[1-9]\\d{0,3}|[1-5]\\d{4}|6[0-4]\\d{3}|65[0-4]\\d{2}|655[0-2]\\d|6553[0-5])";
const HOST = "(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+\\])";
const LISTEN = new RegExp(`^(?:(?:${HOST}|\\*):)?${PORT}$`);
const UPSTREAM = new RegExp(`^${HOST}:${PORT}$`);
// Folders go into the configuration between double quotes: no quote, backslash, `$` or control character.
const ABSOLUTE_PATH = /^\/[^"\\$\p{Cc}]*$/u;

const MEGABYTES = "--max-upload-mb needs a whole number of megabytes from 1 to 1000";

const argsSchema = z.object({
  listen: z.string().regex(LISTEN, "--listen needs ADDR:PORT or PORT (for example 0.0.0.0:80 or 8080)").optional(),
  upstreams: z.array(z.string().regex(UPSTREAM, "--upstream needs ADDR:PORT (for example 127.0.0.1:3001)")),
  mediaDir: z.string().regex(ABSOLUTE_PATH, "--media-dir needs an absolute folder path without quotes, backslashes or $").optional(),
  serverName: z
    .string()
    .regex(/^[A-Za-z0-9_*.~-]+(?: [A-Za-z0-9_*.~-]+)*$/, "--server-name needs host names separated by spaces (for example news.example.com)")
    .optional(),
  maxUploadMegabytes: z.number({ error: MEGABYTES }).int(MEGABYTES).min(1, MEGABYTES).max(1000, MEGABYTES).optional(),
  stateDir: z.string().regex(ABSOLUTE_PATH, "--state-dir needs an absolute folder path without quotes, backslashes or $").optional(),
  user: z
    .string()
    .regex(/^[a-z_][a-z0-9_-]*$/, "--user needs a system user name (for example www-data)")
    .optional(),
});

const VALUE_FLAGS: Record<string, keyof NginxArgs> = {
  "--listen": "listen",
  "--upstream": "upstreams",
  "--media-dir": "mediaDir",
  "--server-name": "serverName",
  "--max-upload-mb": "maxUploadMegabytes",
  "--state-dir": "stateDir",
  "--user": "user",
};

/** The command's arguments, checked; throws OperationError with one English line on bad input. */
export function parseNginxArgs(args: readonly string[]): NginxArgs {
  const raw: Record<string, unknown> = { upstreams: [] };
  for (let index = 0; index < args.length; index++) {
    const [flag, inline] = splitFlag(args[index]);
    const key = VALUE_FLAGS[flag];
    if (!key) throw new OperationError(`unexpected argument "${args[index]}" (see cms deploy:nginx --help)`);
    const value = inline ?? args[++index];
    if (value === undefined || (inline === undefined && value.startsWith("--"))) throw new OperationError(`${flag} needs a value (see cms deploy:nginx --help)`);
    if (key === "upstreams") (raw.upstreams as string[]).push(value);
    else if (raw[key] !== undefined) throw new OperationError(`${flag} is given twice`);
    else raw[key] = key === "maxUploadMegabytes" ? toWholeNumber(value) : value;
  }
  const parsed = argsSchema.safeParse(raw);
  if (!parsed.success) throw new OperationError(parsed.error.issues[0].message);
  const duplicate = parsed.data.upstreams.find((upstream, index) => parsed.data.upstreams.indexOf(upstream) !== index);
  if (duplicate) throw new OperationError(`--upstream ${duplicate} is given twice`);
  return parsed.data;
}

function splitFlag(arg: string): [string, string | undefined] {
  const equals = arg.indexOf("=");
  return arg.startsWith("--") && equals > 0 ? [arg.slice(0, equals), arg.slice(equals + 1)] : [arg, undefined];
}

function toWholeNumber(value: string): number {
  return /^\d+$/.test(value) ? Number(value) : Number.NaN;
}

/** The arguments with the installation's defaults filled in. */
export function resolveNginxOptions(args: NginxArgs, defaults: { mediaDir: string | null; maxUploadMegabytes: number }): NginxOptions {
  return {
    listen: args.listen ?? "80",
    upstreams: args.upstreams.length > 0 ? args.upstreams : ["127.0.0.1:3000"],
    mediaDir: args.mediaDir ?? defaults.mediaDir,
    serverName: args.serverName ?? "_",
    maxUploadMegabytes: args.maxUploadMegabytes ?? defaults.maxUploadMegabytes,
    stateDir: args.stateDir ?? null,
    user: args.user ?? (args.stateDir ? null : "www-data"),
  };
}
