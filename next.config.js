// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  cacheComponents: true,
  // Unlisted article ids render in full on their first request and are cached from then on
  // (blocking ISR), rather than serving a fallback shell to readers and crawlers.
  partialPrefetching: false,
  // End-to-end tests build into their own folder so they never overwrite the served build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // cms prepare names the build after its sources, so hosts building the same code agree (lib/cli/build.ts).
  generateBuildId: async () => process.env.NEWSDESK_BUILD_ID || null,
  // No per-request ETag: Next hashes the whole cached HTML (FNV-1a in JS) on every response to
  // compute it, about 10 % of the CPU a prerendered article costs (CPU profile, bench/RESULTS.md).
  // Public pages carry s-maxage, so shared caches revalidate by time, not by If-None-Match.
  generateEtags: false,
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@node-rs/argon2"],
};

module.exports = nextConfig;
