import { z } from "zod";
import { getViewer } from "@/lib/auth/viewer";
import { heartbeat, leave } from "@/lib/articles/presence";
import { NotFoundError } from "@/lib/errors";

const bodySchema = z.object({ articleId: z.number().int().positive(), leave: z.boolean().optional() });

/** Editor heartbeat ("X 正在编辑"); `leave` is sent with sendBeacon when the tab closes. */
export async function POST(request: Request) {
  const viewer = await getViewer();
  if (!viewer) return Response.json({ error: "未登录" }, { status: 401 });
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: "请求无效" }, { status: 400 });
  try {
    if (parsed.data.leave) {
      await leave(viewer, parsed.data.articleId);
      return Response.json({ editors: [] });
    }
    return Response.json({ editors: await heartbeat(viewer, parsed.data.articleId) }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof NotFoundError) return Response.json({ error: error.message }, { status: 404 });
    console.error("presence failed:", error instanceof Error ? error.message : error);
    return Response.json({ error: "暂时无法更新编辑状态" }, { status: 503 });
  }
}
