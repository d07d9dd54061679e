// bench:media's server part as printed and appended to bench/RESULTS.md: the article page's load
// without and during the uploads, the server's peak memory, and the uploads that went through.
import path from "node:path";
import { loadTool, type LoadResult } from "./load";
import type { ServerOptions, ServerRun } from "./media-server";
import type { ReportPart } from "./report";
import { formatMs, summarize } from "./timing";

/** Median req/s where the load tool reports one (autocannon), else the mean (wrk). */
const rate = (result: LoadResult) => result.requestsPerSecondMedian ?? result.requestsPerSecond;
const whole = (n: number) => Math.round(n).toLocaleString("en-US");

export function serverReportPart(run: ServerRun, options: ServerOptions, peakTargetMb: number): ReportPart {
  const { idle, busy, uploads } = run;
  const upload = `${options.uploaders} concurrent 24 MP uploads`;
  const row = (label: string, result: LoadResult) =>
    `| ${label} | ${result.requestsPerSecondMedian === null ? "n/a" : whole(result.requestsPerSecondMedian)} | ${whole(result.requestsPerSecond)} | ${result.p50Ms} ms | ${result.p99Ms} ms | ${result.non2xx} | ${result.errors} |`;
  const ratio = (rate(busy) / rate(idle)) * 100;
  const spread = (values: number[]) => {
    if (values.length === 0) return "none";
    const summary = summarize(values);
    return `median ${formatMs(summary.medianMs)}, max ${formatMs(summary.maxMs)}`;
  };
  const loadTable = [
    `| ${run.page} (题图), ${options.connections} connections, ${options.duration} s | req/s median | req/s mean | p50 | p99 | non-2xx | errors |`,
    "|---|---:|---:|---:|---:|---:|---:|",
    row("(a) no uploads", idle),
    row(`(b) during ${upload} (POST /api/media)`, busy),
  ].join("\n");
  const serverTable = [
    `| next start during the ${upload} | |`,
    "|---|---:|",
    `| throughput (b)/(a), ${busy.requestsPerSecondMedian === null ? "mean" : "median"} req/s | **${ratio.toFixed(1)} %** |`,
    `| peak RSS of the server | **${run.peakMb.toFixed(0)} MB** (before the uploads ${run.baselineMb.toFixed(0)} MB) |`,
    `| uploads with all variants | ${uploads.completed} (${uploads.completedInWindow} within the ${options.duration} s window), ${uploads.failed} failed, ${uploads.sent} sent |`,
    `| upload → POST answered (first usable variant) | ${spread(uploads.firstMs)} |`,
    `| upload → all variants | ${spread(uploads.allMs)} |`,
  ].join("\n");
  return {
    table: `${loadTable}\n\n${serverTable}`,
    targets: [{ label: `peak server RSS during ${upload} through HTTP ≤ ${peakTargetMb} MB`, measured: `${run.peakMb.toFixed(0)} MB`, met: run.peakMb <= peakTargetMb }],
    settings: [
      `server part: \`next start\` (256 MB old space) from the .next-bench build on a fresh database and media folder under bench/.tmp; ${loadTool()} on ${run.page} (a published copy of the founding article with a 题图), ${options.connections} connections, ${options.duration} s each after ${run.warmUpSeconds} s unmeasured; load average (1 min) before (a): ${run.loadAverage.toFixed(2)}`,
      `(b): ${options.uploaders} signed-in clients each POST ${path.basename(options.uploadFile)} to /api/media and poll GET /api/media/<id> every 250 ms until its variants exist, then upload again, from the start of the window until it ends; server memory = max of its process tree's RSS sampled every 10 ms and its VmHWM (${run.highWaterMark ? "reset first" : "could not be reset: samples only"}) until the last upload has all its variants`,
    ],
    notes: [
      "Server part: the load generator, the upload clients and the server share the machine's cores; the server's image work takes MEDIA_CONCURRENCY slots (default half the cores), the page and the load generator get the rest. req/s median is the median of autocannon's per-second counts.",
      ...(uploads.failed > 0 ? [`**${uploads.failed} uploads failed** during the server part (see the log above); the peak RSS is of the ones that went through.`] : []),
    ],
  };
}
