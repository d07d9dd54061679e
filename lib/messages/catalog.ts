// Looking words up in the message catalog (./zh-CN.ts). Codes are typed: a code the catalog lacks,
// or a missing or wrong parameter, is a type error. Safe in client components.
import type { ArticleState } from "../articles/visibility";
import type { Role } from "../auth/permissions";
import { zhCN } from "./zh-CN";

type Catalog = typeof zhCN;
export type MessageCode = keyof Catalog;
type ParamsOf<C extends MessageCode> = Catalog[C] extends (params: infer P) => string ? [params: P] : [];
/** Codes whose text needs no parameters. */
export type PlainCode = { [C in MessageCode]: Catalog[C] extends string ? C : never }[MessageCode];
export type FieldName = MessageCode extends infer C ? (C extends `field.${infer Name}` ? Name : never) : never;

/** A message to say later, as errors carry it: its code and parameters. */
export type Message = { readonly code: MessageCode; readonly params?: unknown };

/** The text of a message: `t("channel.slugHeld", { name })`. */
export function t<C extends MessageCode>(code: C, ...params: ParamsOf<C>): string {
  return textOf({ code, params: params[0] });
}

/** A message to be said later, checked like t(). */
export function message<C extends MessageCode>(code: C, ...params: ParamsOf<C>): Message {
  return { code, params: params[0] };
}

export function textOf({ code, params }: Message): string {
  const entry: string | ((params: never) => string) = zhCN[code];
  return typeof entry === "function" ? entry(params as never) : entry;
}

/** For codes built at run time from stored values (audit actions): whether the catalog has it. */
export function isMessageCode(code: string): code is MessageCode {
  return Object.hasOwn(zhCN, code);
}

export function fieldLabel(field: FieldName): string {
  return t(`field.${field}`);
}

export function roleLabel(role: Role): string {
  return t(`role.${role}`);
}

/** 草稿, 待审, 定时, 已发布, 已归档. */
export function stateLabel(state: ArticleState): string {
  return t(`state.${state}`);
}
