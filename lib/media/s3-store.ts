// The media store in an S3-compatible bucket (AWS, MinIO, Ceph, s3rver), so instances on several
// hosts read and write the same files. Object keys are the store's keys unchanged (public/…,
// originals/…); every object stays private and the app serves public variants through /media/….
import "server-only";
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import type { S3Settings } from "../env";
import type { MediaArea, MediaStore } from "./store";

const CONTENT_TYPES: Record<string, string> = {
  jpg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  gif: "image/gif",
  avif: "image/avif",
};
const PUBLIC_CACHE = "public, max-age=31536000, immutable";
// Originals are never served; should a CDN ever sit in front of the bucket, it must not keep them.
const ORIGINAL_CACHE = "private, no-store";

export type S3StoreOptions = {
  settings: S3Settings;
  isValidKey: (key: string) => boolean;
  /** Keys per ListObjectsV2 page (S3's maximum, 1000, by default; tests use a small one). */
  pageSize?: number;
};

export function createS3Store({ settings, isValidKey, pageSize = 1000 }: S3StoreOptions): MediaStore {
  const client = new S3Client({
    endpoint: settings.endpoint,
    region: settings.region,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    // Path-style (endpoint/bucket/key): MinIO, Ceph and s3rver need it; no DNS name per bucket.
    forcePathStyle: true,
    // Checksums only where S3 requires them: the SDK's newer default headers are refused by some
    // S3-compatible servers. Objects are still signed (SigV4 covers the payload hash).
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    maxAttempts: 3,
  });
  const Bucket = settings.bucket;
  const checked = (key: string): string => {
    if (!isValidKey(key)) throw new Error(`invalid media key: ${JSON.stringify(key)}`);
    return key;
  };

  return {
    async put(key, data) {
      const Key = checked(key);
      const isPublic = Key.startsWith("public/");
      await call("put", Key, () =>
        client.send(
          new PutObjectCommand({
            Bucket,
            Key,
            Body: data,
            ContentLength: data.byteLength,
            ContentType: CONTENT_TYPES[Key.slice(Key.lastIndexOf(".") + 1)] ?? "application/octet-stream",
            CacheControl: isPublic ? PUBLIC_CACHE : ORIGINAL_CACHE,
          }),
        ),
      );
    },
    async get(key) {
      const Key = checked(key);
      const response = await call("get", Key, () => client.send(new GetObjectCommand({ Bucket, Key })), null);
      if (!response?.Body) return null;
      const bytes = await response.Body.transformToByteArray();
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
    async exists(key) {
      const Key = checked(key);
      return (await call("exists", Key, () => client.send(new HeadObjectCommand({ Bucket, Key })), null)) !== null;
    },
    async delete(key) {
      const Key = checked(key);
      // S3 answers 204 for a missing object too; some compatible servers answer 404.
      await call("delete", Key, () => client.send(new DeleteObjectCommand({ Bucket, Key })), null);
    },
    list(area: MediaArea) {
      return listArea(client, { Bucket, Prefix: `${area}/`, MaxKeys: pageSize });
    },
  };
}

/** Every key under the prefix, page after page (ListObjectsV2 returns at most MaxKeys at a time). */
async function* listArea(client: S3Client, input: { Bucket: string; Prefix: string; MaxKeys: number }): AsyncGenerator<string> {
  let ContinuationToken: string | undefined;
  do {
    const page = await call("list", input.Prefix, () => client.send(new ListObjectsV2Command({ ...input, ContinuationToken })));
    for (const object of page.Contents ?? []) if (object.Key) yield object.Key;
    ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (ContinuationToken);
}

async function call<T>(operation: string, key: string, send: () => Promise<T>): Promise<T>;
async function call<T>(operation: string, key: string, send: () => Promise<T>, whenMissing: null): Promise<T | null>;
/**
 * Runs one request; a missing object gives `whenMissing` when one is given. Other failures become
 * a plain Error naming the operation, key and S3's code: the SDK's error objects carry request
 * details (the access key id, signatures) that must not reach logs.
 */
async function call<T>(operation: string, key: string, send: () => Promise<T>, whenMissing?: null): Promise<T | null> {
  try {
    return await send();
  } catch (error) {
    if (whenMissing !== undefined && isMissing(error)) return whenMissing;
    throw new Error(`media store (s3): ${operation} ${key} failed: ${explain(error)}`);
  }
}

function isMissing(error: unknown): boolean {
  if (!(error instanceof S3ServiceException)) return false;
  // A missing bucket is a configuration error, not a missing file (HEAD cannot tell them apart).
  if (error.name === "NoSuchBucket") return false;
  return error.name === "NoSuchKey" || error.name === "NotFound" || error.$metadata.httpStatusCode === 404;
}

function explain(error: unknown): string {
  if (error instanceof S3ServiceException) return `${error.name} (HTTP ${error.$metadata.httpStatusCode ?? "?"}): ${error.message}`;
  // Network errors (ECONNREFUSED, timeouts) carry no credentials.
  const code = (error as NodeJS.ErrnoException)?.code;
  return `${code ? `${code}: ` : ""}${error instanceof Error ? error.message : String(error)}`;
}
