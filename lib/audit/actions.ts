// The actions the audit trail records, as stored in the database. Pure, so labels and filters can
// list them without a database.

/** Every action the trail records, as stored; each has a label in the message catalog (`audit.<action>`). */
export const AUDIT_ACTIONS = [
  "auth.sign-in",
  "auth.sign-in-failed",
  "auth.throttled",
  "article.publish",
  "article.schedule",
  "article.unpublish",
  "article.archive",
  "article.restore",
  "article.import-update",
  "content.import",
  "permission.denied",
  "user.create",
  "user.role",
  "user.password",
  "user.disable",
  "user.enable",
  "author.create",
  "author.update",
  "author.merge",
  "channel.create",
  "channel.update",
  "channel.delete",
  "channel.reorder",
  "settings.update",
  "photo.upload",
  "photo.replace",
  "photo.update",
  "photo.delete",
  "media.rebuild",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(action: string): action is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(action);
}
