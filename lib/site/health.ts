// Health check: the database answers a query.
import "server-only";
import { prisma } from "../db";

export async function checkHealth(): Promise<{ ok: boolean; database: "up" | "down" }> {
  try {
    await prisma.$queryRawUnsafe("SELECT 1");
    return { ok: true, database: "up" };
  } catch {
    return { ok: false, database: "down" };
  }
}
