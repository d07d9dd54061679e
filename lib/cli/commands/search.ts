// `cms search:reindex`: rebuilds the reader search index from the articles, with progress.
import { reindexAll } from "../../search/index";
import type { Command } from "../command";
import { CliError, info, progress } from "../output";

const help = `Usage: cms search:reindex
Rebuilds the full-text search index (published articles) from the stored articles, in batches,
while the site keeps serving. Saves and imports keep the index up to date on their own; run this
after upgrading to a version that changes the index, or after restoring an old backup.`;

export const searchReindexCommand: Command = {
  name: "search:reindex",
  summary: "rebuild the search index",
  help,
  run: async (args) => {
    if (args.length > 0) throw new CliError(`unexpected argument "${args[0]}" (see cms search:reindex --help)`);
    let tick: ((done: number) => void) | null = null;
    const result = await reindexAll({ onProgress: ({ done, total }) => (tick ??= progress("indexing", total))(done) });
    info(`search index rebuilt: ${result.indexed} published of ${result.done} articles`);
  },
};
