// The one door to the database: a Prisma client on better-sqlite3, in WAL mode with a busy timeout.
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type Database from "better-sqlite3";
import { type Prisma, PrismaClient } from "./generated/prisma/client";
import { databaseUrl } from "./env";
import { serializeAccess } from "./db-serialize";

const BUSY_TIMEOUT_MS = 5000;

const readOnly = new AsyncLocalStorage<true>();

/** Applies the connection pragmas when the adapter opens the file, and serializes access to it. */
class NewsdeskSQLite extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript(`PRAGMA journal_mode = WAL; PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;`);
    beginImmediately((adapter as unknown as { client: Database.Database }).client);
    return serializeAccess(adapter);
  }
}

/**
 * Transactions take the write lock at BEGIN. A deferred transaction that reads, then writes, fails
 * with SQLITE_BUSY_SNAPSHOT when another process (a second instance, the CLI) wrote in between, and
 * no busy timeout helps there; BEGIN IMMEDIATE waits for the other writer instead.
 */
function beginImmediately(client: Database.Database): void {
  const prepare = client.prepare.bind(client);
  client.prepare = ((sql: string) => prepare(sql === "BEGIN" && !readOnly.getStore() ? "BEGIN IMMEDIATE" : sql)) as typeof client.prepare;
}

/** Runs `read` in a snapshot that takes no write lock (a long export must not hold up saves). */
export function readSnapshot<T>(read: (tx: Prisma.TransactionClient) => Promise<T>, options?: { timeout?: number; maxWait?: number }, db: PrismaClient = prisma): Promise<T> {
  return readOnly.run(true, () => db.$transaction(read, options));
}

export function createPrismaClient(url = databaseUrl()): PrismaClient {
  return new PrismaClient({ adapter: new NewsdeskSQLite({ url, timeout: BUSY_TIMEOUT_MS }) });
}

const globalForPrisma = globalThis as unknown as { newsdeskPrisma?: Map<string, PrismaClient> };
globalForPrisma.newsdeskPrisma ??= new Map();
const clients = globalForPrisma.newsdeskPrisma;

/**
 * Shared client for the configured database. Kept on globalThis, keyed by URL, so dev-server
 * reloads reuse the connection and each test file gets the database it configured.
 */
export const prisma: PrismaClient = clients.get(databaseUrl()) ?? createPrismaClient();
clients.set(databaseUrl(), prisma);

/** Whether the database answers a query (the health check). */
export async function databaseAnswers(): Promise<boolean> {
  try {
    await prisma.$queryRawUnsafe("SELECT 1");
    return true;
  } catch {
    return false;
  }
}

export type Db = PrismaClient;
export type { Prisma };
