// `cms search:reindex`: rebuilds the search index and the 相关推荐 lists from the articles, with progress.
import { rebuildSearch } from "../../search/rebuild";
import { plural } from "../../json-transfer/format";
import type { Command } from "../command";
import { info, progress, reportPublicRefresh } from "../output";
import { OperationError } from "../../errors";

const help = `Usage: cms search:reindex
Rebuilds the full-text search index from the stored articles, then recomputes every article's
related articles (相关推荐), in batches, while the site keeps serving. Saves and imports keep both
up to date on their own, and \`cms prepare\` runs this once after an upgrade that changes them;
run it by hand after restoring an old backup.`;

/** Runs the rebuild with a progress line per stage. */
export async function reindexWithProgress(): Promise<void> {
  const ticks = new Map<string, (done: number) => void>();
  const labels = { index: "indexing articles", similar: "related articles" };
  const result = await rebuildSearch({
    onProgress: ({ stage, done, total }) => {
      if (!ticks.has(stage)) ticks.set(stage, progress(labels[stage], total));
      ticks.get(stage)!(done);
    },
  });
  info(`search index rebuilt: ${plural(result.indexed, "article")} indexed, related articles computed for ${result.similar}, changed for ${result.changed.length}`);
  reportPublicRefresh(result.changed.length);
}

export const searchReindexCommand: Command = {
  name: "search:reindex",
  summary: "rebuild the search index and related articles",
  help,
  run: async (args) => {
    if (args.length > 0) throw new OperationError(`unexpected argument "${args[0]}" (see cms search:reindex --help)`);
    await reindexWithProgress();
  },
};
