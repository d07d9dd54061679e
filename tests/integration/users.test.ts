// User accounts through lib/users/manage and the audit log through lib/audit/list, against a real
// SQLite file: admins only, sessions end on disable and password reset, always one active admin.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { listAuditEvents } from "@/lib/audit/list";
import { verifyPassword } from "@/lib/auth/passwords";
import { viewerFromClaims, type Viewer } from "@/lib/auth/viewer";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { changeRole, createUser, EMAIL_TAKEN, listAuthorsForSelect, listUsers, resetPassword, setDisabled } from "@/lib/users/manage";
import { createAuthor } from "./factories";
import { createUser as storeUser, createViewer, PASSWORD, uniqueLabel, viewerOf } from "./newsroom-factories";

const ADDRESS = { clientAddress: "203.0.113.7" };

let admin: Viewer;
let editor: Viewer;
let reporter: Viewer;

beforeAll(async () => {
  admin = await createViewer("admin", { displayName: "管理员甲" });
  editor = await createViewer("editor");
  reporter = await createViewer("reporter");
});

function newUser(overrides: Record<string, unknown> = {}) {
  const email = `${uniqueLabel("new.user")}@Example.COM`;
  return { email, displayName: uniqueLabel("新用户"), role: "reporter" as const, password: "a long new password", authorId: null, ...overrides };
}

async function stored(id: number) {
  return prisma.user.findUniqueOrThrow({ where: { id } });
}

async function eventsFor(target: string) {
  return prisma.auditEvent.findMany({ where: { target }, orderBy: { id: "asc" } });
}

/** The session a user would hold now: valid exactly while viewer resolution accepts it. */
async function sessionOf(userId: number) {
  const { sessionVersion } = await stored(userId);
  return { uid: userId, sv: sessionVersion, authTime: Math.floor(Date.now() / 1000) };
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

async function expectFieldError(promise: Promise<unknown>, field: string, message: string) {
  const error = await caught(promise);
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).fieldErrors).toEqual({ [field]: message });
}

describe("creating users", () => {
  it("stores a lower-cased email, an argon2id hash of the password and the linked author", async () => {
    const author = await createAuthor("冯经伟");
    const input = newUser({ role: "editor", authorId: author.id });
    const user = await createUser(admin, input, ADDRESS);

    expect(user).toEqual({
      id: expect.any(Number),
      email: input.email.toLowerCase(),
      displayName: input.displayName,
      role: "editor",
      roleLabel: "编辑",
      disabled: false,
      author: { id: author.id, name: author.name },
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
    });
    const row = await stored(user.id);
    expect(row.email).toBe(input.email.toLowerCase());
    expect(row.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(row.passwordHash, input.password)).toBe(true);
    expect(await verifyPassword(row.passwordHash, "a wrong password")).toBe(false);
  });

  it("records user.create with the actor and the client address", async () => {
    const user = await createUser(admin, newUser(), ADDRESS);
    const events = await eventsFor(`user:${user.id}`);
    expect(events).toMatchObject([{ action: "user.create", actorId: admin.id, clientAddress: "203.0.113.7" }]);
    expect(events[0].detail).toContain(user.email);
  });

  it("refuses an email already in use, whatever its case, with a field error and no second row", async () => {
    const input = newUser();
    await createUser(admin, input, ADDRESS);
    const before = await prisma.user.count();
    await expectFieldError(createUser(admin, newUser({ email: `  ${input.email.toUpperCase()} ` }), ADDRESS), "email", EMAIL_TAKEN);
    expect(EMAIL_TAKEN).toBe("该邮箱已被使用");
    expect(await prisma.user.count()).toBe(before);
  });

  it("refuses a missing author, a short password and a blank name without creating anything", async () => {
    const before = await prisma.user.count();
    await expectFieldError(createUser(admin, newUser({ authorId: 999_999 }), ADDRESS), "authorId", "作者不存在，请重新选择");
    await expectFieldError(createUser(admin, newUser({ password: "1234567" }), ADDRESS), "password", "密码至少 8 个字符");
    await expectFieldError(createUser(admin, newUser({ displayName: "  " }), ADDRESS), "displayName", "请填写姓名");
    expect(await prisma.user.count()).toBe(before);
  });

  it("lists users and authors as DTOs that never carry a password hash", async () => {
    const author = await createAuthor("实习生");
    const created = await createUser(admin, newUser({ authorId: author.id }), ADDRESS);
    const users = await listUsers(admin);
    const listed = users.find((user) => user.id === created.id);
    expect(listed).toEqual(created);
    for (const user of users) expect(Object.keys(user).sort()).toEqual(["author", "createdAt", "disabled", "displayName", "email", "id", "role", "roleLabel"]);
    expect(JSON.stringify(users)).not.toContain("$argon2");
    expect(await listAuthorsForSelect()).toContainEqual({ id: author.id, name: author.name });
  });
});

