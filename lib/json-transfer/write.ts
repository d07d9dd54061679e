// Import pass two: inserts the checked records batch by batch inside the caller's transaction, with
// their ids, times, versions, revision numbers and positions unchanged. A photo's original is written
// to the media store as its record arrives (one in memory at a time); its variants are made after
// the transaction commits.
import "server-only";
import type { Prisma } from "../db";
import { linkPick, writeArticleHistory } from "../articles/write";
import type { ArticleRecord, AuthorRecord, ChannelRecord, PhotoRecord } from "./format";
import type { ImportedOriginals } from "./photo-files";
import type { ExportEntry } from "./read-export";
import { userIdOf, type ResolvedUsers } from "./users";

type Tx = Prisma.TransactionClient;

export class BatchWriter {
  #pending: ExportEntry[] = [];
  #written = new Set<number>();
  // 新闻推荐 that point at an article later in the file: stored empty, then linked at the end.
  #forwardPicks: { articleId: number; position: number; targetArticleId: number }[] = [];
  photos = 0;
  articles = 0;

  constructor(
    private readonly tx: Tx,
    private readonly users: ResolvedUsers,
    private readonly originals: ImportedOriginals,
    private readonly batchSize: number,
  ) {}

  async add(entry: ExportEntry): Promise<void> {
    if (this.#pending.length >= this.batchSize || (this.#pending.length > 0 && this.#pending[0].section !== entry.section)) await this.flush();
    if (entry.section === "photos") {
      await this.originals.write(entry.record);
      this.photos++;
      // The row waits for its batch; the original's bytes need not.
      entry = { section: "photos", record: { ...entry.record, original: "" } };
    }
    this.#pending.push(entry);
  }

  async finish(): Promise<void> {
    await this.flush();
    for (const pick of this.#forwardPicks) await linkPick(this.tx, pick);
  }

  async flush(): Promise<void> {
    const batch = this.#pending;
    this.#pending = [];
    if (batch.length === 0) return;
    const records = batch.map((entry) => entry.record);
    if (batch[0].section === "channels") await this.#channels(records as ChannelRecord[]);
    if (batch[0].section === "authors") await this.tx.author.createMany({ data: (records as AuthorRecord[]).map(withDates) });
    if (batch[0].section === "photos") await this.tx.photo.createMany({ data: (records as PhotoRecord[]).map((photo) => this.#photoRow(photo)) });
    if (batch[0].section === "articles") await this.#articles(records as ArticleRecord[]);
  }

  async #channels(channels: ChannelRecord[]): Promise<void> {
    await this.tx.channel.createMany({ data: channels.map(({ redirects: _redirects, ...channel }) => withDates(channel)) });
    const redirects = channels.flatMap((channel) => channel.redirects.map((slug) => ({ slug, channelId: channel.id })));
    if (redirects.length > 0) await this.tx.channelSlugRedirect.createMany({ data: redirects });
  }

  async #articles(articles: ArticleRecord[]): Promise<void> {
    for (const article of articles) this.#written.add(article.id);
    await writeArticleHistory(
      this.tx,
      articles.map((article) => this.#history(article)),
    );
    this.articles += articles.length;
  }

  /** The row as exported; variants are still to be made, so it is pending until they are. */
  #photoRow({ original: _original, uploadedBy, fileUpdatedAt, ...photo }: PhotoRecord) {
    return { ...withDates(photo), fileUpdatedAt: new Date(fileUpdatedAt), uploadedById: userIdOf(this.users, uploadedBy), variantsPending: true };
  }

  #history({ bylines, picks, revisions, createdBy, updatedBy, publishedAt, ...article }: ArticleRecord) {
    return {
      ...withDates(article),
      publishedAt: publishedAt === null ? null : new Date(publishedAt),
      createdById: userIdOf(this.users, createdBy),
      updatedById: userIdOf(this.users, updatedBy),
      bylines,
      picks: picks.map((pick) => ({ ...pick, targetArticleId: this.#pickTarget(article.id, pick) })),
      revisions: revisions.map((revision) => ({
        number: revision.number,
        snapshot: JSON.stringify(revision.snapshot),
        authorId: userIdOf(this.users, revision.author),
        createdAt: new Date(revision.createdAt),
      })),
    };
  }

  #pickTarget(articleId: number, pick: { position: number; targetArticleId: number | null }): number | null {
    const target = pick.targetArticleId;
    if (target === null || this.#written.has(target)) return target;
    this.#forwardPicks.push({ articleId, position: pick.position, targetArticleId: target });
    return null;
  }
}

function withDates<T extends { createdAt: string; updatedAt: string }>(record: T): Omit<T, "createdAt" | "updatedAt"> & { createdAt: Date; updatedAt: Date } {
  return { ...record, createdAt: new Date(record.createdAt), updatedAt: new Date(record.updatedAt) };
}
