// Names → ids of channels, authors and published titles, loaded once per batch so a page costs a few queries, not a dozen.
import "server-only";
import { prisma } from "../db";
import { publishedWhere } from "../articles/visibility";

type Names = { channels: Map<string, number>; authors: Map<string, number>; titles: Map<string, number[]> };

/**
 * The batch's view of what exists. Ids found here are used as they are: foreign keys refuse one
 * that vanished meanwhile, and the batch then reloads and retries the page. Pick targets are
 * only candidates, checked in the page's transaction.
 */
export class BatchLookups {
  #names: Names = emptyNames();

  static async load(): Promise<BatchLookups> {
    const lookups = new BatchLookups();
    await lookups.reload();
    return lookups;
  }

  async reload(): Promise<void> {
    const [channels, authors, titles] = await Promise.all([
      prisma.channel.findMany({ select: { id: true, name: true } }),
      prisma.author.findMany({ select: { id: true, name: true }, orderBy: { id: "asc" } }),
      prisma.article.findMany({ where: publishedWhere(), select: { id: true, title: true }, orderBy: { id: "asc" } }),
    ]);
    const names = emptyNames();
    for (const channel of channels) names.channels.set(channel.name, channel.id);
    // Names are not unique: like the query it replaces, the oldest author of a name wins.
    for (const author of authors) if (!names.authors.has(author.name)) names.authors.set(author.name, author.id);
    for (const article of titles) addTitle(names.titles, article.title, article.id);
    this.#names = names;
  }

  /** A view for one page's transaction; what it adds reaches the batch only through `commit`. */
  forPage(): PageLookups {
    return new PageLookups(this.#names);
  }
}

export class PageLookups {
  readonly #staged: Names = emptyNames();
  constructor(readonly batch: Names) {}

  channel(name: string): number | undefined {
    return this.#staged.channels.get(name) ?? this.batch.channels.get(name);
  }
  author(name: string): number | undefined {
    return this.#staged.authors.get(name) ?? this.batch.authors.get(name);
  }
  titleCandidates(title: string): number[] {
    return [...(this.batch.titles.get(title) ?? []), ...(this.#staged.titles.get(title) ?? [])];
  }
  addChannel(name: string, id: number): void {
    this.#staged.channels.set(name, id);
  }
  addAuthor(name: string, id: number): void {
    this.#staged.authors.set(name, id);
  }
  addTitle(title: string, id: number): void {
    addTitle(this.#staged.titles, title, id);
  }

  /** Call once the transaction has committed: rolled-back rows must not be remembered. */
  commit(): void {
    for (const [name, id] of this.#staged.channels) this.batch.channels.set(name, id);
    for (const [name, id] of this.#staged.authors) if (!this.batch.authors.has(name)) this.batch.authors.set(name, id);
    for (const [title, ids] of this.#staged.titles) for (const id of ids) addTitle(this.batch.titles, title, id);
  }
}

function emptyNames(): Names {
  return { channels: new Map(), authors: new Map(), titles: new Map() };
}

function addTitle(titles: Map<string, number[]>, title: string, id: number): void {
  const ids = titles.get(title);
  if (!ids) titles.set(title, [id]);
  else if (!ids.includes(id)) ids.push(id);
}
