import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";

// One connection serves every request: a query from elsewhere must not run inside an open transaction.
describe("database access is serialized around transactions", () => {
  it("does not let an outside read see uncommitted rows, nor an outside write vanish in a rollback", async () => {
    const name = `isolation-${Date.now()}`;
    let resume!: () => void;
    const paused = new Promise<void>((resolve) => (resume = resolve));
    let started!: () => void;
    const inside = new Promise<void>((resolve) => (started = resolve));

    const transaction = prisma
      .$transaction(async (tx) => {
        await tx.author.create({ data: { name } });
        started();
        await paused;
        throw new Error("roll back");
      })
      .catch((error: Error) => error.message);

    await inside;
    const outsideRead = prisma.author.count({ where: { name } });
    const outsideWrite = prisma.auditEvent.create({ data: { action: "test.outside", target: name } });
    resume();

    expect(await transaction).toBe("roll back");
    expect(await outsideRead).toBe(0);
    await outsideWrite;
    expect(await prisma.auditEvent.count({ where: { action: "test.outside", target: name } })).toBe(1);
    expect(await prisma.author.count({ where: { name } })).toBe(0);
  });
});
