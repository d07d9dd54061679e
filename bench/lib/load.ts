// HTTP load for the benchmarks: wrk (Debian package, C, light on the CPU it shares with the server)
// when installed, else autocannon (npm, one Node process that needs a core of its own).
import autocannon from "autocannon";
import { execFile } from "node:child_process";
import fs from "node:fs";
import { promisify } from "node:util";
import { log } from "./servers";

export const WRK = "/usr/bin/wrk";
/** `requestsPerSecondMedian`: the median of per-second counts (autocannon); wrk reports none, so null. */
export type LoadResult = {
  tool: string;
  requestsPerSecond: number;
  requestsPerSecondMedian: number | null;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
};

export function loadTool(): string {
  return fs.existsSync(WRK) ? "wrk (1 thread)" : "autocannon";
}

/** `headers`: sent with every request (e.g. a Cookie). */
export async function load(url: string, { connections, duration, headers = {} }: { connections: number; duration: number; headers?: Record<string, string> }): Promise<LoadResult> {
  if (!fs.existsSync(WRK)) {
    const result = await autocannon({ url, connections, duration, headers });
    return {
      tool: "autocannon",
      requestsPerSecond: result.requests.average,
      requestsPerSecondMedian: result.requests.p50,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      non2xx: result.non2xx,
      errors: result.errors,
    };
  }
  const { stdout } = await promisify(execFile)(WRK, [
    "-t1",
    `-c${connections}`,
    `-d${duration}s`,
    "--latency",
    ...Object.entries(headers).flatMap(([name, value]) => ["-H", `${name}: ${value}`]),
    url,
  ]);
  return { tool: "wrk (1 thread)", requestsPerSecondMedian: null, ...parseWrk(stdout) };
}

/** Reads requests/s, the 50th and 99th latency percentiles, non-2xx responses and socket errors. */
export function parseWrk(output: string): Omit<LoadResult, "tool" | "requestsPerSecondMedian"> {
  const percentile = (p: string) => toMs(new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s)`, "m").exec(output));
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  return {
    requestsPerSecond: Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? 0),
    p50Ms: percentile("50"),
    p99Ms: percentile("99"),
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0),
    errors: errors ? errors.slice(1).reduce((sum, value) => sum + Number(value), 0) : 0,
  };
}

/** A few sequential requests so the page is rendered and cached before the load; returns the HTML. */
export async function warmUp(url: string, requests = 5): Promise<string> {
  let html = "";
  for (let i = 0; i < requests; i++) {
    const response = await fetch(url);
    html = await response.text();
    if (response.status !== 200) throw new Error(`${url} answered ${response.status} during warm-up`);
  }
  log(`warmed up ${url} (${requests} requests)`);
  return html;
}

function toMs(match: RegExpExecArray | null): number {
  if (!match) return NaN;
  const value = Number(match[1]);
  return match[2] === "us" ? value / 1000 : match[2] === "s" ? value * 1000 : value;
}
