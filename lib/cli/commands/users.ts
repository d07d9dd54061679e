// `cms user:*`: user accounts from the shell. Shell access is full trust, so changes go through
// lib/users/manage as OPERATOR: the web's rules still apply, audit events have no actor and "cli".
// Passwords are never printed, except a generated one, once.
import crypto from "node:crypto";
import type { z } from "zod";
import { emailSchema, PASSWORD_MAX, PASSWORD_MIN, passwordSchema } from "../../auth/schema";
import { ROLES } from "../../auth/permissions";
import { NotFoundError, ValidationError } from "../../errors";
import * as users from "../../users/manage";
import { DISPLAY_NAME_MAX, displayNameSchema, roleSchema } from "../../users/schema";
import type { Command } from "../command";
import { info } from "../output";
import { OperationError } from "../../errors";
import { TIME_ZONE } from "../../text/time";

const CLI = { clientAddress: "cli" };

type Flag<T extends z.ZodType = z.ZodType> = { schema: T; message: string };
const flag = <T extends z.ZodType>(schema: T, message: string): Flag<T> => ({ schema, message });

const EMAIL = flag(emailSchema, "--email must be a valid email address");
const NAME = flag(displayNameSchema, `--name must be 1 to ${DISPLAY_NAME_MAX} characters`);
const ROLE = flag(roleSchema, `--role must be one of ${ROLES.join(", ")}`);
const PASSWORD = flag(passwordSchema.optional(), `--password must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters`);

/** Reads `--name value` / `--name=value` options and validates each with its zod schema. */
export function parseOptions<F extends Record<string, Flag>>(args: string[], flags: F): { [K in keyof F]: z.output<F[K]["schema"]> } {
  const raw: Record<string, string> = {};
  for (let index = 0; index < args.length; index++) {
    const match = /^--([a-z][a-z-]*)(?:=([\s\S]*))?$/.exec(args[index]);
    // The argument itself is not echoed: it might be a password typed in the wrong place.
    if (!match) throw new OperationError(`unexpected argument #${index + 1}; options look like --option value (see --help)`);
    const [, name, inline] = match;
    if (!Object.hasOwn(flags, name)) throw new OperationError(`unknown option --${name} (see --help)`);
    if (Object.hasOwn(raw, name)) throw new OperationError(`--${name} is given twice`);
    const value = inline ?? args[++index];
    if (value === undefined || (inline === undefined && value.startsWith("--"))) throw new OperationError(`--${name} needs a value`);
    raw[name] = value;
  }
  const values: Record<string, unknown> = {};
  for (const [name, { schema, message }] of Object.entries(flags)) {
    const parsed = schema.safeParse(raw[name]);
    if (!parsed.success) throw new OperationError(raw[name] === undefined ? `--${name} is required` : message);
    values[name] = parsed.data;
  }
  return values as { [K in keyof F]: z.output<F[K]["schema"]> };
}

function generatePassword(): string {
  return crypto.randomBytes(18).toString("base64url");
}

/** Runs a change, turning the domain's refusals (Chinese, for the web) into English CLI errors. */
async function attempt<T>(email: string, change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } catch (error) {
    if (error instanceof NotFoundError) throw new OperationError(`no user with email ${email}`);
    if (!(error instanceof ValidationError)) throw error;
    const message = Object.values(error.fieldErrors)[0];
    if (message === users.EMAIL_TAKEN) throw new OperationError(`a user with email ${email} already exists`);
    if (message === users.LAST_ADMIN_DEMOTED) throw new OperationError(`${email} is the last active admin and cannot lose the admin role`);
    if (message === users.LAST_ADMIN_DISABLED) throw new OperationError(`${email} is the last active admin and cannot be disabled`);
    throw new OperationError(`refused: invalid ${Object.keys(error.fieldErrors).join(", ")}`);
  }
}

async function requireUser(email: string): Promise<users.UserSummary> {
  const user = await users.getUserByEmail(users.OPERATOR, email, CLI);
  if (!user) throw new OperationError(`no user with email ${email}`);
  return user;
}

