// `cms deploy:nginx`: prints the nginx configuration for this installation (lib/deploy/nginx.ts).
import fs from "node:fs";
import { databaseFile, mediaDefaultMaxUploadMegabytes, mediaDir, mediaStoreKind } from "../../env";
import { renderNginxConfig } from "../../deploy/nginx";
import { parseNginxArgs, resolveNginxOptions } from "../../deploy/nginx-options";
import { getMediaUploadLimitBytes } from "../../settings/media";
import type { Command } from "../command";

const help = `Usage: npm run --silent cms -- deploy:nginx [options] > nginx.conf
Prints a complete nginx.conf for nginx in front of one or more \`next start\` instances of this
installation (--silent keeps npm's own banner out of the file):
  - a 1-second micro-cache of public pages for readers without a session cookie (cache lock,
    stale while updating, background update; Next's rsc and router headers in the cache key);
    signed-in users, /editor, /login and /api are never served from or stored in the cache;
  - photos straight from the media folder's public/ part, immutable; originals are never served;
  - gzip, an upload size limit a little above the app's photo limit, and the client address in
    X-Forwarded-For (the app needs no TRUST_PROXY_HOPS for it; see the README, Production).
Options:
  --listen ADDR:PORT     where nginx listens (default 80, every address); PORT alone works too
  --upstream ADDR:PORT   a next start instance; repeat for each (default 127.0.0.1:3000)
  --media-dir DIR        the photo folder, MEDIA_DIR (default: MEDIA_DIR, else media/ beside the database)
  --server-name NAME     the site's host name(s) (default _ , any)
  --max-upload-mb N      the photo upload limit to allow for (default: the limit in force, from
                         /editor/settings or MEDIA_MAX_UPLOAD_MB; run this again after changing it)
  --state-dir DIR        pid file, logs, temporary files and cache under DIR, for an nginx run
                         with \`nginx -c FILE\` by any user (default: Debian's locations and user
                         www-data, for /etc/nginx/nginx.conf)
  --user NAME            the user nginx's workers run as (default www-data without --state-dir)
Check the result with \`nginx -t -c FILE\`.`;

async function deployNginx(args: string[]): Promise<void> {
  const parsed = parseNginxArgs(args);
  const options = resolveNginxOptions(parsed, {
    // Photos in S3: nginx asks the instances for them (and caches them) instead of reading a folder.
    mediaDir: mediaStoreKind() === "local" ? mediaDir() : null,
    maxUploadMegabytes: parsed.maxUploadMegabytes ?? (await currentUploadLimitMegabytes()),
  });
  process.stdout.write(renderNginxConfig(options));
}

/** The photo upload limit in force: the admin's setting when the database has one, else the default. */
async function currentUploadLimitMegabytes(): Promise<number> {
  // Never create a database just to print a configuration.
  if (!fs.existsSync(databaseFile())) return mediaDefaultMaxUploadMegabytes();
  return Math.ceil((await getMediaUploadLimitBytes()) / 1024 / 1024);
}

export const deployNginxCommand: Command = {
  name: "deploy:nginx",
  summary: "print the nginx configuration (micro-cache, photos from disk) for the instances",
  help,
  run: deployNginx,
};
