// Domain errors that entry points turn into messages. Each carries a message code (+ params) from
// lib/messages, and as its `message` the Chinese text, safe to show in the newsroom; except
// OperationError, whose English line is for the admin CLI.
import { message, textOf, type Message, type MessageCode, type PlainCode } from "./messages/catalog";

/** An error worded by the message catalog: `code` and `params` for callers, the text as `message`. */
export class CatalogError extends Error {
  readonly code: MessageCode;
  readonly params: unknown;

  constructor(said: Message) {
    super(textOf(said));
    this.code = said.code;
    this.params = said.params;
  }
}

export class NotFoundError extends CatalogError {
  constructor(code: PlainCode = "article.notFound") {
    super(message(code));
  }
}

export class ValidationError extends CatalogError {
  constructor(
    readonly fieldErrors: Record<string, string>,
    said: Message = message("form.invalidSave"),
  ) {
    super(said);
  }
}

export type StaleInfo = { currentVersion: number; savedBy: string; savedAt: Date };

/** A save based on an older version than the stored one. */
export class StaleVersionError extends CatalogError {
  constructor(readonly info: StaleInfo) {
    super(message("article.stale"));
  }
}

/** A failed admin operation (backup, restore, migration, import, export) or bad CLI input: one English line. */
export class OperationError extends Error {}

export class ForbiddenError extends CatalogError {
  constructor(said: Message = message("form.forbidden")) {
    super(said);
  }
}
