// The credit line under a photo, printed the way the paper prints it: 图说 followed by
// （本报记者 王晓明 摄）. Pure; the rules are in formatCredit's comment and tests/unit/media-credit.test.ts.
import { t } from "../messages/catalog";

export const CREDIT_KINDS = ["shot", "supplied", "archive"] as const;
export type CreditKind = (typeof CREDIT_KINDS)[number];

export type CreditSource = {
  creditKind: string;
  creditAuthor: { name: string; defaultRoleLabel: string } | null;
  creditText: string;
  sourceOrg: string;
};

/**
 * `（who kind）`, or "" when there is nothing to print. Rules:
 * - who is a linked author as bylines print them (default role label + name: 本报记者 王晓明); the
 *   role label already says where staff come from, so 来源单位 is not added to it;
 * - otherwise the free-text 摄影, after 来源单位 when both are given (新华社 王鹏), or 来源单位 alone
 *   (平阴县委宣传部 供图);
 * - 摄 and 供图 need someone to credit and print nothing without; 资料图 prints （资料图） alone;
 * - text is trimmed, runs of spaces become one, brackets typed around a name and a kind typed
 *   after it (王晓明 摄) are dropped, so nothing is printed twice.
 */
export function formatCredit(source: CreditSource): string {
  const kind = toCreditKind(source.creditKind);
  const label = t(`credit.${kind}`);
  const who = creditedName(source);
  if (!who) return kind === "archive" ? `（${label}）` : "";
  return `（${who} ${label}）`;
}

/** 图说 then the credit line; `captionOverride` is an article's own caption for this use, when it has one. */
export function formatCaptionWithCredit(photo: CreditSource & { caption: string }, captionOverride?: string): string {
  const caption = tidy(captionOverride?.trim() ? captionOverride : photo.caption);
  const credit = formatCredit(photo);
  if (!credit) return caption;
  // A caption imported with its credit already at the end keeps one copy.
  if (toFullWidthParentheses(caption).replace(/\s+/g, "").endsWith(credit.replace(/\s+/g, ""))) return caption;
  return caption + credit;
}

export function toCreditKind(value: string): CreditKind {
  return (CREDIT_KINDS as readonly string[]).includes(value) ? (value as CreditKind) : "shot";
}

function creditedName(source: CreditSource): string {
  if (source.creditAuthor) {
    const name = tidy(source.creditAuthor.name);
    if (name) return tidy(`${source.creditAuthor.defaultRoleLabel} ${name}`);
  }
  const person = stripKind(unwrap(tidy(source.creditText)));
  const organisation = unwrap(tidy(source.sourceOrg));
  if (person && organisation && !person.includes(organisation)) return `${organisation} ${person}`;
  return person || organisation;
}

function tidy(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** `（新华社）` or `(新华社)` → `新华社`. */
function unwrap(text: string): string {
  const match = /^[（(]\s*(.*?)\s*[）)]$/.exec(text);
  return match ? match[1] : text;
}

/** `王晓明 摄` → `王晓明`: the kind comes from the 类型 field. */
function stripKind(text: string): string {
  const kinds = CREDIT_KINDS.map((kind) => t(`credit.${kind}`)).join("|");
  return text.replace(new RegExp(`\\s*(${kinds})$`), "").trim();
}

function toFullWidthParentheses(text: string): string {
  return text.replace(/\(/g, "（").replace(/\)/g, "）");
}
