// Sets photos' details (图说, 替代文字, 摄影, 类型, 来源单位, focal point) through lib, as the e2e editor,
// while the server runs: this branch has no newsroom action for them yet. A credit by author names
// the author; one of that name and role is found or created. Reads a JSON array from argv[2].
import { prisma } from "../../lib/db";
import { updatePhotoDetails } from "../../lib/media/manage";
import type { PhotoDetailsInput } from "../../lib/media/schema";
import { E2E_USERS } from "./environment";

export type PhotoDetailsRequest = Omit<PhotoDetailsInput, "creditAuthorId"> & { creditAuthor?: { name: string; roleLabel: string } };

(async () => {
  const requests = JSON.parse(process.argv[2]) as PhotoDetailsRequest[];
  const user = await prisma.user.findUniqueOrThrow({ where: { email: E2E_USERS.editor.email } });
  const viewer = { id: user.id, email: user.email, displayName: user.displayName, role: "editor" as const, authorId: user.authorId };
  for (const { creditAuthor, ...details } of requests) {
    const author = creditAuthor
      ? ((await prisma.author.findFirst({ where: { name: creditAuthor.name, defaultRoleLabel: creditAuthor.roleLabel } })) ??
        (await prisma.author.create({ data: { name: creditAuthor.name, defaultRoleLabel: creditAuthor.roleLabel } })))
      : null;
    await updatePhotoDetails(viewer, { ...details, creditAuthorId: author?.id ?? null });
  }
  process.exit(0);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
