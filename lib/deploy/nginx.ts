// The nginx configuration in front of several `next start` instances, as one complete nginx.conf.
// Invariants: a response is cached only for requests without a session cookie and never under
// /editor, /login or /api; /media/ serves public variant names only, never an original.
import { PUBLIC_FILE_HEADERS } from "../media/serve";
import type { NginxOptions } from "./nginx-options";

export type { NginxOptions } from "./nginx-options";

/** The headers Next's pages vary on (base-server setVaryHeader): each is part of the cache key. */
export const NEXT_VARY_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-url"] as const;

/** nginx may take this much more than the app's limit, so the app itself words the refusal. */
export const UPLOAD_MARGIN_MEGABYTES = 2;

/** A public variant's path below /media/, as lib/media/store.ts names them. */
const PUBLIC_VARIANT = "[0-9a-f]{16}/[0-9a-f]{16}-[1-9][0-9]{0,4}\\.(?:jpg|webp|avif)";

const GZIP_TYPES = [
  "text/plain",
  "text/css",
  "text/xml",
  "text/x-component",
  "application/javascript",
  "application/json",
  "application/xml",
  "application/rss+xml",
  "application/atom+xml",
  "application/manifest+json",
  "image/svg+xml",
];

export function renderNginxConfig(options: NginxOptions): string {
  const paths = statePaths(options.stateDir);
  const cacheKey = `$scheme$host$request_uri${NEXT_VARY_HEADERS.map((name) => `|$http_${name.replaceAll("-", "_")}`).join("")}`;
  const lines = [
    "# nginx configuration for newsdesk: `npm run --silent cms -- deploy:nginx` printed it; run that",
    "# again rather than editing (after a change of instances, photo folder or photo upload limit).",
    `# Instances: ${options.upstreams.join(", ")}. Photos: ${options.mediaDir ? `${options.mediaDir}/public` : "from the instances (MEDIA_STORE=s3), cached here"}.`,
    "# X-Forwarded-For carries exactly the address nginx saw, so the app reads the right client",
    "# address with TRUST_PROXY_HOPS unset (0) or 1 alike; keep the instances on loopback addresses.",
    ...(options.user ? [`user ${options.user};`] : []),
    "worker_processes auto;",
    `pid ${quote(paths.pid)};`,
    `error_log ${quote(paths.errorLog)};`,
    "",
    "events {",
    "  worker_connections 1024;",
    "}",
    "",
    "http {",
    `  access_log ${quote(paths.accessLog)};`,
    ...paths.temp.map(([directive, folder]) => `  ${directive} ${quote(folder)};`),
    "  default_type application/octet-stream;",
    "  sendfile on;",
    "  tcp_nopush on;",
    "  keepalive_timeout 65;",
    "  server_tokens off;",
    "",
    "  gzip on;",
    "  gzip_comp_level 5;",
    "  gzip_min_length 1024;",
    "  gzip_proxied any;",
    "  gzip_vary on;",
    `  gzip_types ${GZIP_TYPES.join(" ")};`,
    "",
    "  # Micro-cache for anonymous readers: Next renders a page about once a second or two per URL and",
    "  # variant, whatever the traffic. `1s` counts whole seconds on nginx's clock, so an entry lives",
    "  # 1 to 2 s; the instances apply a change from the database within half a second.",
    `  proxy_cache_path ${quote(paths.cache)} levels=1:2 keys_zone=newsdesk:16m max_size=512m inactive=10m use_temp_path=off;`,
    "",
    "  # Signed in: next-auth's session cookie (`__Secure-` over HTTPS, `.0`, `.1`… when chunked).",
    "  map $http_cookie $newsdesk_signed_in {",
    '    default "";',
    '    "~(?:^|;\\s*)(?:__Secure-)?next-auth\\.session-token(?:\\.\\d+)?=" 1;',
    "  }",
    "",
    "  upstream newsdesk {",
    ...options.upstreams.map((upstream) => `    server ${upstream};`),
    "    keepalive 32;",
    "    # Below Node's 5 s keep-alive timeout, so nginx never sends a request (a POST is not",
    "    # retried) on a connection the instance is closing.",
    "    keepalive_timeout 4s;",
    "  }",
    "",
    "  server {",
    `    listen ${options.listen};`,
    `    server_name ${options.serverName};`,
    `    client_max_body_size ${options.maxUploadMegabytes + UPLOAD_MARGIN_MEGABYTES}m;`,
    "",
    "    proxy_http_version 1.1;",
    '    proxy_set_header Connection "";',
    "    proxy_set_header Host $http_host;",
    "    proxy_set_header X-Forwarded-Host $http_host;",
    "    proxy_set_header X-Forwarded-Proto $scheme;",
    "    # Replaced, not appended to: `next start` adds no entry of its own, so the last entry must be",
    "    # the one nginx saw; a client's own X-Forwarded-For never reaches the app.",
    "    proxy_set_header X-Forwarded-For $remote_addr;",
    "    # nginx compresses; the instances send plain bytes, and the cache holds one copy.",
    '    proxy_set_header Accept-Encoding "";',
    "",
    "    location / {",
    "      proxy_pass http://newsdesk;",
    "      proxy_cache newsdesk;",
    `      proxy_cache_key "${cacheKey}";`,
    "      proxy_cache_valid 200 301 404 1s;",
    "      proxy_cache_lock on;",
    "      proxy_cache_lock_timeout 5s;",
    "      proxy_cache_use_stale updating error timeout http_500 http_502 http_503 http_504;",
    "      proxy_cache_background_update on;",
    "      # Next's s-maxage would keep a page for its whole revalidate period: the micro-cache's",
    "      # 1 s applies instead. Responses that set a cookie are still never stored.",
    "      proxy_ignore_headers Cache-Control Expires;",
    "      proxy_cache_bypass $newsdesk_signed_in;",
    "      proxy_no_cache $newsdesk_signed_in;",
    "      add_header X-Cache-Status $upstream_cache_status always;",
    "    }",
    "",
    "    # The newsroom, sign-in and API: per user, never cached.",
    "    location ~ ^/(?:editor|login|api)(?:/|$) {",
    "      proxy_pass http://newsdesk;",
    "      proxy_read_timeout 120s;",
    "    }",
    "",
    "    # Build assets: content-hashed names, immutable.",
    "    location /_next/static/ {",
    "      proxy_pass http://newsdesk;",
    "      proxy_cache newsdesk;",
    "      proxy_cache_key $request_uri;",
    "      proxy_cache_valid 200 7d;",
    "      add_header X-Cache-Status $upstream_cache_status always;",
    "    }",
    "",
    ...(options.mediaDir ? photosFromDisk(options.mediaDir) : photosFromInstances()),
    "  }",
    "}",
  ];
  return `${lines.join("\n")}\n`;
}

