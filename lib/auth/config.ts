// next-auth configuration: email + password sign-in, JWT sessions that carry the user's session
// version, so lib/auth/viewer can revoke them (a JWT alone cannot be revoked).
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { applyAuthEnvironment, secrets, usesHttps } from "../env";
import { t } from "../messages/catalog";
import { clientAddressFrom } from "./client-address";
import { IDLE_LIFETIME_S } from "./session";
import { signInWithPassword } from "./sign-in";

applyAuthEnvironment();

export const authOptions: NextAuthOptions = {
  secret: secrets().authSecret,
  useSecureCookies: usesHttps(),
  session: { strategy: "jwt", maxAge: IDLE_LIFETIME_S, updateAge: 5 * 60 },
  jwt: { maxAge: IDLE_LIFETIME_S },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: t("signIn.provider"),
      credentials: { email: { label: t("field.email"), type: "email" }, password: { label: t("field.password"), type: "password" } },
      async authorize(credentials, request) {
        const user = await signInWithPassword(credentials, clientAddressFrom(request.headers ?? {}));
        return { id: String(user.id), email: user.email, name: user.displayName, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        token.authTime = Math.floor(Date.now() / 1000);
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, uid: token.uid };
    },
  },
};

declare module "next-auth/jwt" {
  interface JWT {
    uid?: number;
    sv?: number;
    authTime?: number;
  }
}
