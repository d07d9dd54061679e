// Byline lines of legacy pages: `(本报记者 王晓明 通讯员 李华)` → ordered role/name pairs.

export type LegacyByline = { roleLabel: string; name: string };

const KNOWN_ROLES = [
  "本报记者",
  "本报通讯员",
  "特约记者",
  "见习记者",
  "摄影记者",
  "首席记者",
  "记者",
  "通讯员",
  "实习生",
  "摄影",
  "编辑",
  "责任编辑",
  "文/图",
  "图/文",
  "文",
  "图",
  "视频",
  "制图",
];
// A label not in the list is still a role when it ends like one (新华社记者, 大众日报通讯员).
const ROLE_SUFFIX = /^[\p{Script=Han}A-Za-z]{1,12}(?:记者|通讯员|实习生|编辑|摄影师|撰稿人)$/u;
// Credit words that close a byline ("(记者 张晨 摄影报道)"); they are not author names.
const CREDIT_WORDS = new Set(["报道", "摄影报道", "报导", "摄", "整理", "采写"]);
const NAME = /^[\p{Script=Han}A-Za-z][\p{Script=Han}A-Za-z·•]{1,7}$/u;
const BYLINE_LINE = /^[(（]\s*(.+?)\s*[)）]$/u;
const SEPARATORS = /[\s、,，:：]+/u;
const LONGEST_FIRST = [...KNOWN_ROLES].sort((a, b) => b.length - a.length);

export function isRoleLabel(token: string): boolean {
  return KNOWN_ROLES.includes(token) || ROLE_SUFFIX.test(token);
}

/** `(本报记者 王晓明 通讯员 李华)` → role/name pairs; null when the line is not a byline. */
export function parseBylineLine(line: string): LegacyByline[] | null {
  const match = BYLINE_LINE.exec(line.trim());
  if (!match) return null;
  const bylines: LegacyByline[] = [];
  let role: string | null = null;
  for (const token of tokensOf(match[1])) {
    if (CREDIT_WORDS.has(token)) continue;
    if (isRoleLabel(token)) {
      role = token;
      continue;
    }
    const glued = splitGlued(token);
    if (glued) {
      role = glued.roleLabel;
      bylines.push(glued);
    } else if (role && NAME.test(token)) {
      bylines.push({ roleLabel: role, name: token });
    } else {
      return null;
    }
  }
  return bylines.length > 0 ? bylines : null;
}

/** Words of a byline; a slash separates names (王晓明/李华) except in the label 文/图. */
function tokensOf(inside: string): string[] {
  const words = inside.replace(/／/g, "/").split(SEPARATORS).filter(Boolean);
  return words.flatMap((word) => (isRoleLabel(word) ? [word] : word.split("/").filter(Boolean)));
}

/** `本报记者王晓明` or `新华社记者王晓明`: a role label written without a space before the name. */
function splitGlued(token: string): LegacyByline | null {
  const known = LONGEST_FIRST.find((label) => label.length > 1 && token.startsWith(label) && NAME.test(token.slice(label.length)));
  if (known) return { roleLabel: known, name: token.slice(known.length) };
  for (let cut = token.length - 2; cut >= 3; cut--) {
    const [label, name] = [token.slice(0, cut), token.slice(cut)];
    if (ROLE_SUFFIX.test(label) && NAME.test(name) && !isRoleLabel(name)) return { roleLabel: label, name };
  }
  return null;
}