describe("only admins manage users", () => {
  const attempts = [
    { name: "createUser", action: "user.create", run: (viewer: Viewer) => createUser(viewer, newUser(), ADDRESS) },
    { name: "changeRole", action: "user.role", run: (viewer: Viewer, userId: number) => changeRole(viewer, { userId, role: "admin" }, ADDRESS) },
    { name: "resetPassword", action: "user.password", run: (viewer: Viewer, userId: number) => resetPassword(viewer, { userId, password: "taken over!" }, ADDRESS) },
    { name: "setDisabled", action: "user.disable", run: (viewer: Viewer, userId: number) => setDisabled(viewer, { userId, disabled: true }, ADDRESS) },
    { name: "listUsers", action: "user.list", run: (viewer: Viewer) => listUsers(viewer, ADDRESS) },
  ];
  const cases = (["editor", "reporter"] as const).flatMap((role) => attempts.map((attempt) => ({ role, ...attempt })));

  it.each(cases)("a $role calling $name gets ForbiddenError, a permission.denied event, and nothing changes", async ({ role, action, run }) => {
    const actor = role === "editor" ? editor : reporter;
    const target = await storeUser("reporter");
    const usersBefore = await prisma.user.count();
    const deniedBefore = await prisma.auditEvent.count({ where: { action: "permission.denied", actorId: actor.id } });

    expect(await caught(run(actor, target.id))).toBeInstanceOf(ForbiddenError);

    expect(await stored(target.id)).toEqual(target);
    expect(await prisma.user.count()).toBe(usersBefore);
    const denied = await prisma.auditEvent.findMany({ where: { action: "permission.denied", actorId: actor.id }, orderBy: { id: "asc" } });
    expect(denied).toHaveLength(deniedBefore + 1);
    expect(denied.at(-1)).toMatchObject({ detail: action, clientAddress: "203.0.113.7" });
    expect(await prisma.auditEvent.count({ where: { action: { startsWith: "user." }, target: `user:${target.id}` } })).toBe(0);
  });
});

describe("changing roles", () => {
  it("changes a reporter to an editor and records user.role with the actor", async () => {
    const user = await storeUser("reporter");
    const { user: changed, changed: didChange } = await changeRole(admin, { userId: user.id, role: "editor" }, ADDRESS);
    expect(didChange).toBe(true);
    expect(changed).toMatchObject({ id: user.id, role: "editor", roleLabel: "编辑" });
    expect((await stored(user.id)).role).toBe("editor");
    const events = await eventsFor(`user:${user.id}`);
    expect(events).toMatchObject([{ action: "user.role", actorId: admin.id, clientAddress: "203.0.113.7" }]);
    expect(events[0].detail).toContain("记者 → 编辑");
  });

  it("leaves the role and the audit log alone when the role is unchanged", async () => {
    const user = await storeUser("editor");
    expect((await changeRole(admin, { userId: user.id, role: "editor" }, ADDRESS)).changed).toBe(false);
    expect(await eventsFor(`user:${user.id}`)).toEqual([]);
  });

  it("refuses an admin removing their own admin role", async () => {
    const self = await storeUser("admin");
    await expectFieldError(changeRole(viewerOf(self), { userId: self.id, role: "editor" }, ADDRESS), "role", "不能取消自己的管理员角色");
    expect(await stored(self.id)).toEqual(self);
    expect(await eventsFor(`user:${self.id}`)).toEqual([]);
  });

  it("answers NotFoundError for an unknown user", async () => {
    expect(await caught(changeRole(admin, { userId: 999_999, role: "editor" }, ADDRESS))).toBeInstanceOf(NotFoundError);
  });
});

