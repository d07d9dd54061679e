// Bounded image work for this process: at most MEDIA_CONCURRENCY images are decoded or encoded at
// once. Uploads someone is waiting for ("interactive") go before finishing the remaining variants
// ("background"); when too many uploads already wait, a new one is refused (MediaBusyError) rather
// than holding its bytes in memory for minutes.
import "server-only";
import { mediaConcurrency } from "../env";
import { MediaBusyError } from "./errors";

export type Priority = "interactive" | "background";

/** Uploads allowed to wait for a slot; each holds its file (up to the byte limit) meanwhile. */
const MAX_WAITING_UPLOADS = 8;

type State = { slots: number; running: number; jobs: number; waiting: Record<Priority, (() => void)[]>; idle: (() => void)[] };

const globalForQueue = globalThis as unknown as { newsdeskImageQueue?: State };
globalForQueue.newsdeskImageQueue ??= { slots: mediaConcurrency(), running: 0, jobs: 0, waiting: { interactive: [], background: [] }, idle: [] };
const state: State = globalForQueue.newsdeskImageQueue;

/** Runs `task` when a slot is free, interactive work first. */
export async function runImageTask<T>(priority: Priority, task: () => Promise<T>): Promise<T> {
  if (priority === "interactive" && state.waiting.interactive.length >= MAX_WAITING_UPLOADS) throw new MediaBusyError();
  // Waiters exist only while every slot is taken (release hands a slot over directly).
  if (state.running >= state.slots) {
    await new Promise<void>((resolve) => state.waiting[priority].push(resolve));
  } else {
    state.running++;
  }
  try {
    return await task();
  } finally {
    release();
  }
}

/**
 * Starts a background job and forgets it; its failures are logged, never thrown at a caller. The
 * job takes no slot itself: it asks runImageTask("background") for each piece of image work.
 */
export function startBackgroundJob(label: string, job: () => Promise<unknown>): void {
  state.jobs++;
  job()
    .catch((error: unknown) => console.error(`media: ${label} failed:`, error instanceof Error ? error.message : error))
    .finally(() => {
      state.jobs--;
      if (isIdle()) for (const resolve of state.idle.splice(0)) resolve();
    });
}

/** Resolves once no image work or background job is running or waiting (tests, the CLI and benchmarks wait on it). */
export function waitForImageWork(): Promise<void> {
  if (isIdle()) return Promise.resolve();
  return new Promise((resolve) => state.idle.push(resolve));
}

export function imageWorkStatus(): { slots: number; running: number; jobs: number; waitingUploads: number; waitingBackground: number } {
  return { slots: state.slots, running: state.running, jobs: state.jobs, waitingUploads: state.waiting.interactive.length, waitingBackground: state.waiting.background.length };
}

/** Hands the slot straight to the next waiter (so `running` never dips and lets a newcomer jump the line). */
function release(): void {
  const next = state.waiting.interactive.shift() ?? state.waiting.background.shift();
  if (next) return next();
  state.running--;
  if (isIdle()) for (const resolve of state.idle.splice(0)) resolve();
}

function isIdle(): boolean {
  return state.running === 0 && state.jobs === 0 && state.waiting.interactive.length === 0 && state.waiting.background.length === 0;
}
