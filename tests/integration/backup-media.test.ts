// Backups with photos, on real SQLite files, a real media folder and real sharp: a backup is the
// database plus every photo file it refers to, one consistent moment even when a photo is deleted
// meanwhile; db:restore brings both back (into a fresh data folder too), refuses a backup whose
// photos are not all there without changing anything, and --keep rotates the pairs.
import Database from "better-sqlite3";
import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { backupFileName, createBackup } from "@/lib/backup/backup";
import { listReferencedFiles } from "@/lib/backup/media-files";
import { replaceDatabaseFile } from "@/lib/backup/copy";
import { listCodeMigrations } from "@/lib/backup/migrations";
import { restoreDatabase } from "@/lib/backup/restore";
import { dbBackupCommand } from "@/lib/cli/commands/database";
import { prisma } from "@/lib/db";
import { databaseFile } from "@/lib/env";
import { deletePhoto } from "@/lib/media/manage";
import { checkMedia, hasProblems } from "@/lib/media/maintenance";
import { listMediaFiles, plainJpeg, temporaryMediaDirPerTest } from "./media-fixtures";
import { createViewer } from "./newsroom-factories";
import { createPhotoStory, listPhotoUses, uploadPhoto } from "./photo-content";

const live = databaseFile();
const media = temporaryMediaDirPerTest();
const dir = path.resolve("tests/.tmp", `backup-media-${crypto.randomUUID()}`);
const quiet = () => {};
let editor: Viewer;

const backupOut = (name = "backups") => path.join(dir, name, backupFileName());
const referenced = (file: string) => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return listReferencedFiles(db);
  } finally {
    db.close();
  }
};
/** Every file of a media folder with its content hash. */
const contents = (folder: string) =>
  Object.fromEntries(
    listMediaFiles(folder).map((file) => [
      file,
      crypto
        .createHash("sha256")
        .update(fs.readFileSync(path.join(folder, file)))
        .digest("hex"),
    ]),
  );
const withoutManifest = (files: string[]) => files.filter((file) => file !== "manifest.json");
const digest = (file: string) => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return JSON.stringify(["Article", "Photo", "PhotoVariant", "ArticlePhoto"].map((table) => db.prepare(`SELECT * FROM "${table}" ORDER BY id`).all()));
  } finally {
    db.close();
  }
};

/** `cms media:check` as its own process, on the database and media folder of `databaseUrl`. */
async function mediaCheckOf(databaseUrl: string) {
  const { MEDIA_DIR: _ignored, ...env } = process.env;
  return promisify(execFile)(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", "lib/cli/main.ts", "media:check"], {
    env: { ...env, DATABASE_URL: databaseUrl },
  }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: `${error.stdout}${error.stderr}` }),
  );
}

