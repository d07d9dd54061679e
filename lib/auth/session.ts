// Session facts shared by next-auth's configuration, the viewer check and the proxy.
import { usesHttps } from "../env";

/** A session ends after this long without a request… */
export const IDLE_LIFETIME_S = 8 * 60 * 60;
/** …and in any case this long after signing in. */
export const ABSOLUTE_LIFETIME_S = 7 * 24 * 60 * 60;

/** next-auth's session cookie; the __Secure- prefix applies when served over HTTPS. */
export function sessionCookieName(): string {
  return usesHttps() ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}
