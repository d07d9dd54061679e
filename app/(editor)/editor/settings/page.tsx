import type { Metadata } from "next";
import type { Viewer } from "@/lib/auth/viewer";
import { getSettingsForm } from "@/lib/settings/manage";
import { getMediaSettingsForm } from "@/lib/settings/media";
import { PermissionGate } from "../_components/PermissionGate";
import { MediaSettingsForm } from "./MediaSettingsForm";
import { SettingsForm } from "./SettingsForm";

export const metadata: Metadata = { title: "设置" };

export default function SettingsPage() {
  return (
    <PermissionGate action="users.manage" returnTo="/editor/settings">
      {(viewer) => <Settings viewer={viewer} />}
    </PermissionGate>
  );
}

async function Settings({ viewer }: { viewer: Viewer }) {
  const [{ stored, defaults }, media] = await Promise.all([getSettingsForm(viewer), getMediaSettingsForm(viewer)]);
  return (
    <section aria-labelledby="settings-heading">
      <div className="toolbar">
        <h1 id="settings-heading">设置</h1>
      </div>
      <SettingsForm stored={stored} defaults={defaults} />
      <MediaSettingsForm stored={media.stored.maxUploadMegabytes} defaultValue={media.defaults.maxUploadMegabytes} />
    </section>
  );
}
