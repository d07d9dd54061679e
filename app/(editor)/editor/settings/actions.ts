"use server";
import { success } from "@/lib/form-state";
import { t } from "@/lib/messages/catalog";
import { updateSettings } from "@/lib/settings/manage";
import { mediaSettingsSchema, updateMediaSettings } from "@/lib/settings/media";
import { siteSettingsSchema } from "@/lib/settings/schema";
import { newsroomAction } from "../_lib/newsroom-action";

export const updateSettingsAction = newsroomAction(
  siteSettingsSchema,
  updateSettings,
  ({ changed }) => success(changed ? t("action.settingsSaved") : t("form.unchanged"), undefined),
  { invalid: "form.invalidSave" },
);

export const updateMediaSettingsAction = newsroomAction(
  mediaSettingsSchema,
  updateMediaSettings,
  ({ changed }) => success(changed ? t("action.mediaSettingsSaved") : t("form.unchanged"), undefined),
  { invalid: "form.invalidSave" },
);
