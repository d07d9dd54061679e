// The user:* admin commands against a real SQLite file: each command through its run(), bad
// arguments refused with one-line English errors and no change, the last-admin rule, and the real
// process once for exit codes. The shell operator is audited with no actor and client address "cli".
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/passwords";
import { userCommands } from "@/lib/cli/commands/users";
import { OperationError } from "@/lib/errors";
import { uniqueLabel } from "./newsroom-factories";

let output: string[] = [];

beforeEach(() => {
  output = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (output.push(String(chunk)), true));
});
afterEach(() => vi.restoreAllMocks());

async function cms(name: string, ...args: string[]): Promise<string> {
  const command = userCommands.find((candidate) => candidate.name === name);
  if (!command) throw new Error(`no command ${name}`);
  output = [];
  await command.run(args);
  return output.join("");
}

async function refused(name: string, ...args: string[]): Promise<string> {
  const error = await cms(name, ...args).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(OperationError);
  const message = (error as OperationError).message;
  expect(message).toMatch(/^[\x20-\x7e]+$/); // one line of English
  return message;
}

function newEmail(label = "user"): string {
  return `${uniqueLabel(label)}@example.com`;
}

async function stored(email: string) {
  return prisma.user.findUniqueOrThrow({ where: { email: email.toLowerCase() } });
}

async function snapshotOfAccounts() {
  return { users: await prisma.user.findMany({ orderBy: { id: "asc" } }), audit: await prisma.auditEvent.count() };
}

async function lastAudit() {
  return prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
}

describe("user:create", () => {
  it("creates the account with a lower-cased email and the given password, never printing it", async () => {
    const email = newEmail("Create.Given");
    const printed = await cms("user:create", "--email", email, "--name", "冯经伟", "--role", "editor", "--password", "a long given password");
    const user = await stored(email);
    expect(user).toMatchObject({ email: email.toLowerCase(), displayName: "冯经伟", role: "editor", disabled: false });
    expect(await verifyPassword(user.passwordHash, "a long given password")).toBe(true);
    expect(printed).toBe(`created user ${email.toLowerCase()} (editor, id ${user.id})\n`);
    expect(await lastAudit()).toMatchObject({ actorId: null, action: "user.create", target: `user:${user.id}`, clientAddress: "cli" });
  });

  it("generates a strong password when none is given and prints it exactly once", async () => {
    const email = newEmail("generated");
    const printed = await cms("user:create", "--email", email, "--name=记者甲", "--role=reporter");
    const password = /password: (\S+)/.exec(printed)?.[1] ?? "";
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect(printed.split(password)).toHaveLength(2);
    expect(await verifyPassword((await stored(email)).passwordHash, password)).toBe(true);
  });

  it("refuses an email already in use, whatever its case", async () => {
    const email = newEmail("taken");
    await cms("user:create", "--email", email, "--name", "甲", "--role", "reporter", "--password", "first password");
    const before = await snapshotOfAccounts();
    expect(await refused("user:create", "--email", email.toUpperCase(), "--name", "乙", "--role", "admin", "--password", "second password")).toBe(
      `a user with email ${email} already exists`,
    );
    expect(await snapshotOfAccounts()).toEqual(before);
  });
});

describe("bad arguments exit with a one-line English error and change nothing", () => {
  const email = "bad.args@example.com";
  it.each([
    ["an unknown flag", ["--email", email, "--name", "甲", "--role", "reporter", "--force"], "unknown option --force (see --help)"],
    ["a bad role", ["--email", email, "--name", "甲", "--role", "chief"], "--role must be one of reporter, editor, admin"],
    ["a short password", ["--email", email, "--name", "甲", "--role", "reporter", "--password", "short12"], "--password must be 8 to 256 characters"],
    ["a too long password", ["--email", email, "--name", "甲", "--role", "reporter", "--password", "x".repeat(257)], "--password must be 8 to 256 characters"],
    ["a missing email", ["--name", "甲", "--role", "reporter"], "--email is required"],
    ["an invalid email", ["--email", "not-an-email", "--name", "甲", "--role", "reporter"], "--email must be a valid email address"],
    ["an empty name", ["--email", email, "--name", "  ", "--role", "reporter"], "--name must be 1 to 40 characters"],
    ["a flag without a value", ["--email", email, "--name", "甲", "--role"], "--role needs a value"],
    ["a repeated flag", ["--email", email, "--email", email, "--name", "甲", "--role", "reporter"], "--email is given twice"],
  ])("user:create with %s", async (_case, args, message) => {
    const before = await snapshotOfAccounts();
    expect(await refused("user:create", ...args)).toBe(message);
    expect(await snapshotOfAccounts()).toEqual(before);
  });

  it("does not echo a stray argument, which may be a mistyped password", async () => {
    const message = await refused("user:password", "--email", email, "secret-password-typed-here");
    expect(message).not.toContain("secret");
  });

  it.each(["user:role", "user:password", "user:disable", "user:enable"])("%s for an unknown email", async (name) => {
    const before = await snapshotOfAccounts();
    const args = name === "user:role" ? ["--role", "editor"] : [];
    expect(await refused(name, "--email", "nobody@example.com", ...args)).toBe("no user with email nobody@example.com");
    expect(await snapshotOfAccounts()).toEqual(before);
  });
});

