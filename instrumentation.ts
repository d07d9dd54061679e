// Starts the scheduled-publishing timer once per server process (not during the build).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startReleaseScheduler } = await import("./lib/site/release");
  startReleaseScheduler();
}