beforeAll(async () => {
  fs.mkdirSync(dir, { recursive: true });
  editor = await createViewer("editor");
  await createPhotoStory(editor);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("db:backup with photos", () => {
  it("holds every file its database refers to, hard-linked; restored into a fresh data folder, every photo is whole and media:check finds nothing", async () => {
    const progress: [number, number][] = [];
    const backup = await createBackup({ databaseFile: live, out: backupOut(), mediaDir: media, onFiles: (done, total) => progress.push([done, total]) });
    const files = referenced(backup.file);
    expect(files.length).toBeGreaterThanOrEqual(3 + 3 * 4); // three originals, at least four variants each
    expect(backup.media).toMatchObject({ folder: backup.file.replace(/\.db$/, ".media"), files: files.length, linked: files.length, copied: 0, missing: [], attempts: 1 });
    expect(progress.at(-1)).toEqual([files.length, files.length]);
    expect(withoutManifest(listMediaFiles(backup.media.folder))).toEqual(files.map((file) => file.key));
    const [first] = files;
    expect(fs.statSync(path.join(backup.media.folder, first.key)).ino).toBe(fs.statSync(path.join(media, first.key)).ino);

    const fresh = path.join(dir, "fresh", "newsdesk.db");
    const result = await restoreDatabase({ file: backup.file, databaseFile: fresh, backupDir: path.join(dir, "fresh", "backups"), report: quiet });
    expect(result.previousBackup).toBeNull();
    expect(result.photos).toMatchObject({ files: files.length, linked: files.length, removed: 0, excused: 0 });
    expect(contents(path.join(dir, "fresh", "media"))).toEqual(contents(media));
    expect(digest(fresh)).toBe(digest(live));
    const check = await mediaCheckOf(`file:${fresh}`);
    expect(check.stdout).toContain(`media store: local at ${path.join(dir, "fresh", "media")}`);
    expect(check.stdout).toContain(`3 photos, ${files.length - 3} variant files recorded`);
    expect(check).toMatchObject({ code: 0, stdout: expect.stringContaining("media check: no problems") });
  });

  it("copies the files when hard links are refused (a backup on another disk), and restores from such a copy", async () => {
    const link = vi.spyOn(fs.promises, "link").mockRejectedValue(Object.assign(new Error("cross-device link not permitted"), { code: "EXDEV" }));
    try {
      const backup = await createBackup({ databaseFile: live, out: backupOut("other-disk"), mediaDir: media });
      const files = referenced(backup.file);
      expect(backup.media).toMatchObject({ files: files.length, linked: 0, copied: files.length, missing: [] });
      const [first] = files;
      expect(fs.statSync(path.join(backup.media.folder, first.key)).ino).not.toBe(fs.statSync(path.join(media, first.key)).ino);
      const fresh = path.join(dir, "fresh-copied", "newsdesk.db");
      const result = await restoreDatabase({ file: backup.file, databaseFile: fresh, backupDir: path.join(dir, "fresh-copied", "backups"), report: quiet });
      expect(result.photos).toMatchObject({ files: files.length, linked: 0, copied: files.length });
      expect(contents(path.join(dir, "fresh-copied", "media"))).toEqual(contents(media));
    } finally {
      link.mockRestore();
    }
  });

  it("copies the database again when a photo is deleted between the copy and its files, so no row lacks its file", async () => {
    const doomed = await uploadPhoto(editor, await plainJpeg(500, 500, "#888"), "doomed.jpg");
    const doomedKeys = referenced(live).filter((file) => file.photoId === doomed);
    let deleted = false;
    const backup = await createBackup({
      databaseFile: live,
      out: backupOut(),
      mediaDir: media,
      // Right after the first database copy, before any file is placed: what deletePhoto does, in one step.
      onFiles: (done) => {
        if (deleted || done !== 0) return;
        deleted = true;
        const db = new Database(live);
        db.pragma("foreign_keys = ON");
        db.prepare('DELETE FROM "Photo" WHERE id = ?').run(doomed);
        db.close();
        for (const file of doomedKeys) fs.rmSync(path.join(media, file.key));
      },
    });
    expect(deleted).toBe(true);
    expect(backup.media).toMatchObject({ attempts: 2, missing: [] });
    const files = referenced(backup.file);
    expect(files.some((file) => file.photoId === doomed)).toBe(false);
    expect(withoutManifest(listMediaFiles(backup.media.folder))).toEqual(files.map((file) => file.key));
  });

  it("reports a file the site itself lacks, lists it in the manifest, and still restores (media:check names it)", async () => {
    const [victim] = referenced(live).filter((file) => file.key.startsWith("public/"));
    const aside = path.join(dir, "aside");
    fs.renameSync(path.join(media, victim.key), aside);
    try {
      const backup = await createBackup({ databaseFile: live, out: backupOut(), mediaDir: media });
      expect(backup.media.attempts).toBe(1); // the live database still names it: another copy would not help
      expect(backup.media.missing).toEqual([victim]);
      expect(JSON.parse(fs.readFileSync(path.join(backup.media.folder, "manifest.json"), "utf8")).missing).toEqual([{ photoId: victim.photoId, key: victim.key }]);
      const fresh = path.join(dir, "fresh-damaged", "newsdesk.db");
      const result = await restoreDatabase({ file: backup.file, databaseFile: fresh, backupDir: path.join(dir, "fresh-damaged", "backups"), report: quiet });
      expect(result.photos.excused).toBe(1);
      const check = await mediaCheckOf(`file:${fresh}`);
      expect(check.code).toBe(1);
      expect(check.stdout).toContain(`missing variant files: 1\n  photo ${victim.photoId}: ${victim.key}`);
    } finally {
      fs.renameSync(aside, path.join(media, victim.key));
    }
  });
});

describe("db:restore with photos", () => {
  it("over a running site: brings back the backup's photos and removes the files only the replaced content used", async () => {
    const spare = await uploadPhoto(editor, await plainJpeg(360, 360, "#159"), "spare.jpg");
    const backup = await createBackup({ databaseFile: live, out: backupOut(), mediaDir: media });
    const before = contents(media);
    await deletePhoto(editor, spare);
    const added = await uploadPhoto(editor, await plainJpeg(380, 300, "#951"), "added.jpg");
    const addedFiles = referenced(live).filter((file) => file.photoId === added);
    const uses = await listPhotoUses();

    const result = await restoreDatabase({ file: backup.file, databaseFile: live, mediaDir: media, backupDir: path.join(dir, "before-restore"), report: quiet });
    expect(contents(media)).toEqual(before);
    expect(result.photos.removed).toBe(addedFiles.length);
    const previousMedia = result.previousBackup!.replace(/\.db$/, ".media");
    for (const file of addedFiles) expect(fs.existsSync(path.join(previousMedia, file.key))).toBe(true);
    // This process's client kept its connection, as a running site's does.
    expect(await prisma.photo.findUnique({ where: { id: spare }, select: { id: true } })).toEqual({ id: spare });
    expect(await prisma.photo.findUnique({ where: { id: added } })).toBeNull();
    expect(await listPhotoUses()).toEqual(uses);
    expect(hasProblems(await checkMedia())).toBe(false);
  });

  describe("refuses, changing nothing, a backup whose photos are not all there", () => {
    let backupFile: string;
    let folder: string;

    beforeAll(async () => {
      const backup = await createBackup({ databaseFile: live, out: backupOut(), mediaDir: media });
      backupFile = backup.file;
      folder = backup.media.folder;
    });

    async function expectRefusal(message: RegExp) {
      const [database, files] = [digest(live), contents(media)];
      const previous = path.join(dir, `refused-${crypto.randomUUID()}`);
      await expect(restoreDatabase({ file: backupFile, databaseFile: live, mediaDir: media, backupDir: previous, report: quiet })).rejects.toThrow(message);
      expect(digest(live)).toBe(database);
      expect(contents(media)).toEqual(files);
      expect(fs.existsSync(previous)).toBe(false);
    }

    it("a missing media folder", async () => {
      fs.renameSync(folder, `${folder}-away`);
      try {
        await expectRefusal(/refers to \d+ photo files, but its media folder .*\.media is missing; nothing was changed$/);
      } finally {
        fs.renameSync(`${folder}-away`, folder);
      }
    });

    it("a missing file, a truncated file, a missing manifest", async () => {
      const [original, variant] = [
        referenced(backupFile).find((file) => file.key.startsWith("originals/"))!,
        referenced(backupFile).find((file) => file.key.startsWith("public/"))!,
      ];
      const [originalPath, variantPath] = [path.join(folder, original.key), path.join(folder, variant.key)];
      const saved = fs.readFileSync(variantPath);
      fs.rmSync(originalPath);
      await expectRefusal(new RegExp(`is incomplete: 1 of \\d+ photo files missing or damaged \\(${original.key} missing\\); nothing was changed$`));
      fs.linkSync(path.join(media, original.key), originalPath);
      fs.rmSync(variantPath); // a hard link: truncating it in place would damage the site's file too
      fs.writeFileSync(variantPath, saved.subarray(0, 100));
      await expectRefusal(new RegExp(`\\(${variant.key} damaged\\); nothing was changed$`));
      fs.writeFileSync(variantPath, saved);
      fs.renameSync(path.join(folder, "manifest.json"), path.join(dir, "manifest.json"));
      await expectRefusal(/is not a complete backup media folder \(it has no valid manifest\.json\); nothing was changed$/);
      fs.renameSync(path.join(dir, "manifest.json"), path.join(folder, "manifest.json"));
      await expect(
        restoreDatabase({ file: backupFile, databaseFile: path.join(dir, "sound", "newsdesk.db"), backupDir: path.join(dir, "sound", "backups"), report: quiet }),
      ).resolves.toBeTruthy();
    });
  });
});

describe("a restore that fails after the photos were placed", () => {
  /** The code's migrations plus one that fails, and a Prisma config using them: every backup now predates it. */
  function brokenMigrations() {
    const migrationsDir = path.join(dir, "broken", "migrations");
    fs.cpSync(path.resolve("prisma/migrations"), migrationsDir, { recursive: true });
    fs.mkdirSync(path.join(migrationsDir, "29990101000000_broken"));
    fs.writeFileSync(path.join(migrationsDir, "29990101000000_broken", "migration.sql"), 'INSERT INTO "Nope" VALUES (1);\n');
    const configFile = path.join(dir, "broken", "prisma.config.mjs");
    fs.writeFileSync(
      configFile,
      `import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaBetterSQLite3({ url: process.env.DATABASE_URL }),
  schema: ${JSON.stringify(path.resolve("prisma/schema.prisma"))},
  migrations: { path: ${JSON.stringify(migrationsDir)} },
});
`,
    );
    expect(listCodeMigrations(migrationsDir).at(-1)).toBe("29990101000000_broken");
    return { migrationsDir, configFile };
  }

  it("takes the placed photo files away again, so the media folder is as it was", async () => {
    const backup = await createBackup({ databaseFile: live, out: backupOut(), mediaDir: media });
    const target = path.join(dir, "rollback", "newsdesk.db");
    const targetMedia = path.join(dir, "rollback", "media");
    fs.mkdirSync(targetMedia, { recursive: true });
    await replaceDatabaseFile(live, target);
    fs.mkdirSync(path.join(targetMedia, "public"));
    fs.writeFileSync(path.join(targetMedia, "public", "notes.txt"), "not a photo");
    const before = digest(target);
    const restoring = restoreDatabase({
      ...brokenMigrations(),
      file: backup.file,
      databaseFile: target,
      mediaDir: targetMedia,
      backupDir: path.join(dir, "rollback", "backups"),
      report: quiet,
    });
    await expect(restoring).rejects.toThrow(/migration 29990101000000_broken failed: no such table: Nope; the database was restored from the backup/);
    expect(digest(target)).toBe(before);
    expect(listMediaFiles(targetMedia)).toEqual(["public/notes.txt"]);
  });
});

describe("db:backup --keep with photos", () => {
  it("removes each old backup with its .media folder, and nothing else", async () => {
    const folder = path.join(dir, "rotation");
    const old = ["newsdesk-20260101T000000.000Z", "newsdesk-20260201T000000.000Z", "newsdesk-20260301T000000.000Z"];
    for (const name of old) {
      fs.mkdirSync(path.join(folder, `${name}.media`, "public", "0123456789abcdef"), { recursive: true });
      fs.writeFileSync(path.join(folder, `${name}.media`, "public", "0123456789abcdef", "0123456789abcdef-320.jpg"), "x");
      fs.writeFileSync(path.join(folder, `${name}.db`), "x");
    }
    const others = ["notes.txt", "newsdesk-manual.db", "newsdesk-manual.media", "newsdesk-20250101T000000.000Z.media"];
    for (const name of others)
      if (name.endsWith(".media")) fs.mkdirSync(path.join(folder, name));
      else fs.writeFileSync(path.join(folder, name), "x");
    const out = path.join(folder, backupFileName());
    const output = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    try {
      await dbBackupCommand.run(["--out", out, "--keep", "2"]);
    } finally {
      output.mockRestore();
    }
    const fresh = path.basename(out, ".db");
    expect(fs.readdirSync(folder).sort()).toEqual([...others, `${old[2]}.db`, `${old[2]}.media`, `${fresh}.db`, `${fresh}.media`].sort());
    expect(withoutManifest(listMediaFiles(path.join(folder, `${fresh}.media`)))).toEqual(referenced(out).map((file) => file.key));
  });
});
