// Turning zod issues into messages shown next to form fields.
import type { z } from "zod";

/** Field errors keyed by dotted path (`bylines.0.authorName`), for messages next to the fields. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[issue.path.join(".") || "form"] ??= issue.message;
  return errors;
}
