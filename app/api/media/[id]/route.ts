import { revalidateTag } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { requestClientAddress } from "@/lib/auth/client-address";
import { mediaErrorResponse, readUploadBody, signedOutResponse } from "@/lib/media/http";
import { PhotoNotFoundError } from "@/lib/media/errors";
import { getPhoto } from "@/lib/media/read";
import { photoIdSchema } from "@/lib/media/schema";
import { replacePhotoFile } from "@/lib/media/upload";

type Params = { params: Promise<{ id: string }> };

/** One photo, e.g. to see when its remaining variants are ready. */
export async function GET(_request: Request, { params }: Params) {
  const viewer = await getViewer();
  if (!viewer) return signedOutResponse();
  const id = photoIdSchema.safeParse((await params).id);
  const photo = id.success ? await getPhoto(viewer, id.data) : null;
  if (!photo) return mediaErrorResponse(new PhotoNotFoundError());
  return Response.json({ photo }, { headers: { "cache-control": "no-store" } });
}

/** Replaces the photo's file (same id and details, new variants); body and headers as for POST /api/media. */
export async function PUT(request: Request, { params }: Params) {
  const viewer = await getViewer();
  if (!viewer) return signedOutResponse();
  try {
    const id = photoIdSchema.safeParse((await params).id);
    if (!id.success) throw new PhotoNotFoundError();
    const upload = await readUploadBody(request);
    const { photo, publicTags } = await replacePhotoFile(viewer, id.data, { bytes: upload.bytes, fileName: upload.fileName }, { clientAddress: await requestClientAddress() });
    for (const tag of publicTags) revalidateTag(tag, { expire: 0 });
    return Response.json({ photo }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return mediaErrorResponse(error);
  }
}
