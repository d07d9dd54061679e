// The media store on the local disk, under mediaDir(): data/media/public/… (which nginx may serve
// directly) and data/media/originals/…. Writes go to a temporary file renamed into place.
import "server-only";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { MediaArea, MediaStore } from "./store";

export function createLocalStore(root: string, isValidKey: (key: string) => boolean): MediaStore {
  const file = (key: string): string => {
    // Keys come from our own scheme; this check keeps a bad one from naming a path outside root.
    if (!isValidKey(key)) throw new Error(`invalid media key: ${JSON.stringify(key)}`);
    return path.join(root, key);
  };

  return {
    async put(key, data) {
      const target = file(key);
      await fs.mkdir(path.dirname(target), { recursive: true });
      const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${crypto.randomBytes(6).toString("hex")}.tmp`);
      try {
        await fs.writeFile(temporary, data, { mode: 0o644 });
        await fs.rename(temporary, target);
      } catch (error) {
        await fs.rm(temporary, { force: true });
        throw error;
      }
    },
    async get(key) {
      try {
        return await fs.readFile(file(key));
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async exists(key) {
      try {
        return (await fs.stat(file(key))).isFile();
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },
    async delete(key) {
      const target = file(key);
      await fs.rm(target, { force: true });
      // The folder holds one photo file's set; drop it once empty (fails harmlessly otherwise).
      await fs.rmdir(path.dirname(target)).catch(() => undefined);
    },
    list(area: MediaArea) {
      return walk(path.join(root, area), area);
    },
  };
}

async function* walk(folder: string, prefix: string): AsyncGenerator<string> {
  const entries = await fs.readdir(folder, { withFileTypes: true }).catch((error) => {
    if (isMissing(error)) return [];
    throw error;
  });
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory()) yield* walk(path.join(folder, entry.name), `${prefix}/${entry.name}`);
    else yield `${prefix}/${entry.name}`;
  }
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === "ENOENT";
}
