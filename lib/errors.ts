// Domain errors that entry points turn into messages: Chinese and safe to show in the newsroom,
// except OperationError, whose English line is for the admin CLI.

export class NotFoundError extends Error {
  constructor(message = "找不到这篇文章，或您没有查看它的权限") {
    super(message);
  }
}

export class ValidationError extends Error {
  constructor(
    readonly fieldErrors: Record<string, string>,
    message = "请修改标出的内容后再保存",
  ) {
    super(message);
  }
}

export type StaleInfo = { currentVersion: number; savedBy: string; savedAt: Date };

/** A save based on an older version than the stored one. */
export class StaleVersionError extends Error {
  constructor(readonly info: StaleInfo) {
    super("这篇文章已被他人修改");
  }
}

/** A failed admin operation (backup, restore, migration, import, export) or bad CLI input: one English line. */
export class OperationError extends Error {}

export class ForbiddenError extends Error {
  constructor(message = "没有权限执行此操作") {
    super(message);
  }
}
