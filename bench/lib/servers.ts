// Process helpers for the benchmarks: run commands, start servers in their own process group (so
// stopping one also stops whatever it spawned), wait until they answer, and sample their memory.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const TMP = path.join(ROOT, "bench", ".tmp");

export type Server = { name: string; child: ChildProcess };

export function log(message: string): void {
  console.log(`[bench] ${message}`);
}

/** Fails when something already listens on the port: we would measure someone else's server. */
export async function assertPortFree(port: number): Promise<void> {
  const inUse = await new Promise<boolean>((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
  if (inUse) throw new Error(`port ${port} is already in use; stop whatever listens there and retry`);
}

/** Runs a command to completion with the output shown, rejecting on a non-zero exit. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: "inherit" });
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}

/** Spawns a long-running server detached (own process group), its output going to a log file. */
export function startDetached(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): Server {
  const logFile = path.join(TMP, `${name}.log`);
  const out = fs.openSync(logFile, "w");
  const child = spawn(command, args, { cwd: ROOT, env, detached: true, stdio: ["ignore", out, out] });
  fs.closeSync(out);
  child.once("exit", (code, signal) => {
    if (!stopping.has(child)) log(`${name} exited early (code ${code}, signal ${signal}); see ${path.relative(ROOT, logFile)}`);
  });
  return { name, child };
}

/**
 * `next start` on `port` as `npm start` runs it (package.json): a 256 MB old space keeps V8 from
 * growing the heap far beyond what the site needs (peak RSS ~180 MB instead of ~300 MB under load,
 * same throughput).
 */
export function startNext(port: number, env: NodeJS.ProcessEnv, name = "next"): Server {
  return startDetached(name, process.execPath, ["--max-old-space-size=256", path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port)], env);
}

const stopping = new Set<ChildProcess>();

/**
 * On Ctrl-C or SIGTERM, stops every server in `servers` (as the list stands then) and exits 130.
 * `on`, not `once`: tsx may relay the same signal a second time, and with no listener left its own
 * handler would exit before the servers are stopped.
 */
export function stopServersOnSignal(servers: Server[]): void {
  let interrupted = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (interrupted) return;
      interrupted = true;
      log(`${signal}: stopping the servers`);
      void Promise.all(servers.map(stop)).finally(() => process.exit(130));
    });
  }
}

/** Stops the whole process group: SIGTERM, then SIGKILL after a grace period. */
export async function stop(server: Server): Promise<void> {
  const { child } = server;
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  stopping.add(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  signalGroup(child.pid, "SIGTERM");
  const timedOut = await Promise.race([exited.then(() => false), sleep(5000).then(() => true)]);
  if (timedOut) signalGroup(child.pid, "SIGKILL");
  // The leader may exit before its children: make sure none of the group is left behind.
  signalGroup(child.pid, "SIGKILL");
  log(`stopped ${server.name}`);
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** Polls a URL until it answers 200, failing if the server dies or the time runs out. */
export async function waitForOk(url: string, server: Server, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) throw new Error(`${server.name} exited before ${url} answered`);
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s`);
}

/** Samples the resident memory of a process tree while `work` runs and reports the peak in MB. */
export async function withPeakMemory<T>(pid: number, intervalMs: number, work: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  let peak = treeRss(pid);
  let running = true;
  const sampler = (async () => {
    while (running) {
      peak = Math.max(peak, treeRss(pid));
      await sleep(intervalMs);
    }
  })();
  try {
    return { value: await work(), peakMb: peak / 1e6 };
  } finally {
    running = false;
    await sampler;
  }
}

/**
 * Linux: starts a process's high-water mark (VmHWM) afresh, so it becomes the peak of what follows.
 * False when that is not possible (not Linux, not allowed): only samples can tell the peak then.
 */
export function resetPeakRss(pid: number | "self" = "self"): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}

/** A process's peak resident memory in bytes since it started or since resetPeakRss (VmHWM), or null. */
export function readPeakRss(pid: number | "self" = "self"): number | null {
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(readProc(`/proc/${pid}/status`) ?? "");
  return match ? Number(match[1]) * 1024 : null;
}

/** Resident memory in bytes of a process and all its descendants (Linux /proc). */
export function treeRss(pid: number): number {
  let total = 0;
  const pending = [pid];
  while (pending.length > 0) {
    const current = pending.pop()!;
    const status = readProc(`/proc/${current}/status`);
    const match = status?.match(/^VmRSS:\s+(\d+) kB/m);
    if (match) total += Number(match[1]) * 1024;
    const tasks = safeReaddir(`/proc/${current}/task`);
    for (const task of tasks) {
      const children = readProc(`/proc/${current}/task/${task}/children`)?.trim();
      if (children) pending.push(...children.split(/\s+/).map(Number));
    }
  }
  return total;
}

function readProc(file: string): string | null {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
