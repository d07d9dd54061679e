// The client address for throttling and audit. `next start` appends the socket address to
// X-Forwarded-For, so its last entry cannot be forged by the client; with TRUST_PROXY_HOPS=N,
// the Nth entry from the end is used (the address the outermost trusted proxy saw).
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
