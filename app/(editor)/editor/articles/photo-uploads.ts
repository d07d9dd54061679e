// The form's photo uploads: each file in its own request with its own progress and outcome, two at
// a time (the server's image queue takes one at a time anyway). A store outside React, so the body
// editor's placeholders and the form's lists can all watch it (useSyncExternalStore).
import type { PhotoDto } from "@/lib/media/dto";
import { sendPhotoFile, type SendOutcome } from "../_components/send-photo-file";

const CONCURRENCY = 2;

export type UploadState = "waiting" | "sending" | "done" | "failed";
export type UploadItem = { key: string; name: string; size: number; loaded: number; state: UploadState; error?: string; photo?: PhotoDto };
type Send = (file: File, onProgress: (loaded: number, total: number) => void) => Promise<SendOutcome>;
type Finished = (item: UploadItem) => void;

const postPhoto: Send = (file, onProgress) => sendPhotoFile({ method: "POST", url: "/api/media", file, onProgress });

export class PhotoUploads {
  private items = new Map<string, UploadItem>();
  private snapshot: UploadItem[] = [];
  private listeners = new Set<() => void>();
  private queue: { key: string; file: File; finished?: Finished }[] = [];
  private active = 0;
  private counter = 0;

  constructor(
    private readonly prefix: string,
    private readonly send: Send = postPhoto,
  ) {}

  /** Queues the file; `finished` hears its outcome (done with the photo, or failed with the server's reason). */
  add(file: File, finished?: Finished, key = this.nextKey()): string {
    this.set({ key, name: file.name || "图片", size: file.size, loaded: 0, state: "waiting" });
    this.queue.push({ key, file, finished });
    this.pump();
    return key;
  }

  nextKey(): string {
    return `${this.prefix}-${++this.counter}`;
  }

  get(key: string): UploadItem | undefined {
    return this.items.get(key);
  }

  /** Forgets a finished item (its row goes away); one still sending finishes unseen. */
  remove(key: string): void {
    if (!this.items.delete(key)) return;
    this.queue = this.queue.filter((queued) => queued.key !== key);
    this.changed();
  }

  pendingCount(): number {
    return this.snapshot.filter((item) => item.state === "waiting" || item.state === "sending").length;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): UploadItem[] => this.snapshot;

  private pump(): void {
    while (this.active < CONCURRENCY && this.queue.length > 0) {
      const next = this.queue.shift()!;
      this.active += 1;
      void this.run(next).finally(() => {
        this.active -= 1;
        this.pump();
      });
    }
  }

  private async run({ key, file, finished }: { key: string; file: File; finished?: Finished }): Promise<void> {
    this.patch(key, { state: "sending" });
    const outcome = await this.send(file, (loaded, total) => this.patch(key, { loaded, size: total }));
    const patch: Partial<UploadItem> = outcome.ok ? { state: "done", loaded: file.size, photo: outcome.photo } : { state: "failed", error: outcome.error };
    this.patch(key, patch);
    finished?.({ ...(this.items.get(key) ?? { key, name: file.name, size: file.size, loaded: 0, state: "failed" }), ...patch });
  }

  private patch(key: string, patch: Partial<UploadItem>): void {
    const item = this.items.get(key);
    if (item) this.set({ ...item, ...patch });
  }

  private set(item: UploadItem): void {
    this.items.set(item.key, item);
    this.changed();
  }

  private changed(): void {
    this.snapshot = [...this.items.values()];
    for (const listener of this.listeners) listener();
  }
}

/** Percent sent, held below 100 until the server has answered (it still decodes and stores). */
export function uploadPercent(item: UploadItem): number {
  if (item.state === "done") return 100;
  return Math.min(99, Math.round((item.loaded / Math.max(1, item.size)) * 100));
}

/** The state as a word for the row beside its progress bar. */
export function uploadStateText(item: UploadItem): string {
  const percent = uploadPercent(item);
  return { waiting: "等待上传", sending: percent >= 99 ? "正在处理…" : `已上传 ${percent}%`, done: "上传完成", failed: "上传失败" }[item.state];
}
