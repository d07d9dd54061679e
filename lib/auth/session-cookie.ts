// The name of next-auth's session cookie; the __Secure- prefix applies when served over HTTPS.
import { usesHttps } from "../env";

export function sessionCookieName(): string {
  return usesHttps() ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}
