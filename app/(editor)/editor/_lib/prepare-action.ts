import type { z } from "zod";
import { fieldErrors } from "@/lib/validation";
import { requestClientAddress } from "@/lib/auth/client-address";
import { getViewer } from "@/lib/auth/viewer";
import { failure, SIGNED_OUT } from "@/lib/form-state";

const INVALID = "请修改标出的内容后再提交";

/** The first steps of every newsroom action: who is asking (re-checked here), and the parsed input. */
export async function prepareAction<T extends z.ZodType>(schema: T, request: unknown) {
  const viewer = await getViewer();
  if (!viewer) return { ok: false, result: failure(SIGNED_OUT) } as const;
  const parsed = schema.safeParse(request);
  if (!parsed.success) return { ok: false, result: failure(INVALID, fieldErrors(parsed.error)) } as const;
  return { ok: true, viewer, input: parsed.data as z.output<T>, context: { clientAddress: await requestClientAddress() } } as const;
}
