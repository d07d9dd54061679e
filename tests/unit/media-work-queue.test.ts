// The image work queue: a fixed number of slots, uploads ahead of background work, too many waiting
// uploads refused (so their bytes are not held for minutes), and a way to wait until all is done.
import { describe, expect, it } from "vitest";

process.env.MEDIA_CONCURRENCY = "1";
const { imageWorkStatus, runImageTask, startBackgroundJob, waitForImageWork } = await import("@/lib/media/work-queue");
const { MediaBusyError } = await import("@/lib/media/errors");

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe("image work queue", () => {
  it("runs one task per slot, uploads before background work, and refuses a ninth waiting upload", async () => {
    expect(imageWorkStatus().slots).toBe(1);
    const order: string[] = [];
    const first = gate();
    const running = runImageTask("interactive", async () => {
      order.push("upload 1");
      await first.opened;
    });
    startBackgroundJob("test", () => runImageTask("background", async () => void order.push("background")));
    const waiting = Array.from({ length: 8 }, (_, index) => runImageTask("interactive", async () => void order.push(`upload ${index + 2}`)));
    await expect(runImageTask("interactive", async () => "never")).rejects.toBeInstanceOf(MediaBusyError);
    expect(imageWorkStatus()).toMatchObject({ running: 1, waitingUploads: 8, waitingBackground: 1 });

    first.open();
    await Promise.all([running, ...waiting]);
    await waitForImageWork();
    expect(order).toEqual(["upload 1", ...Array.from({ length: 8 }, (_, index) => `upload ${index + 2}`), "background"]);
    expect(imageWorkStatus()).toMatchObject({ running: 0, jobs: 0, waitingUploads: 0, waitingBackground: 0 });
  });

  it("frees the slot when a task fails, and logs a failed background job instead of throwing", async () => {
    await expect(runImageTask("interactive", async () => Promise.reject(new Error("decode failed")))).rejects.toThrow("decode failed");
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args.join(" "));
    try {
      startBackgroundJob("variants of photo 9", async () => Promise.reject(new Error("disk full")));
      await waitForImageWork();
    } finally {
      console.error = original;
    }
    expect(logged).toEqual(["media: variants of photo 9 failed: disk full"]);
    expect(await runImageTask("background", async () => "ran")).toBe("ran");
  });
});
