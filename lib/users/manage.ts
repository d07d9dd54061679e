// User accounts, admins only: list, create, change role, reset password, disable and re-enable.
// Password hashes never leave this module, and every change keeps at least one active admin.
import "server-only";
import type { z } from "zod";
import { prisma, type Prisma } from "../db";
import { fieldErrors } from "../validation";
import type { AuditAction } from "../audit/actions";
import { recordAudit } from "../audit/record";
import { hashPassword } from "../auth/passwords";
import { requireAllowed } from "../auth/guard";
import { isRole } from "../auth/permissions";
// Type only: lib/auth/viewer loads next/navigation, which the admin CLI (plain Node) cannot load.
import type { Viewer } from "../auth/viewer";
import { NotFoundError, ValidationError } from "../errors";
import { roleLabel, t } from "../messages/catalog";
import { formatShanghai } from "../text/time";
import {
  createUserSchema,
  disabledChangeSchema,
  passwordResetSchema,
  roleChangeSchema,
  type CreateUserInput,
  type DisabledChangeInput,
  type PasswordResetInput,
  type RoleChangeInput,
} from "./schema";

type Tx = Prisma.TransactionClient;
export type Context = { clientAddress?: string };

/**
 * The server's operator at the shell (the admin CLI). Shell access is full trust, so no permission
 * check applies; the web's rules on accounts still do, and audit events carry no actor.
 */
export type Operator = { id: null; operator: true };
export const OPERATOR: Operator = Object.freeze({ id: null, operator: true });
type Actor = Viewer | Operator;

export type UserSummary = {
  id: number;
  email: string;
  displayName: string;
  role: string;
  roleLabel: string;
  disabled: boolean;
  author: { id: number; name: string } | null;
  createdAt: string;
};
export type UserChange = { user: UserSummary; changed: boolean };

export const EMAIL_TAKEN = t("user.emailTaken");
export const LAST_ADMIN_DEMOTED = t("user.lastAdminDemoted");
export const LAST_ADMIN_DISABLED = t("user.lastAdminDisabled");

const summarySelect = {
  id: true,
  email: true,
  displayName: true,
  role: true,
  disabled: true,
  createdAt: true,
  author: { select: { id: true, name: true } },
} satisfies Prisma.UserSelect;

type SummaryRow = Prisma.UserGetPayload<{ select: typeof summarySelect }>;

export async function listUsers(viewer: Actor, context: Context = {}): Promise<UserSummary[]> {
  await requireManager(viewer, { action: "user.list" }, context);
  const rows = await prisma.user.findMany({ orderBy: { id: "asc" }, select: summarySelect });
  return rows.map(toSummary);
}

/** Every author, for the optional "linked author" select. Author names are public. */
export function listAuthorsForSelect(): Promise<{ id: number; name: string }[]> {
  return prisma.author.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true } });
}

export async function createUser(viewer: Actor, rawInput: CreateUserInput, context: Context = {}): Promise<UserSummary> {
  await requireManager(viewer, { action: "user.create" }, context);
  const input = parse(createUserSchema, rawInput);
  const authorId = input.authorId ?? null;
  // Hashed before the transaction: argon2 is slow and must not hold the write lock.
  const passwordHash = await hashPassword(input.password);
  try {
    return await prisma.$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw new ValidationError({ email: EMAIL_TAKEN });
      if (authorId !== null && !(await tx.author.findUnique({ where: { id: authorId }, select: { id: true } }))) {
        throw new ValidationError({ authorId: t("author.missing") });
      }
      const user = await tx.user.create({
        data: { email: input.email, displayName: input.displayName, role: input.role, passwordHash, authorId },
        select: summarySelect,
      });
      await audit(tx, viewer, context, { action: "user.create", user, detail: `${user.email}（${roleLabel(input.role)}）` });
      return toSummary(user);
    });
  } catch (error) {
    // Another request created the same email between the check and the insert.
    if (isUniqueViolation(error)) throw new ValidationError({ email: EMAIL_TAKEN });
    throw error;
  }
}

