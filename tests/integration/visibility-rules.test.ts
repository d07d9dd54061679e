// Every visibility rule of lib/articles/visibility.ts selects the same articles as a Prisma `where`,
// as an SQL fragment and as a predicate, and the articles the product says it should: for every
// status × publish time × role × ownership, on a real SQLite file.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { Subject } from "@/lib/auth/permissions";
import {
  ARTICLE_STATES,
  ARTICLE_STATUSES,
  becamePublicWhere,
  hiddenFromPublicSql,
  isPublic,
  isPublished,
  isVisibleInNewsroom,
  newsroomSql,
  newsroomWhere,
  publicSql,
  publicWhere,
  publishedSql,
  publishedWhere,
  stateOf,
  stateSql,
  stateWhere,
  type SqlCondition,
} from "@/lib/articles/visibility";
import { createUser } from "./newsroom-factories";

type Row = { id: number; status: string; publishedAt: Date | null; createdById: number | null };

const now = new Date("2026-11-29T08:00:00.000Z");
const past = new Date(now.getTime() - 60 * 60_000);
const future = new Date(now.getTime() + 60 * 60_000);
const rows: Row[] = [];
let viewers: Record<"owner" | "otherReporter" | "editor" | "admin", Subject>;

const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);
const idsWhere = async (where: object) => sorted((await prisma.article.findMany({ where, select: { id: true } })).map((row) => row.id));
const idsSql = async (condition: SqlCondition | null) => {
  const sql = `SELECT a.id AS id FROM "Article" a${condition ? ` WHERE ${condition.sql}` : ""}`;
  return sorted((await prisma.$queryRawUnsafe<{ id: number | bigint }[]>(sql, ...(condition?.params ?? []))).map((row) => Number(row.id)));
};
const idsOf = (keep: (row: Row) => boolean) => sorted(rows.filter(keep).map((row) => row.id));

beforeAll(async () => {
  const owner = await createUser("reporter", { email: "owner@example.com" });
  const other = await createUser("reporter", { email: "other@example.com" });
  const editor = await createUser("editor", { email: "editor@example.com" });
  const admin = await createUser("admin", { email: "admin@example.com" });
  const subject = (user: { id: number }, role: Subject["role"]): Subject => ({ id: user.id, role });
  viewers = { owner: subject(owner, "reporter"), otherReporter: subject(other, "reporter"), editor: subject(editor, "editor"), admin: subject(admin, "admin") };
  for (const status of ARTICLE_STATUSES) {
    // A published article always has a publish time (the write path refuses one without).
    const times = status === "published" ? [past, now, future] : [null, past, future];
    for (const publishedAt of times) {
      for (const createdById of [owner.id, other.id, null]) {
        const row = await prisma.article.create({ data: { title: `${status}`, bodyHtml: "", bodyText: "", status, publishedAt, createdById }, select: { id: true } });
        rows.push({ id: row.id, status, publishedAt, createdById });
      }
    }
  }
});

describe("readers", () => {
  const expectedPublic = (row: Row) => row.status === "published" && row.publishedAt !== null && row.publishedAt.getTime() <= now.getTime();

  it("public: published and due, as where, SQL and predicate", async () => {
    const expected = idsOf(expectedPublic);
    expect(expected.length).toBeGreaterThan(0);
    expect(await idsWhere(publicWhere(now))).toEqual(expected);
    expect(await idsSql(publicSql("a", now))).toEqual(expected);
    expect(idsOf((row) => isPublic(row, now))).toEqual(expected);
  });

  it("the hidden complement selects exactly the articles that are not public", async () => {
    expect(await idsSql(hiddenFromPublicSql("a", now))).toEqual(idsOf((row) => !expectedPublic(row)));
  });

  it("published, due or not: what picks and 相关推荐 may point at", async () => {
    const expected = idsOf((row) => row.status === "published");
    expect(await idsWhere(publishedWhere())).toEqual(expected);
    expect(await idsSql(publishedSql("a"))).toEqual(expected);
    expect(idsOf(isPublished)).toEqual(expected);
  });

  it("became public in (since, until]: what a scheduled release refreshes", async () => {
    const since = new Date(past.getTime());
    const expected = idsOf((row) => row.status === "published" && row.publishedAt !== null && row.publishedAt > since && row.publishedAt <= now);
    expect(expected.length).toBeGreaterThan(0);
    expect(await idsWhere(becamePublicWhere(since, now))).toEqual(expected);
  });
});

describe("newsroom", () => {
  for (const name of ["owner", "otherReporter", "editor", "admin"] as const) {
    it(`${name} sees, as where, SQL and predicate, exactly what the role table allows`, async () => {
      const viewer = viewers[name];
      const expected = idsOf((row) => viewer.role !== "reporter" || row.createdById === viewer.id);
      expect(expected.length).toBeGreaterThan(0);
      expect(await idsWhere(newsroomWhere(viewer))).toEqual(expected);
      expect(await idsSql(newsroomSql("a", viewer))).toEqual(expected);
      expect(idsOf((row) => isVisibleInNewsroom(viewer, row))).toEqual(expected);
    });
  }

  for (const state of ARTICLE_STATES) {
    it(`state ${state}, as where, SQL and predicate`, async () => {
      const expected = idsOf((row) => {
        if (state === "scheduled") return row.status === "published" && row.publishedAt! > now;
        if (state === "published") return row.status === "published" && row.publishedAt! <= now;
        return row.status === state;
      });
      expect(expected.length).toBeGreaterThan(0);
      expect(await idsWhere(stateWhere(state, now))).toEqual(expected);
      expect(await idsSql(stateSql("a", state, now))).toEqual(expected);
      expect(idsOf((row) => stateOf(row, now) === state)).toEqual(expected);
    });
  }
});
