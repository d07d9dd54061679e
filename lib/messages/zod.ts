// Zod's messages in Chinese. A field's schema names its label (`z.string(field("title")).max(200)`),
// and one error map words each issue from its code, its limits and that label, so schemas carry no
// Chinese. Passed per schema rather than set globally: the CLI's own schemas keep zod's English.
import type { z } from "zod";
import { fieldLabel, t, type FieldName, type PlainCode } from "./catalog";

type Issue = z.core.$ZodRawIssue;
type ErrorParams = { error: (issue: Issue) => string };

/** How a field's limits are counted: 个字 (default), 个字符 (ASCII fields), 位 (people), 条 (entries). */
type Unit = "chars" | "letters" | "people" | "entries";

export type FieldWording = {
  label: FieldName;
  unit?: Unit;
  /** Over the maximum says "X太长" rather than "X最多 N 个字" (limits no one types up to). */
  tooLong?: boolean;
  /** Any issue says "请选择X" (a select whose value is not one of the choices). */
  choose?: boolean;
};

/** The error map: an issue of a labelled field, in Chinese. */
export function fieldMessage(issue: Issue, { label: name, unit = "chars", tooLong = false, choose = false }: FieldWording): string {
  const label = fieldLabel(name);
  if (choose) return t("zod.choose", { label });
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? t("zod.required", { label }) : t("zod.invalid", { label });
    case "too_small":
      if (issue.origin === "string" && Number(issue.minimum) === 1) return t("zod.required", { label });
      return t("zod.atLeast", { label, limit: Number(issue.minimum), unit: t(`unit.${unit}`) });
    case "too_big":
      if (tooLong) return t("zod.tooLong", { label });
      return t("zod.atMost", { label, limit: Number(issue.maximum), unit: t(`unit.${unit}`) });
    case "invalid_format":
      return issue.format === "email" ? t("zod.email") : t("zod.invalid", { label });
    default:
      return t("zod.invalid", { label });
  }
}

/** Schema params naming the field's label: `z.string(field("title"))`, `z.array(item, field("picks", { unit: "entries" }))`. */
export function field(label: FieldName, wording: Omit<FieldWording, "label"> = {}): ErrorParams {
  return { error: (issue) => fieldMessage(issue, { label, ...wording }) };
}

/** "请填写X", for a refine that makes an otherwise optional field required. */
export function required(label: FieldName): ErrorParams {
  return { error: () => t("zod.required", { label: fieldLabel(label) }) };
}

/** One message for every issue of a schema or check: a refine's rule, or "request.invalid" for values the form's code sets (ids, directions). */
export function rule(code: PlainCode): ErrorParams {
  return { error: () => t(code) };
}
