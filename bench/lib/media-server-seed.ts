// The newsroom of bench:media's server part, written with lib as the site writes it. Runs in a child
// process with the server's DATABASE_URL and MEDIA_DIR, after `cms prepare --no-build`: an editor
// with a known password, and a published copy of the founding article with a 题图 (the given
// picture, every variant made). Prints `{ "articleId": … }` as its last line.
//   tsx --conditions=react-server bench/lib/media-server-seed.ts <picture> <email> <password>
import fs from "node:fs";
import path from "node:path";
import { prisma } from "../../lib/db";
import { getArticleForEdit } from "../../lib/articles/editor";
import { createArticle } from "../../lib/articles/save";
import type { Viewer } from "../../lib/auth/viewer";
import { createPhoto } from "../../lib/media/upload";
import { waitForImageWork } from "../../lib/media/work-queue";
import { OPERATOR, createUser } from "../../lib/users/manage";

async function main([picture, email, password]: string[]): Promise<void> {
  if (!picture || !email || !password) throw new Error("usage: media-server-seed.ts <picture> <email> <password>");
  const user = await createUser(OPERATOR, { email, displayName: "图片编辑", role: "editor", password });
  const viewer: Viewer = { id: user.id, email: user.email, displayName: user.displayName, role: "editor", authorId: null };
  const photo = await createPhoto(viewer, { bytes: fs.readFileSync(picture), fileName: path.basename(picture) });
  await waitForImageWork();
  const founding = await prisma.article.findFirstOrThrow({ where: { status: "published" }, orderBy: { id: "asc" }, select: { id: true } });
  const { input } = await getArticleForEdit(viewer, founding.id);
  const lead = { photoId: photo.id, caption: "基准测试的题图（合成照片）", alt: "渐变天空下的绿色椭圆和红色方块，满是颗粒" };
  const { articleId } = await createArticle(viewer, { ...input, lead }, "publish");
  console.log(JSON.stringify({ articleId }));
}

main(process.argv.slice(2))
  .then(() => prisma.$disconnect())
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
