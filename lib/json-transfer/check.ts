// Import pass one: reads the whole file, validates every record and every cross-reference (photo
// originals included: bytes, hash, type), and collects what the write pass needs first (counts, the
// users named by email, a digest of the bytes).
import crypto from "node:crypto";
import { listBodyPhotos } from "../articles/body";
import { readExport, type ExportEntry } from "./read-export";
import { TransferError, type ArticleRecord, type ChannelRecord, type PhotoRecord } from "./format";
import { checkOriginal } from "./photo-files";

export type Counts = { channels: number; authors: number; photos: number; articles: number; bylines: number; picks: number; revisions: number };
export type ImportPlan = {
  counts: Counts;
  originalBytes: number;
  emails: string[];
  ids: { channels: number[]; authors: number[]; articles: number[]; photos: number[] };
  digest: string;
};

export async function checkExportFile(file: string, onBytes?: (bytesRead: number) => void): Promise<ImportPlan> {
  const hash = crypto.createHash("sha256");
  const check = new ReferenceCheck();
  try {
    for await (const entry of readExport(file, { hash, onBytes })) await check.accept(entry);
    check.end();
  } catch (error) {
    throw error instanceof TransferError ? new TransferError(`${file}: ${error.message}`) : error;
  }
  const { channels, authors, photos, articles } = check.ids;
  const ids = { channels: [...channels], authors: [...authors], photos: [...photos], articles: [...articles] };
  return { counts: check.counts, originalBytes: check.originalBytes, emails: [...check.emails], ids, digest: hash.digest("hex") };
}

class ReferenceCheck {
  counts: Counts = { channels: 0, authors: 0, photos: 0, articles: 0, bylines: 0, picks: 0, revisions: 0 };
  originalBytes = 0;
  emails = new Set<string>();
  readonly ids = { channels: new Set<number>(), authors: new Set<number>(), photos: new Set<number>(), articles: new Set<number>() };
  #slugs = new Set<string>();
  #names = new Set<string>();
  #storageKeys = new Set<string>();
  #pickTargets: { articleId: number; target: number }[] = [];

  async accept(entry: ExportEntry): Promise<void> {
    const ids = this.ids[entry.section];
    if (ids.has(entry.record.id)) throw new TransferError(`${entry.section.slice(0, -1)} id ${entry.record.id} appears twice`);
    ids.add(entry.record.id);
    this.counts[entry.section]++;
    if (entry.section === "channels") this.#channel(entry.record);
    if (entry.section === "photos") await this.#photo(entry.record);
    if (entry.section === "articles") this.#article(entry.record);
  }

  /** Pick targets may point forward in the file, so they are checked once every id is known. */
  end(): void {
    const dangling = this.#pickTargets.find(({ target }) => !this.ids.articles.has(target));
    if (dangling) throw new TransferError(`article ${dangling.articleId}: 新闻推荐 target ${dangling.target} is not in the file`);
  }

  #channel(channel: ChannelRecord): void {
    if (this.#names.has(channel.name)) throw new TransferError(`channel ${channel.id}: name "${channel.name}" is used twice`);
    this.#names.add(channel.name);
    for (const slug of [channel.slug, ...channel.redirects]) {
      if (this.#slugs.has(slug)) throw new TransferError(`channel ${channel.id}: slug "${slug}" is used twice`);
      this.#slugs.add(slug);
    }
  }

  async #photo(photo: PhotoRecord): Promise<void> {
    if (photo.creditAuthorId !== null && !this.ids.authors.has(photo.creditAuthorId)) {
      throw new TransferError(`photo ${photo.id}: credit author ${photo.creditAuthorId} is not in the file`);
    }
    if (this.#storageKeys.has(photo.storageKey)) throw new TransferError(`photo ${photo.id}: storageKey ${photo.storageKey} is used twice`);
    this.#storageKeys.add(photo.storageKey);
    await checkOriginal(photo);
    if (photo.uploadedBy) this.emails.add(photo.uploadedBy);
    this.originalBytes += photo.originalBytes;
  }

  #article(article: ArticleRecord): void {
    if (article.channelId !== null && !this.ids.channels.has(article.channelId)) {
      throw new TransferError(`article ${article.id}: channel ${article.channelId} is not in the file`);
    }
    const missingAuthor = article.bylines.find((byline) => !this.ids.authors.has(byline.authorId));
    if (missingAuthor) throw new TransferError(`article ${article.id}: byline author ${missingAuthor.authorId} is not in the file`);
    // Photos come before articles, so every photo an article shows is known by now.
    if (article.lead && !this.ids.photos.has(article.lead.photoId)) throw new TransferError(`article ${article.id}: 题图 photo ${article.lead.photoId} is not in the file`);
    const missingFigure = listBodyPhotos(article.bodyHtml).find((use) => !this.ids.photos.has(use.photoId));
    if (missingFigure) throw new TransferError(`article ${article.id}: the body shows photo ${missingFigure.photoId}, which is not in the file`);
    for (const pick of article.picks) if (pick.targetArticleId !== null) this.#pickTargets.push({ articleId: article.id, target: pick.targetArticleId });
    for (const email of [article.createdBy, article.updatedBy, ...article.revisions.map((revision) => revision.author)]) {
      if (email) this.emails.add(email);
    }
    this.counts.bylines += article.bylines.length;
    this.counts.picks += article.picks.length;
    this.counts.revisions += article.revisions.length;
  }
}
