// `cms export`: all content into one versioned JSON file that `cms import --json` reads back.
import path from "node:path";
import { z } from "zod";
import { dataDir } from "../../env";
import { exportToFile } from "../../json-transfer/export";
import { formatBytes } from "../../backup/format";
import { plural } from "../../json-transfer/format";
import type { Command } from "../command";
import { info, progress } from "../output";
import { parseOptions } from "./users";

const help = `Usage: cms export [--out FILE]
Writes every article (all statuses), author, channel (with its old slugs), photo and, per article,
its bylines, related entries (新闻推荐), 题图 and revisions to one JSON file, format
"newsdesk-export" version 2, from one consistent snapshot of the database. Ids and times are kept.
Each photo carries its details (图说, 替代文字, 摄影, 类型, 来源单位, focal point, uploader) and its
original file, base64-encoded; the public variants are not exported, an import makes them again.
Figures and 组图 are part of the article bodies.
NOT exported: user accounts (passwords, roles) and the audit log. Authorship of articles, revisions
and photo uploads names users by email, so it survives an import next to re-created accounts.
  --out FILE   where to write (default data/exports/newsdesk-<UTC timestamp>.json); an existing
               file is never overwritten.
Read it back into an empty database with: cms import --json FILE`;

const outSchema = z.string().trim().min(1).max(4096).optional();

/** data/exports/newsdesk-20260301T120000Z.json */
export function defaultExportFile(now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/[-:]/g, "");
  return path.join(dataDir(), "exports", `newsdesk-${stamp}.json`);
}

async function runExport(args: string[]): Promise<void> {
  const { out } = parseOptions(args, { out: { schema: outSchema, message: "--out must be a file path" } });
  const file = path.resolve(out ?? defaultExportFile());
  const summary = await exportToFile(file, { progress });
  const { articles, revisions, photos, originalBytes, channels, authors } = summary;
  const photoPart = photos > 0 ? `${plural(photos, "photo")} (${formatBytes(originalBytes)} of originals)` : "no photos";
  info(`exported ${plural(articles, "article")} (${plural(revisions, "revision")}), ${photoPart}, ${plural(channels, "channel")}, ${plural(authors, "author")} to ${summary.file}`);
}

export const exportCommand: Command = { name: "export", summary: "export all content to a JSON file", help, run: runExport };
