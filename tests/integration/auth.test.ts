// Sign-in (credentials, throttling, audit) and session revocation, against a real SQLite file.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { SignInError, signInWithPassword, WRONG_CREDENTIALS } from "@/lib/auth/sign-in";
import { ACCOUNT_LIMIT, ADDRESS_LIMIT } from "@/lib/auth/throttle";
import { viewerFromClaims } from "@/lib/auth/viewer";
import { createUser, PASSWORD, passwordHash } from "./newsroom-factories";

const MINUTE = 60_000;
let addressCounter = 0;

/** A client address no other test uses, so address throttling never leaks between tests. */
function freshAddress(): string {
  addressCounter += 1;
  return `198.51.100.${addressCounter}`;
}

async function signInError(input: unknown, clientAddress: string): Promise<SignInError> {
  const error = await signInWithPassword(input, clientAddress).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SignInError);
  return error as SignInError;
}

/** Failed attempts `minutesAgo` minutes in the past, written directly (as the throttle would have). */
async function pastFailures(count: number, { email, clientAddress, minutesAgo }: { email: (index: number) => string; clientAddress: string; minutesAgo: number }) {
  const at = new Date(Date.now() - minutesAgo * MINUTE);
  await prisma.loginAttempt.createMany({ data: Array.from({ length: count }, (_, index) => ({ email: email(index), clientAddress, success: false, at })) });
}

beforeAll(async () => {
  await passwordHash();
});

describe("signInWithPassword", () => {
  it("signs in with the right password, whatever the email's case and spaces", async () => {
    const user = await createUser("editor", { email: "feng.jingwei@example.com", displayName: "冯经伟" });
    const signedIn = await signInWithPassword({ email: "  Feng.JingWei@Example.com ", password: PASSWORD }, freshAddress());
    expect(signedIn).toEqual({ id: user.id, email: "feng.jingwei@example.com", displayName: "冯经伟", sessionVersion: user.sessionVersion });
    expect(signedIn).not.toHaveProperty("passwordHash");
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    const user = await createUser("reporter");
    const wrongPassword = await signInError({ email: user.email, password: "wrong password" }, freshAddress());
    const unknownEmail = await signInError({ email: "nobody@example.com", password: PASSWORD }, freshAddress());
    expect(wrongPassword.message).toBe("邮箱或密码不正确");
    expect(unknownEmail.message).toBe(WRONG_CREDENTIALS);
  });

  it("gives the same answer for malformed input", async () => {
    expect((await signInError({ email: "not-an-email", password: PASSWORD }, freshAddress())).message).toBe(WRONG_CREDENTIALS);
    expect((await signInError(null, freshAddress())).message).toBe(WRONG_CREDENTIALS);
  });

  it("refuses a disabled user even with the right password", async () => {
    const user = await createUser("editor", { disabled: true });
    expect((await signInError({ email: user.email, password: PASSWORD }, freshAddress())).message).toBe(WRONG_CREDENTIALS);
  });

  it("audits success and failure with the client address", async () => {
    const user = await createUser("editor");
    await signInWithPassword({ email: user.email, password: PASSWORD }, "203.0.113.10");
    await signInError({ email: user.email, password: "wrong password" }, "203.0.113.11");
    const events = await prisma.auditEvent.findMany({ where: { target: user.email }, orderBy: { id: "asc" } });
    expect(events.map((e) => ({ action: e.action, actorId: e.actorId, clientAddress: e.clientAddress }))).toEqual([
      { action: "auth.sign-in", actorId: user.id, clientAddress: "203.0.113.10" },
      { action: "auth.sign-in-failed", actorId: user.id, clientAddress: "203.0.113.11" },
    ]);
  });

  it("audits a failure for an unknown email without an actor", async () => {
    await signInError({ email: "ghost@example.com", password: PASSWORD }, "203.0.113.12");
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { target: "ghost@example.com" } });
    expect(event).toMatchObject({ action: "auth.sign-in-failed", actorId: null, clientAddress: "203.0.113.12" });
  });
});

describe("throttling by account", () => {
  it(`after ${ACCOUNT_LIMIT.failures} failures within 15 minutes, even the right password is refused`, async () => {
    const user = await createUser("editor");
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await signInError({ email: user.email, password: `wrong-${attempt}` }, freshAddress())).message).toBe(WRONG_CREDENTIALS);
    }
    const refused = await signInError({ email: user.email, password: PASSWORD }, freshAddress());
    expect(refused.message).toContain("之后再试");
    expect(refused.message).toMatch(/请在 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 之后再试/);
    // A refusal does not count as an attempt of its own.
    expect(await prisma.loginAttempt.count({ where: { email: user.email } })).toBe(5);
    expect(await prisma.auditEvent.count({ where: { target: user.email, action: "auth.throttled" } })).toBe(1);
  });

  it("throttles the account whatever the email's case", async () => {
    const user = await createUser("editor");
    for (let attempt = 0; attempt < 5; attempt++) await signInError({ email: user.email.toUpperCase(), password: "wrong" }, freshAddress());
    expect((await signInError({ email: user.email, password: PASSWORD }, freshAddress())).message).toContain("之后再试");
  });

  it("four failures do not throttle", async () => {
    const user = await createUser("editor");
    for (let attempt = 0; attempt < 4; attempt++) await signInError({ email: user.email, password: "wrong" }, freshAddress());
    await expect(signInWithPassword({ email: user.email, password: PASSWORD }, freshAddress())).resolves.toMatchObject({ id: user.id });
  });

  it("failures older than 15 minutes no longer count", async () => {
    const user = await createUser("editor");
    await pastFailures(5, { email: () => user.email, clientAddress: freshAddress(), minutesAgo: 16 });
    await expect(signInWithPassword({ email: user.email, password: PASSWORD }, freshAddress())).resolves.toMatchObject({ id: user.id });
  });

  it("failures 14 minutes ago still count", async () => {
    const user = await createUser("editor");
    await pastFailures(5, { email: () => user.email, clientAddress: freshAddress(), minutesAgo: 14 });
    expect((await signInError({ email: user.email, password: PASSWORD }, freshAddress())).message).toContain("之后再试");
  });

  it("a success before the fifth failure resets the count", async () => {
    const user = await createUser("editor");
    for (let attempt = 0; attempt < 4; attempt++) await signInError({ email: user.email, password: "wrong" }, freshAddress());
    await signInWithPassword({ email: user.email, password: PASSWORD }, freshAddress());
    for (let attempt = 0; attempt < 4; attempt++) await signInError({ email: user.email, password: "wrong" }, freshAddress());
    await expect(signInWithPassword({ email: user.email, password: PASSWORD }, freshAddress())).resolves.toMatchObject({ id: user.id });
  });

  it("throttling one account leaves other accounts alone", async () => {
    const [victim, colleague] = [await createUser("editor"), await createUser("editor")];
    await pastFailures(5, { email: () => victim.email, clientAddress: freshAddress(), minutesAgo: 1 });
    await expect(signInWithPassword({ email: colleague.email, password: PASSWORD }, freshAddress())).resolves.toMatchObject({ id: colleague.id });
  });
});

