// The reader search form's input, read from URL parameters. Invariant: never throws; a value a
// reader mistyped is dropped (an odd URL shows results without that filter, not an error).
import { z } from "zod";
import { parseShanghai } from "../text/time";
import { MAX_QUERY_LENGTH } from "./parse-query";
import type { SearchInput } from "./query";

type Params = Record<string, string | string[] | undefined>;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A `YYYY-MM-DD` Shanghai day as its first or last millisecond; undefined when not a real day. */
function shanghaiDay(edge: "start" | "end") {
  return z.preprocess(first, z.string().trim().regex(DAY).optional().catch(undefined)).transform((day) => {
    const start = day ? parseShanghai(`${day} 00:00`) : null;
    if (!start) return undefined;
    return edge === "start" ? start : new Date(start.getTime() + 86_400_000 - 1);
  });
}

export const searchParamsSchema = z.object({
  q: z.preprocess(first, z.string().optional().catch(undefined)).transform((q) => (q ?? "").slice(0, MAX_QUERY_LENGTH)),
  channel: z.preprocess(first, z.coerce.number().int().positive().optional().catch(undefined)),
  from: shanghaiDay("start"),
  to: shanghaiDay("end"),
  page: z.preprocess(first, z.coerce.number().int().positive().max(10_000).optional().catch(undefined)).transform((page) => page ?? 1),
});

export function parseSearchParams(params: Params): SearchInput & { page: number } {
  const parsed = searchParamsSchema.parse(params);
  return { q: parsed.q, channelId: parsed.channel ?? null, from: parsed.from ?? null, to: parsed.to ?? null, page: parsed.page };
}
