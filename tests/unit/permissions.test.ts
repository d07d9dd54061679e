// The roles table of product.md, written out by hand, against lib/auth/permissions.
import { describe, expect, it } from "vitest";
import { can, hasPermission, ROLES, type Action, type ArticleAction, type Role } from "@/lib/auth/permissions";

const Y = true;
const N = false;

// The product's three roles, in the column order of product.md's table; not read from the code.
const PRODUCT_ROLES = ["reporter", "editor", "admin"] as const satisfies readonly Role[];

// Columns: reporter 记者, editor 编辑, admin 管理员 (product.md, "People and permissions").
const EXPECTED: Record<Action, [reporter: boolean, editor: boolean, admin: boolean]> = {
  "article.create": [Y, Y, Y], // create an article
  "article.editOwn": [Y, Y, Y], // edit own draft or own article in review
  "article.submit": [Y, Y, Y], // submit for review
  "article.editAny": [N, Y, Y], // edit anyone's article, including published ones
  "article.publish": [N, Y, Y], // publish now, schedule, unpublish, archive
  "article.revisions": [Y, Y, Y], // see revisions / restore (reporters: own drafts only, see can())
  "authors.manage": [N, Y, Y],
  "channels.manage": [N, Y, Y],
  "picks.manageAny": [N, Y, Y], // reporters: own articles' picks only, through article.editOwn
  "users.manage": [N, N, Y],
  "audit.read": [N, N, Y],
  "photo.upload": [Y, Y, Y], // upload photos, use the library
  "photo.manage": [N, Y, Y], // edit, replace and delete anyone's photos
};

const ACTIONS = Object.keys(EXPECTED) as Action[];

describe("hasPermission follows the roles table", () => {
  const cases = PRODUCT_ROLES.flatMap((role, column) => ACTIONS.map((action) => ({ role, action, expected: EXPECTED[action][column] })));

  it.each(cases)("$role · $action → $expected", ({ role, action, expected }) => {
    expect(hasPermission(role, action)).toBe(expected);
  });

  it("knows exactly the three roles of the product", () => {
    expect([...ROLES]).toEqual([...PRODUCT_ROLES]);
  });
});

const STATUSES = ["draft", "review", "published", "archived"] as const;
type Status = (typeof STATUSES)[number];
const ARTICLE_ACTIONS: ArticleAction[] = ["edit", "submit", "publish", "unpublish", "archive", "revisions", "restore"];
const OWNERSHIPS = ["own", "other"] as const;
type Ownership = (typeof OWNERSHIPS)[number];

const VIEWER_ID = 7;
const OTHER_ID = 8;

function expectedReporter(action: ArticleAction, ownership: Ownership, status: Status): boolean {
  const own = ownership === "own";
  switch (action) {
    case "edit":
    case "revisions":
    case "restore":
      return own && (status === "draft" || status === "review");
    case "submit":
      return own && status === "draft";
    case "publish":
    case "unpublish":
    case "archive":
      return false;
  }
}

// Editors and admins may do everything the workflow allows, whoever wrote the article.
function expectedEditor(action: ArticleAction, _ownership: Ownership, status: Status): boolean {
  switch (action) {
    case "edit":
    case "revisions":
    case "restore":
      return true;
    case "submit":
      return status === "draft";
    case "unpublish":
      return status === "published";
    case "publish":
    case "archive":
      return status !== "archived";
  }
}

const EXPECTED_CAN: Record<Role, typeof expectedReporter> = { reporter: expectedReporter, editor: expectedEditor, admin: expectedEditor };

describe("can() for every role × article action × ownership × status", () => {
  const cases = PRODUCT_ROLES.flatMap((role) =>
    ARTICLE_ACTIONS.flatMap((action) =>
      OWNERSHIPS.flatMap((ownership) => STATUSES.map((status) => ({ role, action, ownership, status, expected: EXPECTED_CAN[role](action, ownership, status) }))),
    ),
  );

  it.each(cases)("$role · $action · $ownership $status → $expected", ({ role, action, ownership, status, expected }) => {
    const article = { createdById: ownership === "own" ? VIEWER_ID : OTHER_ID, status };
    expect(can({ id: VIEWER_ID, role }, action, article)).toBe(expected);
  });
});

describe("articles without a creator (imported from the legacy site)", () => {
  it.each(STATUSES)("a reporter may not edit an imported %s article", (status) => {
    expect(can({ id: VIEWER_ID, role: "reporter" }, "edit", { createdById: null, status })).toBe(false);
  });

  it.each(STATUSES)("an editor may edit an imported %s article", (status) => {
    expect(can({ id: VIEWER_ID, role: "editor" }, "edit", { createdById: null, status })).toBe(true);
  });
});
