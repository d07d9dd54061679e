import { getViewer } from "@/lib/auth/viewer";
import { requestClientAddress } from "@/lib/auth/client-address";
import { mediaErrorResponse, readUploadBody, signedOutResponse } from "@/lib/media/http";
import { createPhoto } from "@/lib/media/upload";

/**
 * Uploads one photo: the body is the file's bytes, `X-File-Name` its URL-encoded name (one request
 * per file, so the browser can show each file's progress). Answers `{ photo }` or `{ error }`.
 */
export async function POST(request: Request) {
  const viewer = await getViewer();
  if (!viewer) return signedOutResponse();
  try {
    const upload = await readUploadBody(request);
    const photo = await createPhoto(viewer, { bytes: upload.bytes, fileName: upload.fileName }, { clientAddress: await requestClientAddress() });
    return Response.json({ photo }, { status: 201, headers: { "cache-control": "no-store" } });
  } catch (error) {
    return mediaErrorResponse(error);
  }
}
