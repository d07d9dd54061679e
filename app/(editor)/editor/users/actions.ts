"use server";
import { success } from "@/lib/form-state";
import { t } from "@/lib/messages/catalog";
import { changeRole, createUser, resetPassword, setDisabled, type UserChange } from "@/lib/users/manage";
import { createUserSchema, disabledChangeSchema, passwordResetSchema, roleChangeSchema } from "@/lib/users/schema";
import { newsroomAction } from "../_lib/newsroom-action";

export const createUserAction = newsroomAction(createUserSchema, createUser, (user) =>
  success(t("action.userCreated", { email: user.email, role: user.roleLabel }), { userId: user.id }),
);

export const changeRoleAction = newsroomAction(roleChangeSchema, changeRole, ({ user, changed }) =>
  success(changed ? t("action.roleChanged", { email: user.email, role: user.roleLabel }) : t("action.roleUnchanged"), undefined),
);

export const resetPasswordAction = newsroomAction(passwordResetSchema, resetPassword, ({ user }, { viewer }) =>
  success(user.id === viewer.id ? t("action.ownPasswordReset") : t("action.passwordReset", { email: user.email }), undefined),
);

export const setDisabledAction = newsroomAction(disabledChangeSchema, setDisabled, ({ user, changed }) => success(disabledMessage(user, changed), undefined));

function disabledMessage({ email, disabled }: UserChange["user"], changed: boolean): string {
  if (!changed) return t(disabled ? "action.userAlreadyDisabled" : "action.userAlreadyEnabled");
  return disabled ? t("action.userDisabled", { email }) : t("action.userEnabled", { email });
}