describe("resetting passwords", () => {
  it("sets a new argon2id hash, ends existing sessions and records user.password", async () => {
    const user = await storeUser("editor");
    const session = await sessionOf(user.id);
    expect(await viewerFromClaims(session)).toMatchObject({ id: user.id });

    await resetPassword(admin, { userId: user.id, password: "a brand new secret" }, ADDRESS);

    const row = await stored(user.id);
    expect(row.sessionVersion).toBe(user.sessionVersion + 1);
    expect(row.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(row.passwordHash, "a brand new secret")).toBe(true);
    expect(await verifyPassword(row.passwordHash, PASSWORD)).toBe(false);
    expect(await viewerFromClaims(session)).toBeNull();
    expect(await viewerFromClaims(await sessionOf(user.id))).toMatchObject({ id: user.id });
    expect(await eventsFor(`user:${user.id}`)).toMatchObject([{ action: "user.password", actorId: admin.id, clientAddress: "203.0.113.7" }]);
  });

  it("refuses a password shorter than 8 characters and changes nothing", async () => {
    const user = await storeUser("reporter");
    await expectFieldError(resetPassword(admin, { userId: user.id, password: "short" }, ADDRESS), "password", "密码至少 8 个字符");
    expect(await stored(user.id)).toEqual(user);
  });
});

describe("disabling and re-enabling", () => {
  it("disabling ends existing sessions at once; re-enabling lets the user sign in again", async () => {
    const user = await storeUser("reporter");
    const session = await sessionOf(user.id);

    const disabled = await setDisabled(admin, { userId: user.id, disabled: true }, ADDRESS);
    expect(disabled).toMatchObject({ changed: true, user: { id: user.id, disabled: true } });
    const row = await stored(user.id);
    expect(row).toMatchObject({ disabled: true, sessionVersion: user.sessionVersion + 1 });
    expect(await viewerFromClaims(session)).toBeNull();
    expect(await viewerFromClaims(await sessionOf(user.id))).toBeNull();

    const enabled = await setDisabled(admin, { userId: user.id, disabled: false }, ADDRESS);
    expect(enabled).toMatchObject({ changed: true, user: { id: user.id, disabled: false } });
    expect(await viewerFromClaims(session)).toBeNull();
    expect(await viewerFromClaims(await sessionOf(user.id))).toMatchObject({ id: user.id });

    const events = await eventsFor(`user:${user.id}`);
    expect(events.map((event) => event.action)).toEqual(["user.disable", "user.enable"]);
    for (const event of events) expect(event).toMatchObject({ actorId: admin.id, clientAddress: "203.0.113.7" });
  });

  it("refuses an admin disabling themselves", async () => {
    const self = await storeUser("admin");
    await expectFieldError(setDisabled(viewerOf(self), { userId: self.id, disabled: true }, ADDRESS), "disabled", "不能停用自己的账号");
    expect(await stored(self.id)).toEqual(self);
    expect(await eventsFor(`user:${self.id}`)).toEqual([]);
  });
});

