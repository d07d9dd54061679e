// Inserts an article that becomes public in N seconds, as an editor's schedule would, and prints
// its id. Used by the scheduling spec while the server runs.
import { prisma } from "../../lib/db";
import { createArticle } from "./fixtures";

const [title, seconds] = process.argv.slice(2);
(async () => {
  // Its own channel and author, so the counts other specs check stay as seeded.
  const channel = await prisma.channel.upsert({ where: { slug: "e2e-dingshi" }, update: {}, create: { slug: "e2e-dingshi", name: "定时频道", position: 10 } });
  const author = (await prisma.author.findFirst({ where: { name: "定时记者" } })) ?? (await prisma.author.create({ data: { name: "定时记者" } }));
  const id = await createArticle({ title, channelId: channel.id, authorId: author.id, publishedAt: new Date(Date.now() + Number(seconds) * 1000) });
  process.stdout.write(String(id));
  process.exit(0);
})();
