// Health check: the database answers a query.
import "server-only";
import { databaseAnswers } from "../db";

export async function checkHealth(): Promise<{ ok: boolean; database: "up" | "down" }> {
  const up = await databaseAnswers();
  return { ok: up, database: up ? "up" : "down" };
}
