import { describe, expect, it } from "vitest";
import { NEXT_VARY_HEADERS, renderNginxConfig } from "@/lib/deploy/nginx";
import { type NginxOptions, parseNginxArgs, resolveNginxOptions } from "@/lib/deploy/nginx-options";

const DEFAULTS = { mediaDir: "/srv/newsdesk/data/media", maxUploadMegabytes: 30 };

function render(args: string[]): string {
  return renderNginxConfig(resolveNginxOptions(parseNginxArgs(args), DEFAULTS));
}

/** The text of the block that starts with `opening` (its first line), up to its closing brace. */
function block(config: string, opening: string): string {
  const start = config.indexOf(opening);
  if (start < 0) throw new Error(`no block ${opening}`);
  let depth = 0;
  // The block opens at the end of its first line (a regex's own braces come before).
  for (let index = config.indexOf("{\n", start); index < config.length; index++) {
    if (config[index] === "{") depth++;
    if (config[index] === "}" && --depth === 0) return config.slice(start, index + 1);
  }
  throw new Error(`unclosed block ${opening}`);
}

describe("deploy:nginx arguments", () => {
  it.each([
    [[], { upstreams: [] }],
    [["--listen", "8080"], { listen: "8080", upstreams: [] }],
    [["--listen=0.0.0.0:80", "--upstream", "127.0.0.1:3001", "--upstream=127.0.0.1:3002"], { listen: "0.0.0.0:80", upstreams: ["127.0.0.1:3001", "127.0.0.1:3002"] }],
    [["--listen", "[::]:443"], { listen: "[::]:443", upstreams: [] }],
    [["--upstream", "app-1.internal:3000"], { upstreams: ["app-1.internal:3000"] }],
    [["--media-dir", "/srv/media", "--server-name", "news.example.com www.example.com"], { mediaDir: "/srv/media", serverName: "news.example.com www.example.com", upstreams: [] }],
    [["--max-upload-mb", "50", "--state-dir", "/tmp/nginx", "--user", "www-data"], { maxUploadMegabytes: 50, stateDir: "/tmp/nginx", user: "www-data", upstreams: [] }],
  ])("accepts %j", (args, expected) => {
    expect(parseNginxArgs(args)).toEqual(expected);
  });

  it.each([
    [["--upstream", "127.0.0.1"], "--upstream needs ADDR:PORT"],
    [["--upstream", "127.0.0.1:0"], "--upstream needs ADDR:PORT"],
    [["--upstream", "127.0.0.1:65536"], "--upstream needs ADDR:PORT"],
    [["--upstream", "127.0.0.1:3001;", "--upstream", "x"], "--upstream needs ADDR:PORT"],
    [["--upstream", "127.0.0.1:3001", "--upstream", "127.0.0.1:3001"], "--upstream 127.0.0.1:3001 is given twice"],
    [["--upstream"], "--upstream needs a value"],
    [["--upstream", "--listen", "80"], "--upstream needs a value"],
    [["--listen", "localhost"], "--listen needs ADDR:PORT or PORT"],
    [["--listen", "80", "--listen", "81"], "--listen is given twice"],
    [["--media-dir", "data/media"], "--media-dir needs an absolute folder path"],
    [["--media-dir", '/srv/"media'], "--media-dir needs an absolute folder path"],
    [["--media-dir", "/srv/$media"], "--media-dir needs an absolute folder path"],
    [["--server-name", "news.example.com; root /"], "--server-name needs host names"],
    [["--max-upload-mb", "12.5"], "--max-upload-mb needs a whole number"],
    [["--max-upload-mb", "0"], "--max-upload-mb needs a whole number"],
    [["--user", "root;"], "--user needs a system user name"],
    [["--verbose"], 'unexpected argument "--verbose"'],
    [["127.0.0.1:3001"], 'unexpected argument "127.0.0.1:3001"'],
  ])("refuses %j with a clear message", (args, message) => {
    expect(() => parseNginxArgs(args)).toThrow(message);
  });

  it("fills in the installation's defaults", () => {
    const options: NginxOptions = resolveNginxOptions({ upstreams: [] }, DEFAULTS);
    expect(options).toEqual({
      listen: "80",
      upstreams: ["127.0.0.1:3000"],
      mediaDir: DEFAULTS.mediaDir,
      serverName: "_",
      maxUploadMegabytes: 30,
      stateDir: null,
      user: "www-data",
    });
    expect(resolveNginxOptions({ upstreams: [], stateDir: "/tmp/x" }, DEFAULTS).user).toBeNull();
  });
});