export async function changeRole(viewer: Actor, rawInput: RoleChangeInput, context: Context = {}): Promise<UserChange> {
  await requireManager(viewer, { action: "user.role", userId: rawInput?.userId }, context);
  const { userId, role } = parse(roleChangeSchema, rawInput);
  if (userId === viewer.id && role !== "admin") throw new ValidationError({ role: t("user.selfDemoted") });
  return prisma.$transaction(async (tx) => {
    const before = await findUser(tx, userId);
    if (before.role === role) return { user: toSummary(before), changed: false };
    const user = await tx.user.update({ where: { id: userId }, data: { role }, select: summarySelect });
    if (isActiveAdmin(before)) await requireActiveAdmin(tx, { role: LAST_ADMIN_DEMOTED });
    await audit(tx, viewer, context, { action: "user.role", user, detail: `${user.email}：${toSummary(before).roleLabel} → ${roleLabel(role)}` });
    return { user: toSummary(user), changed: true };
  });
}

/** Sets a new password and ends the user's existing sessions. */
export async function resetPassword(viewer: Actor, rawInput: PasswordResetInput, context: Context = {}): Promise<UserChange> {
  await requireManager(viewer, { action: "user.password", userId: rawInput?.userId }, context);
  const { userId, password } = parse(passwordResetSchema, rawInput);
  const passwordHash = await hashPassword(password);
  return prisma.$transaction(async (tx) => {
    await findUser(tx, userId);
    const user = await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } }, select: summarySelect });
    await audit(tx, viewer, context, { action: "user.password", user, detail: user.email });
    return { user: toSummary(user), changed: true };
  });
}

/** Disabling ends the user's existing sessions at once; re-enabling lets them sign in again. */
export async function setDisabled(viewer: Actor, rawInput: DisabledChangeInput, context: Context = {}): Promise<UserChange> {
  await requireManager(viewer, { action: rawInput?.disabled === false ? "user.enable" : "user.disable", userId: rawInput?.userId }, context);
  const { userId, disabled } = parse(disabledChangeSchema, rawInput);
  if (disabled && userId === viewer.id) throw new ValidationError({ disabled: t("user.selfDisabled") });
  return prisma.$transaction(async (tx) => {
    const before = await findUser(tx, userId);
    if (before.disabled === disabled) return { user: toSummary(before), changed: false };
    const user = await tx.user.update({
      where: { id: userId },
      data: disabled ? { disabled, sessionVersion: { increment: 1 } } : { disabled },
      select: summarySelect,
    });
    if (disabled && isActiveAdmin(before)) await requireActiveAdmin(tx, { disabled: LAST_ADMIN_DISABLED });
    await audit(tx, viewer, context, { action: disabled ? "user.disable" : "user.enable", user, detail: user.email });
    return { user: toSummary(user), changed: true };
  });
}

/** The user with this email (any case), or null. */
export async function getUserByEmail(viewer: Actor, email: string, context: Context = {}): Promise<UserSummary | null> {
  await requireManager(viewer, { action: "user.find" }, context);
  const row = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: summarySelect });
  return row ? toSummary(row) : null;
}

async function requireManager(viewer: Actor, attempt: { action: string; userId?: unknown }, context: Context): Promise<void> {
  if (isOperator(viewer)) return;
  const target = typeof attempt.userId === "number" ? `user:${attempt.userId}` : "";
  await requireAllowed(viewer, "users.manage", { tried: attempt.action, target, clientAddress: context.clientAddress });
}

/**
 * Checked after the write, inside the transaction: SQLite serializes writers, so two admins
 * demoting each other at once cannot both see "one admin left" and leave none.
 */
async function requireActiveAdmin(tx: Tx, errors: Record<string, string>): Promise<void> {
  const activeAdmins = await tx.user.count({ where: { role: "admin", disabled: false } });
  if (activeAdmins === 0) throw new ValidationError(errors);
}

function isOperator(actor: Actor): actor is Operator {
  return "operator" in actor && actor.operator === true;
}

function isActiveAdmin(user: { role: string; disabled: boolean }): boolean {
  return user.role === "admin" && !user.disabled;
}

async function findUser(tx: Tx, id: number): Promise<SummaryRow> {
  const user = await tx.user.findUnique({ where: { id }, select: summarySelect });
  if (!user) throw new NotFoundError("user.notFound");
  return user;
}

function audit(tx: Tx, viewer: Actor, context: Context, event: { action: AuditAction; user: { id: number }; detail: string }) {
  return recordAudit({ actorId: viewer.id, action: event.action, target: `user:${event.user.id}`, detail: event.detail, clientAddress: context.clientAddress }, tx);
}

function toSummary(row: SummaryRow): UserSummary {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    roleLabel: isRole(row.role) ? roleLabel(row.role) : row.role,
    disabled: row.disabled,
    author: row.author,
    createdAt: formatShanghai(row.createdAt),
  };
}

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  return parsed.data;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}
