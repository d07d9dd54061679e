"use server";
import { refresh } from "next/cache";
import { fieldErrors } from "@/lib/validation";
import { requestClientAddress } from "@/lib/auth/client-address";
import { getViewer } from "@/lib/auth/viewer";
import { failure, SIGNED_OUT, success, toFailure, type FormResult } from "@/lib/form-state";
import { updateSettings } from "@/lib/settings/manage";
import { siteSettingsSchema } from "@/lib/settings/schema";
import { refreshPublicPages } from "../_lib/refresh";

export async function updateSettingsAction(request: unknown): Promise<FormResult> {
  const viewer = await getViewer();
  if (!viewer) return failure(SIGNED_OUT);
  const parsed = siteSettingsSchema.safeParse(request);
  if (!parsed.success) return failure("请修改标出的内容后再保存", fieldErrors(parsed.error));
  try {
    const { changed, publicTags } = await updateSettings(viewer, parsed.data, { clientAddress: await requestClientAddress() });
    refreshPublicPages(publicTags);
    refresh();
    return success(changed ? "已保存站点设置，公开页面已更新" : "没有需要保存的修改", undefined);
  } catch (error) {
    return toFailure(error);
  }
}
