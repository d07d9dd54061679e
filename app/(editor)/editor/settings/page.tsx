import type { Metadata } from "next";
import { hasPermission } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/viewer";
import { getSettingsForm } from "@/lib/settings/manage";
import { SettingsForm } from "./SettingsForm";
import "../authors/admin.css";
import { NoPermission } from "../_components/NoPermission";

export const metadata: Metadata = { title: "设置" };

export default async function SettingsPage() {
  const viewer = await requireViewer("/editor/settings");
  if (!hasPermission(viewer.role, "users.manage")) {
    return <NoPermission />;
  }
  const { stored, defaults } = await getSettingsForm(viewer);
  return (
    <section aria-labelledby="settings-heading">
      <div className="toolbar">
        <h1 id="settings-heading">设置</h1>
      </div>
      <SettingsForm stored={stored} defaults={defaults} />
    </section>
  );
}
