// The page files named on the command line: files as given, folders searched recursively for *.txt, each file once.
import fs from "node:fs";
import path from "node:path";

export type PageFiles = { files: string[]; missing: string[]; unreadable: { file: string; reason: string }[] };

const PAGE_FILE = /\.txt$/i;

/** Files in the order given; a folder's files sorted by path so every run imports in the same order. */
export function listPageFiles(paths: string[]): PageFiles {
  const files: string[] = [];
  const missing: string[] = [];
  const unreadable: PageFiles["unreadable"] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const real = fs.realpathSync(file);
    if (seen.has(real)) return;
    seen.add(real);
    files.push(file);
  };
  for (const given of paths) {
    const stat = statOrNull(given);
    if (!stat) missing.push(given);
    else if (stat.isDirectory()) walkFolder(given, { visited: new Set(), add, unreadable });
    else add(given);
  }
  return { files, missing, unreadable };
}

type Walk = { visited: Set<string>; add: (file: string) => void; unreadable: PageFiles["unreadable"] };

function walkFolder(folder: string, walk: Walk): void {
  const real = fs.realpathSync(folder);
  // A symbolic link back up the tree would otherwise loop forever.
  if (walk.visited.has(real)) return;
  walk.visited.add(real);
  let names: string[];
  try {
    names = fs.readdirSync(folder).sort();
  } catch (error) {
    walk.unreadable.push({ file: folder, reason: `cannot read folder (${(error as NodeJS.ErrnoException).code ?? "error"})` });
    return;
  }
  for (const name of names) {
    const entry = path.join(folder, name);
    const stat = statOrNull(entry);
    if (stat?.isDirectory()) walkFolder(entry, walk);
    else if (stat?.isFile() && PAGE_FILE.test(name)) walk.add(entry);
  }
}

function statOrNull(file: string): fs.Stats | null {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
}
