// The one shape of a newsroom server action. A server action is a public endpoint, so each one
// re-checks who is asking, parses its input with the shared schema, calls one lib function with
// (viewer, input, context), turns a refusal into a form result and expires the public pages the
// call names. An action file is then a list of one-liners.
import "server-only";
import { refresh } from "next/cache";
import type { z } from "zod";
import { requestClientAddress } from "@/lib/auth/client-address";
import { getViewer, type Viewer } from "@/lib/auth/viewer";
import { failure, toFailure, type FormResult } from "@/lib/form-state";
import { t } from "@/lib/messages/catalog";
import { fieldErrors } from "@/lib/validation";
import { refreshPublicPages } from "./refresh";

export type ActionContext = { clientAddress: string };

type Options = {
  /** Refresh the current route after a change (default). Off where that page is gone or the form reloads itself. */
  refresh?: boolean;
  /** The answer to input the schema refuses; "request.invalid" carries no field errors (the form's code built the request, not the person). */
  invalid?: "form.invalid" | "form.invalidSave" | "request.invalid";
};

/**
 * `run` is the lib call; `answer` words its outcome (with the catalog) for the form. The public
 * pages the outcome names in `publicTags` are expired.
 */
export function newsroomAction<S extends z.ZodType, R extends object, D = undefined>(
  schema: S,
  run: (viewer: Viewer, input: z.output<S>, context: ActionContext) => Promise<R>,
  answer: (outcome: R, call: { viewer: Viewer; input: z.output<S> }) => FormResult<D>,
  { refresh: refreshRoute = true, invalid = "form.invalid" }: Options = {},
): (request: unknown) => Promise<FormResult<D>> {
  return async (request) => {
    const viewer = await getViewer();
    if (!viewer) return failure(t("form.signedOut"));
    const parsed = schema.safeParse(request);
    if (!parsed.success) return failure(t(invalid), invalid === "request.invalid" ? undefined : fieldErrors(parsed.error));
    try {
      const outcome = await run(viewer, parsed.data, { clientAddress: await requestClientAddress() });
      refreshPublicPages(publicTagsOf(outcome));
      if (refreshRoute) refresh();
      return answer(outcome, { viewer, input: parsed.data });
    } catch (error) {
      return toFailure(error);
    }
  };
}

/** A read-only look-up for a form (author names, published titles): nothing unless signed in and well-formed. */
export function newsroomQuery<S extends z.ZodType, R>(schema: S, run: (input: z.output<S>, viewer: Viewer) => Promise<R[]>): (request: unknown) => Promise<R[]> {
  return async (request) => {
    const viewer = await getViewer();
    const parsed = schema.safeParse(request);
    if (!viewer || !parsed.success) return [];
    return run(parsed.data, viewer);
  };
}

/** A read-only look-up that answers one value (a page of the photo library): null unless signed in and well-formed. */
export function newsroomLookup<S extends z.ZodType, R>(schema: S, run: (input: z.output<S>, viewer: Viewer) => Promise<R>): (request: unknown) => Promise<R | null> {
  return async (request) => {
    const viewer = await getViewer();
    const parsed = schema.safeParse(request);
    if (!viewer || !parsed.success) return null;
    return run(parsed.data, viewer);
  };
}

/** The public cache tags a lib outcome names (lib returns them; expiring is the action's job). */
function publicTagsOf(outcome: object): string[] {
  return "publicTags" in outcome && Array.isArray(outcome.publicTags) ? outcome.publicTags : [];
}
