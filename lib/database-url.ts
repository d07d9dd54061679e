// Resolves the SQLite database location. The default is data/newsdesk.db in the project folder.
import path from "node:path";

export const DEFAULT_DATABASE_FILE = "data/newsdesk.db";

/** The database URL as `file:<absolute path>`, from DATABASE_URL or the default file. */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return `file:${databaseFile(env)}`;
}

/** The absolute path of the SQLite file. */
export function databaseFile(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.DATABASE_URL?.trim();
  const file = raw ? raw.replace(/^file:/, "") : DEFAULT_DATABASE_FILE;
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), file);
}
