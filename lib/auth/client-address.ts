// The client address for throttling and audit: the Nth entry from the end of X-Forwarded-For with
// TRUST_PROXY_HOPS=N (default 0, the last). `next start` does not append the socket address: it
// only fills the header when a request has none (base-server), so the header must come from a
// proxy the client cannot bypass. The nginx config of `cms deploy:nginx` replaces it with the one
// address nginx saw; a client reaching `next start` directly chooses its own (checked 2026-11-29).
import "server-only";
import { trustedProxyHops } from "../env";

type HeaderSource = { get(name: string): string | null | undefined } | Record<string, string | string[] | undefined>;

export function clientAddressFrom(headers: HeaderSource): string {
  const raw =
    typeof headers.get === "function"
      ? (headers as { get(name: string): string | null | undefined }).get("x-forwarded-for")
      : (headers as Record<string, string | string[] | undefined>)["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : (raw ?? "");
  const entries = value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const address = entries[entries.length - 1 - trustedProxyHops()] ?? entries[0] ?? "";
  return address.replace(/^::ffff:/, "") || "unknown";
}

/** The client address of the current request (server actions and route handlers). */
export async function requestClientAddress(): Promise<string> {
  const { headers } = await import("next/headers");
  return clientAddressFrom(await headers());
}
