// The editor of bench:deploy's edit-to-visible part, saving with lib as the newsroom's save does (a
// revision, the search index, and the public change every instance picks up from the database).
// Runs in a child process with the instances' DATABASE_URL; creates an editor, then reads lines
// `<articleId> <new title>` from stdin and answers each with `{ "version": … }` once the save is
// committed.
//   tsx --conditions=react-server bench/lib/deploy-edit.ts
import readline from "node:readline";
import { getArticleForEdit } from "../../lib/articles/editor";
import { saveArticle } from "../../lib/articles/save";
import type { Viewer } from "../../lib/auth/viewer";
import { prisma } from "../../lib/db";
import { OPERATOR, createUser } from "../../lib/users/manage";

async function main(): Promise<void> {
  const email = `bench-deploy-${Date.now().toString(36)}@newsdesk.local`;
  const user = await createUser(OPERATOR, { email, displayName: "部署基准编辑", role: "editor", password: `bench-${Math.random().toString(36).slice(2)}-pw` });
  const viewer: Viewer = { id: user.id, email: user.email, displayName: user.displayName, role: "editor", authorId: null };
  console.log(JSON.stringify({ ready: true }));
  for await (const line of readline.createInterface({ input: process.stdin })) {
    const space = line.indexOf(" ");
    const articleId = Number(line.slice(0, space));
    const title = line.slice(space + 1);
    const article = await getArticleForEdit(viewer, articleId);
    const saved = await saveArticle(viewer, { articleId, baseVersion: article.version, input: { ...article.input, title } });
    console.log(JSON.stringify({ version: saved.version }));
  }
}

main()
  .then(() => prisma.$disconnect())
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
