import { hasPermission, type Action } from "@/lib/auth/permissions";
import { requireViewer, type Viewer } from "@/lib/auth/viewer";

type Props = {
  /** What the viewer's role must allow. */
  action: Action;
  /** Where sign-in comes back to when signed out. */
  returnTo: string;
  /** The page, rendered only for a viewer who may see it (lib refuses the data to others too). */
  children: (viewer: Viewer) => React.ReactNode;
};

/**
 * The one gate of newsroom pages that need more than a signed-in viewer: signed out → the sign-in
 * page, then back; a role without the permission → a notice (status 200), and nothing of the page.
 */
export async function PermissionGate({ action, returnTo, children }: Props) {
  const viewer = await requireViewer(returnTo);
  if (!hasPermission(viewer.role, action))
    return (
      <p className="notice" role="alert">
        没有权限访问此页面
      </p>
    );
  return children(viewer);
}
