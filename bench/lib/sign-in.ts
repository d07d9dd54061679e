// Signs in to a running server as the sign-in form does, through next-auth's credentials callback
// (CSRF token first), and returns the Cookie header that carries the session.

type Credentials = { email: string; password: string };

/** The Cookie header of a signed-in session on the server at `baseUrl`; throws when sign-in fails. */
export async function signIn(baseUrl: string, { email, password }: Credentials): Promise<string> {
  const cookies = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const equals = pair.indexOf("=");
      cookies.set(pair.slice(0, equals).trim(), pair.slice(equals + 1));
    }
  };
  const header = () => [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");

  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  // json=true makes next-auth answer { url } instead of a redirect, as its client asks.
  const form = new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/editor`, json: "true" });
  const callback = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header() },
    body: form,
    redirect: "manual",
  });
  keep(callback);

  const session = await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie: header() } });
  const user = ((await session.json()) as { user?: { email?: string } }).user;
  if (user?.email !== email) throw new Error(`signing in as ${email} failed (callback answered ${callback.status})`);
  return header();
}
