// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  cacheComponents: true,
  // End-to-end tests build into their own folder so they never overwrite the served build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@node-rs/argon2"],
};

module.exports = nextConfig;