describe("changing accounts", () => {
  it("user:role changes the role once and says so", async () => {
    const email = newEmail("role");
    await cms("user:create", "--email", email, "--name", "甲", "--role", "reporter", "--password", "a password here");
    expect(await cms("user:role", "--email", email, "--role", "editor")).toBe(`${email}: role reporter -> editor\n`);
    expect((await stored(email)).role).toBe("editor");
    expect(await lastAudit()).toMatchObject({ actorId: null, action: "user.role", clientAddress: "cli" });
    expect(await cms("user:role", "--email", email, "--role", "editor")).toBe(`${email} already has the role editor; nothing changed\n`);
  });

  it("user:password sets the new password and ends existing sessions", async () => {
    const email = newEmail("password");
    await cms("user:create", "--email", email, "--name", "甲", "--role", "reporter", "--password", "the old password");
    const before = await stored(email);
    const printed = await cms("user:password", "--email", email, "--password", "the new password");
    const after = await stored(email);
    expect(printed).toBe(`changed the password of ${email}; their existing sessions have ended\n`);
    expect(await verifyPassword(after.passwordHash, "the new password")).toBe(true);
    expect(await verifyPassword(after.passwordHash, "the old password")).toBe(false);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await lastAudit()).toMatchObject({ actorId: null, action: "user.password", detail: email, clientAddress: "cli" });
    expect(JSON.stringify(await lastAudit())).not.toContain("new password");
  });

  it("user:password without --password prints a generated one once", async () => {
    const email = newEmail("regenerated");
    await cms("user:create", "--email", email, "--name", "甲", "--role", "reporter", "--password", "the old password");
    const password = /password: (\S+)/.exec(await cms("user:password", "--email", email))?.[1] ?? "";
    expect(await verifyPassword((await stored(email)).passwordHash, password)).toBe(true);
  });

  it("user:disable ends sessions and user:enable lets the user back in", async () => {
    const email = newEmail("disable");
    await cms("user:create", "--email", email, "--name", "甲", "--role", "reporter", "--password", "a password here");
    const before = await stored(email);
    expect(await cms("user:disable", "--email", email)).toBe(`disabled ${email}; their existing sessions have ended\n`);
    expect(await stored(email)).toMatchObject({ disabled: true, sessionVersion: before.sessionVersion + 1 });
    expect(await cms("user:disable", "--email", email)).toBe(`${email} is already disabled; nothing changed\n`);
    expect(await cms("user:enable", "--email", email)).toBe(`enabled ${email}; they can sign in again\n`);
    expect((await stored(email)).disabled).toBe(false);
    expect(await lastAudit()).toMatchObject({ actorId: null, action: "user.enable", clientAddress: "cli" });
  });
});

describe("the last active admin", () => {
  it("cannot be demoted or disabled; with a second admin it can", async () => {
    await prisma.user.updateMany({ where: { role: "admin" }, data: { disabled: true } });
    const only = newEmail("only.admin");
    await cms("user:create", "--email", only, "--name", "管理员", "--role", "admin", "--password", "an admin password");
    const before = await snapshotOfAccounts();
    expect(await refused("user:role", "--email", only, "--role", "editor")).toBe(`${only} is the last active admin and cannot lose the admin role`);
    expect(await refused("user:disable", "--email", only)).toBe(`${only} is the last active admin and cannot be disabled`);
    expect(await snapshotOfAccounts()).toEqual(before);

    await cms("user:create", "--email", newEmail("second.admin"), "--name", "管理员乙", "--role", "admin", "--password", "an admin password");
    await cms("user:role", "--email", only, "--role", "editor");
    expect((await stored(only)).role).toBe("editor");
  });
});

describe("user:list", () => {
  it("prints a table of email, name, role, disabled and created", async () => {
    const email = newEmail("listed");
    await cms("user:create", "--email", email, "--name", "列表中的人", "--role", "reporter", "--password", "a password here");
    await cms("user:disable", "--email", email);
    const lines = (await cms("user:list")).trimEnd().split("\n");
    expect(lines[0].split(/\s+/)).toEqual(["email", "name", "role", "disabled", "created"]);
    const row = lines.find((line) => line.startsWith(email)) ?? "";
    expect(row.split(/\s+/)).toEqual([email, "列表中的人", "reporter", "yes", expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), expect.stringMatching(/^\d{2}:\d{2}$/)]);
    expect(lines.at(-1)).toBe(`${await prisma.user.count()} users (created in Asia/Shanghai time)`);
    expect(await refused("user:list", "--all")).toBe("unknown option --all (see --help)");
  });
});

describe("the cms process", () => {
  const run = (...args: string[]) =>
    promisify(execFile)(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", "lib/cli/main.ts", ...args], { env: process.env }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );

  it("exits 0 on success and 1 with one English line on stderr on failure", async () => {
    const email = newEmail("process");
    const [created, badRole, help] = await Promise.all([
      run("user:create", "--email", email, "--name", "进程", "--role", "reporter"),
      run("user:role", "--email", email, "--role", "chief"),
      run("user:create", "--help"),
    ]);
    expect(created).toMatchObject({ code: 0, stderr: "" });
    expect(created.stdout).toMatch(new RegExp(`^created user ${email.replace(/\./g, "\\.")} \\(reporter, id \\d+\\)\\npassword: \\S{24} `));
    expect(badRole).toEqual({ code: 1, stdout: "", stderr: "error: --role must be one of reporter, editor, admin\n" });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: cms user:create --email E --name N --role reporter|editor|admin [--password P]");
  });
});