async function createUser(args: string[]): Promise<void> {
  const options = parseOptions(args, { email: EMAIL, name: NAME, role: ROLE, password: PASSWORD });
  const password = options.password ?? generatePassword();
  const input = { email: options.email, displayName: options.name, role: options.role, password };
  const user = await attempt(options.email, () => users.createUser(users.OPERATOR, input, CLI));
  info(`created user ${user.email} (${user.role}, id ${user.id})`);
  if (!options.password) info(`password: ${password}   (generated; shown once, write it down)`);
}

async function changeRole(args: string[]): Promise<void> {
  const { email, role } = parseOptions(args, { email: EMAIL, role: ROLE });
  const user = await requireUser(email);
  const result = await attempt(email, () => users.changeRole(users.OPERATOR, { userId: user.id, role }, CLI));
  info(result.changed ? `${email}: role ${user.role} -> ${role}` : `${email} already has the role ${role}; nothing changed`);
}

async function resetPassword(args: string[]): Promise<void> {
  const options = parseOptions(args, { email: EMAIL, password: PASSWORD });
  const user = await requireUser(options.email);
  const password = options.password ?? generatePassword();
  await attempt(options.email, () => users.resetPassword(users.OPERATOR, { userId: user.id, password }, CLI));
  info(`changed the password of ${options.email}; their existing sessions have ended`);
  if (!options.password) info(`password: ${password}   (generated; shown once, write it down)`);
}

function setDisabled(disabled: boolean) {
  return async (args: string[]): Promise<void> => {
    const { email } = parseOptions(args, { email: EMAIL });
    const user = await requireUser(email);
    const result = await attempt(email, () => users.setDisabled(users.OPERATOR, { userId: user.id, disabled }, CLI));
    if (!result.changed) return info(`${email} is already ${disabled ? "disabled" : "enabled"}; nothing changed`);
    info(disabled ? `disabled ${email}; their existing sessions have ended` : `enabled ${email}; they can sign in again`);
  };
}

async function listUsers(args: string[]): Promise<void> {
  parseOptions(args, {});
  const rows = await users.listUsers(users.OPERATOR, CLI);
  const table = [["email", "name", "role", "disabled", "created"], ...rows.map((user) => [user.email, user.displayName, user.role, user.disabled ? "yes" : "no", user.createdAt])];
  const widths = table[0].map((_, column) => Math.max(...table.map((row) => displayWidth(row[column]))));
  for (const row of table)
    info(
      row
        .map((cell, column) => cell + " ".repeat(widths[column] - displayWidth(cell)))
        .join("  ")
        .trimEnd(),
    );
  info(`${rows.length} user${rows.length === 1 ? "" : "s"} (created in ${TIME_ZONE} time)`);
}

/** Terminal columns: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  return [...text].reduce((width, char) => width + (/[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(char) ? 2 : 1), 0);
}

const AUDIT_NOTE = 'Audited with no actor and client address "cli".';
const PASSWORD_NOTE = `Without --password a strong random password is generated and printed once; a given one must be ${PASSWORD_MIN}-${PASSWORD_MAX} characters.`;

function command(name: string, summary: string, usage: string, details: string, run: Command["run"]): Command {
  return { name, summary, help: `Usage: cms ${name} ${usage}\n${summary[0].toUpperCase()}${summary.slice(1)}.\n${details}`.trimEnd(), run };
}

export const userCommands: Command[] = [
  command(
    "user:create",
    "create a user account",
    "--email E --name N --role reporter|editor|admin [--password P]",
    `${PASSWORD_NOTE}\nThe email must not be in use (case does not matter). ${AUDIT_NOTE}`,
    createUser,
  ),
  command("user:role", "change a user's role", "--email E --role reporter|editor|admin", `The last active admin cannot lose the admin role. ${AUDIT_NOTE}`, changeRole),
  command("user:password", "set a new password and end the user's sessions", "--email E [--password P]", `${PASSWORD_NOTE}\n${AUDIT_NOTE}`, resetPassword),
  command("user:disable", "disable a user and end their sessions", "--email E", `The last active admin cannot be disabled. ${AUDIT_NOTE}`, setDisabled(true)),
  command("user:enable", "let a disabled user sign in again", "--email E", AUDIT_NOTE, setDisabled(false)),
  command("user:list", "list user accounts", "", `Prints a table: email, name, role, disabled, created (${TIME_ZONE}).`, listUsers),
];
