// `cms prepare`: everything `npm start` needs before serving — secrets, migrations, demo content,
// the first admin, and a build when something changed.
import { secrets } from "../../env";
import { ensureFirstAdmin } from "../../users/first-admin";
import { buildIfNeeded } from "../build";
import type { Command } from "../command";
import { loadDemoContent } from "../demo-content";
import { migrateDatabase } from "../../backup/migrate";
import { info } from "../output";
import { searchIsCurrent } from "../../search/rebuild";
import { describeMediaStore } from "../../media/store";
import { reindexWithProgress } from "./search";

const help = `Usage: cms prepare [--no-build]
Prepares a fresh or existing installation: generates missing secrets under data/, applies
migrations, loads the demo article into an empty database, rebuilds search after an upgrade
that changed it, creates the first admin account and
builds the site when its sources changed (content never needs a build). Safe to run any number of times.`;

async function prepare(args: string[]): Promise<void> {
  describeMediaStore(); // a missing or malformed MEDIA_STORE / S3_* setting stops the start here
  secrets();
  migrateDatabase({}, info);
  await loadDemoContent();
  if (!(await searchIsCurrent())) {
    info("search: building the index and related articles for this version");
    await reindexWithProgress();
  }
  const admin = await ensureFirstAdmin();
  if (admin) {
    info(`first admin account: ${admin.email}`);
    if (admin.password) info(`  password: ${admin.password}   (shown once: write it down, then change it)`);
  }
  if (!args.includes("--no-build")) await buildIfNeeded();
}

export const prepareCommand: Command = { name: "prepare", summary: "migrate, load demo content, create the first admin, build", help, run: prepare };