describe("throttling by client address", () => {
  it(`after ${ADDRESS_LIMIT.failures} failures from one address within an hour, a new email from it is refused`, async () => {
    const user = await createUser("editor");
    const address = freshAddress();
    // 49 earlier failures with different emails, the 50th through sign-in itself.
    await pastFailures(49, { email: (index) => `guess-${index}@example.com`, clientAddress: address, minutesAgo: 30 });
    await signInError({ email: "guess-49@example.com", password: "wrong" }, address);
    expect((await signInError({ email: user.email, password: PASSWORD }, address)).message).toContain("之后再试");
    await expect(signInWithPassword({ email: user.email, password: PASSWORD }, freshAddress())).resolves.toMatchObject({ id: user.id });
  });

  it("49 failures from one address do not throttle it", async () => {
    const user = await createUser("editor");
    const address = freshAddress();
    await pastFailures(49, { email: (index) => `try-${index}@example.com`, clientAddress: address, minutesAgo: 30 });
    await expect(signInWithPassword({ email: user.email, password: PASSWORD }, address)).resolves.toMatchObject({ id: user.id });
  });

  it("failures from that address more than an hour ago no longer count", async () => {
    const user = await createUser("editor");
    const address = freshAddress();
    await pastFailures(50, { email: (index) => `old-${index}@example.com`, clientAddress: address, minutesAgo: 61 });
    await expect(signInWithPassword({ email: user.email, password: PASSWORD }, address)).resolves.toMatchObject({ id: user.id });
  });
});

describe("session revocation (viewerFromClaims)", () => {
  const now = () => Math.floor(Date.now() / 1000);

  it("resolves valid claims to the viewer, without secrets", async () => {
    const user = await createUser("editor", { displayName: "夜班编辑" });
    const viewer = await viewerFromClaims({ uid: user.id, sv: user.sessionVersion, authTime: now() });
    expect(viewer).toEqual({ id: user.id, email: user.email, displayName: "夜班编辑", role: "editor", authorId: null });
  });

  it("ends the session of a disabled user at the next request", async () => {
    const user = await createUser("reporter");
    const claims = { uid: user.id, sv: user.sessionVersion, authTime: now() };
    expect(await viewerFromClaims(claims)).not.toBeNull();
    await prisma.user.update({ where: { id: user.id }, data: { disabled: true } });
    expect(await viewerFromClaims(claims)).toBeNull();
  });

  it("ends old sessions when the session version changes (password change)", async () => {
    const user = await createUser("reporter");
    const claims = { uid: user.id, sv: user.sessionVersion, authTime: now() };
    const updated = await prisma.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await viewerFromClaims(claims)).toBeNull();
    expect(await viewerFromClaims({ ...claims, sv: updated.sessionVersion })).toMatchObject({ id: user.id });
  });

  it("reflects a role change at the next request", async () => {
    const user = await createUser("editor");
    const claims = { uid: user.id, sv: user.sessionVersion, authTime: now() };
    await prisma.user.update({ where: { id: user.id }, data: { role: "reporter" } });
    expect((await viewerFromClaims(claims))?.role).toBe("reporter");
  });

  it("ends a session 7 days after sign-in, whatever the activity", async () => {
    const user = await createUser("editor");
    const sixDays = { uid: user.id, sv: user.sessionVersion, authTime: now() - 6 * 24 * 3600 };
    const eightDays = { ...sixDays, authTime: now() - 8 * 24 * 3600 };
    expect(await viewerFromClaims(sixDays)).not.toBeNull();
    expect(await viewerFromClaims(eightDays)).toBeNull();
    expect(await viewerFromClaims({ ...sixDays, authTime: now() - 7 * 24 * 3600 - 1 })).toBeNull();
  });

  it.each([
    { name: "no claims", claims: null },
    { name: "no user id", claims: { sv: 1, authTime: 1 } },
    { name: "no session version", claims: { uid: 1, authTime: 1 } },
    { name: "no sign-in time", claims: { uid: 1, sv: 1 } },
  ])("refuses $name", async ({ claims }) => {
    expect(await viewerFromClaims(claims as never)).toBeNull();
  });

  it("refuses claims for a user that does not exist", async () => {
    expect(await viewerFromClaims({ uid: 9_999_999, sv: 1, authTime: now() })).toBeNull();
  });
});
