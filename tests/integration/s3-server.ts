// An S3-compatible server for tests: s3rver in this process, on a free loopback port, keeping its
// objects in a fresh temporary folder that is removed when it stops.
import crypto from "node:crypto";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";

// s3rver 3.7.1 seals its ListObjectsV2 continuation tokens with single DES, which OpenSSL 3 (Node 17
// and later) keeps in its legacy provider, so a second page answers 500. Triple DES with the key
// three times over is the same cipher and is still in the default provider.
const createCipheriv = crypto.createCipheriv;
const createDecipheriv = crypto.createDecipheriv;
const tripled = (key: crypto.CipherKey) => Buffer.concat([key as Buffer, key as Buffer, key as Buffer]);
Object.assign(crypto, {
  createCipheriv: (algorithm: string, key: crypto.CipherKey, iv: crypto.BinaryLike | null, ...rest: []) =>
    algorithm === "des" ? createCipheriv("des-ede3-cbc", tripled(key), iv, ...rest) : createCipheriv(algorithm, key, iv, ...rest),
  createDecipheriv: (algorithm: string, key: crypto.CipherKey, iv: crypto.BinaryLike | null, ...rest: []) =>
    algorithm === "des" ? createDecipheriv("des-ede3-cbc", tripled(key), iv, ...rest) : createDecipheriv(algorithm, key, iv, ...rest),
});

/** s3rver's own key pair: it checks every request's signature against it. */
export const S3RVER_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } as const;

export async function startS3Server(buckets: string[]): Promise<{ endpoint: string; stop: () => Promise<void> }> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "newsdesk-s3rver-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: buckets.map((name) => ({ name, configs: [] })) });
  const { port } = (await server.run()) as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    async stop() {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