describe("the nginx configuration", () => {
  it("balances over the given instances, or one on port 3000", () => {
    expect(block(render(["--upstream", "127.0.0.1:3001", "--upstream", "127.0.0.1:3002"]), "upstream newsdesk")).toMatch(
      /server 127\.0\.0\.1:3001;\n\s+server 127\.0\.0\.1:3002;\n\s+keepalive/,
    );
    expect(block(render([]), "upstream newsdesk")).toContain("server 127.0.0.1:3000;");
    // Idle upstream connections end before Node's own 5 s keep-alive ends them under a request.
    expect(block(render([]), "upstream newsdesk")).toContain("keepalive_timeout 4s;");
  });

  it("micro-caches public pages for one second, keyed by the headers Next varies on", () => {
    const pages = block(render([]), "location / {");
    for (const directive of [
      "proxy_cache newsdesk;",
      "proxy_cache_valid 200 301 404 1s;",
      "proxy_cache_lock on;",
      "proxy_cache_use_stale updating error timeout",
      "proxy_cache_background_update on;",
      "proxy_ignore_headers Cache-Control Expires;",
    ])
      expect(pages).toContain(directive);
    const key = /proxy_cache_key "([^"]+)";/.exec(pages)?.[1] ?? "";
    expect(key).toContain("$request_uri");
    for (const header of NEXT_VARY_HEADERS) expect(key).toContain(`$http_${header.replaceAll("-", "_")}`);
    expect(NEXT_VARY_HEADERS).toContain("rsc");
  });

  it("never serves a signed-in reader from the cache nor stores their pages", () => {
    const config = render([]);
    const pages = block(config, "location / {");
    expect(pages).toContain("proxy_cache_bypass $newsdesk_signed_in;");
    expect(pages).toContain("proxy_no_cache $newsdesk_signed_in;");
    const pattern = /"~(.+)" 1;/.exec(block(config, "map $http_cookie $newsdesk_signed_in"))?.[1] ?? "";
    // nginx's PCRE and JavaScript agree on this subset of the syntax.
    const signedIn = new RegExp(pattern);
    for (const cookie of ["next-auth.session-token=abc", "a=1; next-auth.session-token=abc", "__Secure-next-auth.session-token=abc", "x=1;__Secure-next-auth.session-token.0=abc"])
      expect(signedIn.test(cookie), cookie).toBe(true);
    for (const cookie of ["", "next-auth.csrf-token=abc", "my-next-auth.session-token=abc", "next-auth.callback-url=x"]) expect(signedIn.test(cookie), cookie).toBe(false);
  });

  it("sends /editor, /login and /api to the instances uncached", () => {
    const newsroom = block(render([]), "location ~ ^/(?:editor|login|api)(?:/|$)");
    expect(newsroom).toContain("proxy_pass http://newsdesk;");
    expect(newsroom).not.toContain("proxy_cache");
    const route = /^\/(?:editor|login|api)(?:\/|$)/;
    for (const path of ["/editor", "/editor/articles/1", "/login", "/api/media", "/api/auth/session"]) expect(route.test(path), path).toBe(true);
    for (const path of ["/", "/articles/1", "/search", "/editorial"]) expect(route.test(path), path).toBe(false);
  });

  it("with photos in S3 (no media folder) asks the instances for them and keeps them a week", () => {
    const config = renderNginxConfig(resolveNginxOptions(parseNginxArgs([]), { ...DEFAULTS, mediaDir: null }));
    const media = block(config, "location /media/ {");
    expect(media).toContain("proxy_pass http://newsdesk;");
    expect(media).toContain("proxy_cache_valid 200 7d;");
    expect(config).not.toContain("alias");
  });

  it("serves photo variants from the media folder's public part only, immutable", () => {
    const config = render(["--media-dir", "/srv/photos/"]);
    const media = block(config, 'location ~ "^/media/');
    expect(media).toContain('alias "/srv/photos/public/$1";');
    expect(media).toContain('add_header Cache-Control "public, max-age=31536000, immutable";');
    expect(media).toContain('add_header X-Content-Type-Options "nosniff";');
    expect(media).toMatch(/image\/avif avif;/);
    expect(block(config, "location /media/ {")).toContain("return 404;");
    const variant = new RegExp(/location ~ "(\^\/media\/.+\$)"/.exec(media)?.[1] ?? "^$");
    expect(variant.test("/media/0123456789abcdef/0123456789abcdef-1280.avif")).toBe(true);
    for (const path of [
      "/media/0123456789abcdef/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.jpg",
      "/media/../originals/0123456789abcdef/x.jpg",
      "/media/0123456789abcdef/.0123456789abcdef-1280.jpg.1234.tmp",
      "/media/0123456789abcdef/0123456789abcdef-1280.svg",
    ])
      expect(variant.test(path), path).toBe(false);
  });

  it("passes the client address nginx saw, the host and the scheme", () => {
    const config = render([]);
    expect(config).toContain("proxy_set_header X-Forwarded-For $remote_addr;");
    expect(config).not.toContain("$proxy_add_x_forwarded_for");
    expect(config).toContain("proxy_set_header Host $http_host;");
    expect(config).toContain("proxy_set_header X-Forwarded-Proto $scheme;");
  });

  it("gzips text, allows uploads a little above the app's limit, and listens where asked", () => {
    const config = render(["--listen", "127.0.0.1:8080", "--server-name", "news.example.com", "--max-upload-mb", "50"]);
    expect(config).toContain("gzip on;");
    const gzipTypes = /gzip_types ([^;]*);/.exec(config)?.[1].split(" ") ?? [];
    expect(gzipTypes).toEqual(expect.arrayContaining(["application/javascript", "text/css", "text/x-component", "application/rss+xml", "application/json"]));
    expect(config).toContain("client_max_body_size 52m;");
    expect(config).toContain("listen 127.0.0.1:8080;");
    expect(config).toContain("server_name news.example.com;");
    expect(render([])).toContain("client_max_body_size 32m;");
  });

  it("is a whole nginx.conf: Debian's locations by default, or everything under --state-dir", () => {
    const debian = render([]);
    expect(debian).toMatch(/^user www-data;$/m);
    expect(debian).toContain('pid "/run/nginx.pid";');
    expect(debian).toMatch(/events \{[^}]*\}\s*http \{/);
    const local = render(["--state-dir", "/tmp/proxy"]);
    expect(local).not.toMatch(/^user /m);
    expect(local).toContain('pid "/tmp/proxy/nginx.pid";');
    expect(local).toContain('client_body_temp_path "/tmp/proxy/client_body-temp";');
    expect(local).toContain('proxy_cache_path "/tmp/proxy/cache"');
    expect(local).not.toContain("/var/");
    expect(local.split("{").length).toBe(local.split("}").length);
  });
});
