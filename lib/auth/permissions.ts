// Who may do what: one table from role to actions, plus can() for rules that depend on ownership.
// Pure: no database, no session. Every newsroom read and write in lib asks here. Role names in
// Chinese: roleLabel() in lib/messages.

export const ROLES = ["reporter", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export type Action =
  | "article.create"
  | "article.editOwn"
  | "article.editAny"
  | "article.submit"
  | "article.publish"
  | "article.revisions"
  | "authors.manage"
  | "channels.manage"
  | "picks.manageAny"
  | "users.manage"
  | "audit.read"
  | "photo.upload"
  | "photo.manage";

const TABLE: Record<Role, readonly Action[]> = {
  reporter: ["article.create", "article.editOwn", "article.submit", "article.revisions", "photo.upload"],
  editor: [
    "article.create",
    "article.editOwn",
    "article.editAny",
    "article.submit",
    "article.publish",
    "article.revisions",
    "authors.manage",
    "channels.manage",
    "picks.manageAny",
    "photo.upload",
    "photo.manage",
  ],
  admin: [
    "article.create",
    "article.editOwn",
    "article.editAny",
    "article.submit",
    "article.publish",
    "article.revisions",
    "authors.manage",
    "channels.manage",
    "picks.manageAny",
    "users.manage",
    "audit.read",
    "photo.upload",
    "photo.manage",
  ],
};

export type Subject = { id: number; role: Role };
export type ArticleRef = { createdById: number | null; status: string };

export function hasPermission(role: Role, action: Action): boolean {
  return TABLE[role].includes(action);
}

/** Whether the viewer may edit this article (fields, bylines, picks) and so see its revisions. */
export function canEditArticle(viewer: Subject, article: ArticleRef): boolean {
  if (hasPermission(viewer.role, "article.editAny")) return true;
  return hasPermission(viewer.role, "article.editOwn") && isOwnDraftOrReview(viewer, article);
}

export type ArticleAction = "edit" | "submit" | "publish" | "unpublish" | "archive" | "revisions" | "restore";

/** The single question every article endpoint asks. */
export function can(viewer: Subject, action: ArticleAction, article: ArticleRef): boolean {
  switch (action) {
    case "edit":
    case "revisions":
    case "restore":
      return canEditArticle(viewer, article);
    case "submit":
      return article.status === "draft" && canEditArticle(viewer, article) && hasPermission(viewer.role, "article.submit");
    case "publish":
      return hasPermission(viewer.role, "article.publish") && article.status !== "archived";
    case "unpublish":
      return hasPermission(viewer.role, "article.publish") && article.status === "published";
    case "archive":
      return hasPermission(viewer.role, "article.publish") && article.status !== "archived";
  }
}

function isOwnDraftOrReview(viewer: Subject, article: ArticleRef): boolean {
  return article.createdById === viewer.id && (article.status === "draft" || article.status === "review");
}

export type PhotoRef = { uploadedById: number | null; useCount: number };
export type PhotoAction = "view" | "edit" | "replace" | "delete";

/**
 * The photo library: everyone in the newsroom sees it and uploads; editors and admins manage every
 * photo. A reporter edits the details of photos they uploaded, and replaces the file of one only
 * while no article uses it (a replaced file changes every page that shows it).
 */
export function canPhoto(viewer: Subject, action: PhotoAction, photo: PhotoRef): boolean {
  if (hasPermission(viewer.role, "photo.manage")) return true;
  const own = hasPermission(viewer.role, "photo.upload") && photo.uploadedById === viewer.id;
  switch (action) {
    case "view":
      return hasPermission(viewer.role, "photo.upload");
    case "edit":
      return own;
    case "replace":
      return own && photo.useCount === 0;
    case "delete":
      return false;
  }
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
