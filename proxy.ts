// Sends signed-out visitors of /editor to the sign-in page, coming back afterwards. This is only
// the polite redirect: every newsroom page and action checks the viewer itself in lib/auth.
import { NextResponse, type NextRequest } from "next/server";
import { sessionCookieName } from "./lib/auth/session";

export function proxy(request: NextRequest) {
  if (request.cookies.has(sessionCookieName())) return NextResponse.next();
  const login = new URL("/login", request.url);
  login.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(login);
}

export const config = { matcher: ["/editor", "/editor/:path*"] };
