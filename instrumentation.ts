// Once per server process (not during the build): follow the cache tags other processes record,
// and expire the pages of articles whose scheduled publish time passes.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ startTagSync }, { startReleaseScheduler }] = await Promise.all([import("./lib/site/tag-sync"), import("./lib/site/release")]);
  await startTagSync();
  startReleaseScheduler();
}
