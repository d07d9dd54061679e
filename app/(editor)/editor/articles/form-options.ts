import { can, hasPermission } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import type { EditableArticle } from "@/lib/articles/editor";

/** Which workflow buttons the form shows; the actions re-check each one in lib. */
export function workflowButtons(viewer: Viewer, article: Pick<EditableArticle, "status" | "createdById"> | null) {
  const subject = article ?? { status: "draft", createdById: viewer.id };
  return {
    submit: can(viewer, "submit", subject),
    publish: hasPermission(viewer.role, "article.publish") && can(viewer, "publish", subject),
    unpublish: article !== null && can(viewer, "unpublish", subject),
    archive: article !== null && can(viewer, "archive", subject),
    editable: article === null || can(viewer, "edit", subject),
  };
}
export type WorkflowButtons = ReturnType<typeof workflowButtons>;