describe("the last active admin", () => {
  /** Leaves `keep` as the only active admins for the duration of `body`. */
  async function withOnlyActiveAdmins(keep: number[], body: () => Promise<void>) {
    const others = await prisma.user.findMany({ where: { role: "admin", disabled: false, id: { notIn: keep } }, select: { id: true } });
    const ids = others.map((user) => user.id);
    await prisma.user.updateMany({ where: { id: { in: ids } }, data: { disabled: true } });
    try {
      await body();
    } finally {
      await prisma.user.updateMany({ where: { id: { in: ids } }, data: { disabled: false } });
    }
  }

  it("cannot be demoted or disabled by an admin whose own role was just taken away", async () => {
    const first = await storeUser("admin");
    const second = await storeUser("admin");
    await withOnlyActiveAdmins([first.id, second.id], async () => {
      // The second admin's request was authorized a moment before the first demoted them.
      await changeRole(viewerOf(first), { userId: second.id, role: "editor" }, ADDRESS);
      const stale = viewerOf(second);
      await expectFieldError(changeRole(stale, { userId: first.id, role: "reporter" }, ADDRESS), "role", "不能取消最后一位管理员");
      await expectFieldError(setDisabled(stale, { userId: first.id, disabled: true }, ADDRESS), "disabled", "不能停用最后一位管理员");
      expect(await stored(first.id)).toEqual(first);
      expect(await eventsFor(`user:${first.id}`)).toEqual([]);
    });
  });

  it("counts disabled admins out: demoting the only active one is refused", async () => {
    const active = await storeUser("admin");
    const inactive = await storeUser("admin", { disabled: true });
    await withOnlyActiveAdmins([active.id], async () => {
      await expectFieldError(changeRole(viewerOf(inactive), { userId: active.id, role: "editor" }, ADDRESS), "role", "不能取消最后一位管理员");
      expect((await stored(active.id)).role).toBe("admin");
    });
  });

  it("two admins demoting each other at once leave one admin, not none", async () => {
    const first = await storeUser("admin");
    const second = await storeUser("admin");
    await withOnlyActiveAdmins([first.id, second.id], async () => {
      const results = await Promise.allSettled([
        changeRole(viewerOf(first), { userId: second.id, role: "editor" }, ADDRESS),
        changeRole(viewerOf(second), { userId: first.id, role: "editor" }, ADDRESS),
      ]);
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      const refused = results.find((result) => result.status === "rejected");
      expect(refused?.reason).toBeInstanceOf(ValidationError);
      expect((refused as PromiseRejectedResult).reason.fieldErrors).toEqual({ role: "不能取消最后一位管理员" });
      expect(await prisma.user.count({ where: { id: { in: [first.id, second.id] }, role: "admin" } })).toBe(1);
    });
  });

  it("another admin can still be demoted while one remains", async () => {
    const first = await storeUser("admin");
    const second = await storeUser("admin");
    await withOnlyActiveAdmins([first.id, second.id], async () => {
      const outcome = await changeRole(viewerOf(first), { userId: second.id, role: "reporter" }, ADDRESS);
      expect(outcome.user.role).toBe("reporter");
    });
  });
});

describe("the audit log", () => {
  it("is refused to editors and reporters, with a permission.denied event", async () => {
    for (const viewer of [editor, reporter]) {
      expect(await caught(listAuditEvents(viewer, { page: 1 }))).toBeInstanceOf(ForbiddenError);
      const last = await prisma.auditEvent.findFirst({ where: { actorId: viewer.id }, orderBy: { id: "desc" } });
      expect(last).toMatchObject({ action: "permission.denied", detail: "audit.read" });
    }
  });

  it("shows the newest events first, 50 a page, with actor names and Chinese action labels", async () => {
    const base = Date.now() + 24 * 60 * 60 * 1000;
    const marker = uniqueLabel("marker");
    await prisma.auditEvent.createMany({
      data: Array.from({ length: 60 }, (_, index) => ({
        at: new Date(base + index * 1000),
        actorId: admin.id,
        action: index === 59 ? "user.disable" : "some.future-action",
        target: `${marker}:${index}`,
        detail: "detail",
        clientAddress: "198.51.100.1",
      })),
    });

    const first = await listAuditEvents(admin, { page: 1 });
    expect(first.page).toBe(1);
    expect(first.items).toHaveLength(50);
    expect(first.pageCount).toBe(Math.ceil(first.total / 50));
    expect(first.items[0]).toMatchObject({
      actor: "管理员甲",
      action: "user.disable",
      actionLabel: "停用用户",
      target: `${marker}:59`,
      detail: "detail",
      clientAddress: "198.51.100.1",
    });
    expect(first.items[0].at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(first.items[1]).toMatchObject({ action: "some.future-action", actionLabel: "some.future-action", target: `${marker}:58` });

    const second = await listAuditEvents(admin, { page: 2 });
    expect(second.items.slice(0, 10).map((item) => item.target)).toEqual(Array.from({ length: 10 }, (_, index) => `${marker}:${9 - index}`));
  });

  it("shows user management events with their actor", async () => {
    const user = await createUser(admin, newUser(), ADDRESS);
    const { items } = await listAuditEvents(admin, { page: 1 });
    const created = items.find((item) => item.target === `user:${user.id}`);
    // Events dated in the future by the test above come first; this one may sit on a later page.
    const event = created ?? (await findOnPages(`user:${user.id}`));
    expect(event).toMatchObject({ actor: "管理员甲", action: "user.create", actionLabel: "创建用户", clientAddress: "203.0.113.7" });
  });
});

async function findOnPages(target: string) {
  for (let page = 1; page <= 20; page++) {
    const { items, pageCount } = await listAuditEvents(admin, { page });
    const found = items.find((item) => item.target === target);
    if (found || page >= pageCount) return found;
  }
  return undefined;
}