type StatePaths = { pid: string; errorLog: string; accessLog: string; cache: string; temp: [string, string][] };

/** Debian's own locations (its nginx.service expects /run/nginx.pid), or everything under one folder. */
function statePaths(stateDir: string | null): StatePaths {
  if (!stateDir) return { pid: "/run/nginx.pid", errorLog: "/var/log/nginx/error.log", accessLog: "/var/log/nginx/access.log", cache: "/var/lib/nginx/newsdesk-cache", temp: [] };
  const under = (name: string) => `${stateDir.replace(/\/+$/, "")}/${name}`;
  return {
    pid: under("nginx.pid"),
    errorLog: under("error.log"),
    accessLog: under("access.log"),
    cache: under("cache"),
    temp: ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((kind) => [`${kind}_temp_path`, under(`${kind}-temp`)]),
  };
}

function quote(value: string): string {
  return `"${value}"`;
}

/** `x-content-type-options` → `X-Content-Type-Options`. */
function headerName(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_match, dash: string, letter: string) => dash + letter.toUpperCase());
}

/** Public variants straight from disk. Any other name under /media/ is not found, so no path reaches the private originals beside them. */
function photosFromDisk(mediaDir: string): string[] {
  return [
    "    # Photos: public variants straight from disk. Any other name under /media/ is not found,",
    "    # so no path reaches the private originals beside them.",
    "    location /media/ {",
    "      return 404;",
    "    }",
    `    location ~ "^/media/(${PUBLIC_VARIANT})$" {`,
    `      alias ${quote(`${mediaDir.replace(/\/+$/, "")}/public/$1`)};`,
    "      types {",
    "        image/jpeg jpg;",
    "        image/webp webp;",
    "        image/avif avif;",
    "      }",
    "      default_type application/octet-stream;",
    ...Object.entries(PUBLIC_FILE_HEADERS).map(([name, value]) => `      add_header ${headerName(name)} ${quote(value)};`),
    "    }",
  ];
}

/** Photos in S3: the instances read them from the bucket; variants never change, so nginx keeps them a week. */
function photosFromInstances(): string[] {
  return [
    "    # Photos: the instances read them from the bucket (MEDIA_STORE=s3); a variant never changes.",
    "    location /media/ {",
    "      proxy_pass http://newsdesk;",
    "      proxy_cache newsdesk;",
    "      proxy_cache_key $request_uri;",
    "      proxy_cache_valid 200 7d;",
    "      proxy_ignore_headers Set-Cookie;",
    "      add_header X-Cache-Status $upstream_cache_status always;",
    "    }",
  ];
}
