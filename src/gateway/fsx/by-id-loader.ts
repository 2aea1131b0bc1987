import DataLoader from 'dataloader';
import { recordLoaderBatch } from '../observability/loader-batches';

type ErrorClass = abstract new (...args: never[]) => Error;

/** What one Describe call answered: its items, and its x-amzn-RequestId (null when FSx sent none). */
export interface Described<T> {
  items: T[];
  requestId: string | null;
}

/**
 * What FSx answered for one id: the resource (null: FSx does not know it), and the request id of the
 * call that said so, which a not-found result carries (null: the resource came from a listing).
 */
export interface Lookup<T> {
  item: T | null;
  requestId: string | null;
}

/**
 * id → resource (null: FSx does not know it), for one request: every lookup in an operation is
 * batched into Describe calls of at most `maxBatchSize` ids, duplicates sent once, and resources a
 * listing already returned answer later lookups without a call.
 */
export class ByIdLoader<T> {
  private readonly loader: DataLoader<string, Lookup<T>>;

  constructor(
    describe: (ids: string[]) => Promise<Described<T>>,
    private readonly idOf: (item: T) => string,
    notFound: ErrorClass,
    maxBatchSize: number,
    /**
     * DataLoader's own options; e.g. process-wide loaders do not cache and collect a batch for a while.
     * `name` labels its batch sizes in the metrics (default: the resource, from `notFound`: backup, fileSystem).
     */
    options: Pick<DataLoader.Options<string, Lookup<T>>, 'cache' | 'batchScheduleFn'> & { name?: string } = {},
  ) {
    const { name = loaderName(notFound), ...dataLoaderOptions } = options;
    this.loader = new DataLoader(
      async (ids) => {
        recordLoaderBatch(name, ids.length);
        const found = await describeByIds(ids, describe, idOf, notFound);
        return ids.map((id) => found.get(id) ?? { item: null, requestId: null });
      },
      { maxBatchSize, ...dataLoaderOptions },
    );
  }

  async load(id: string): Promise<T | null> {
    return (await this.loader.load(id)).item;
  }

  /** The resource, with the request id of the call that answered for it. */
  lookup(id: string): Promise<Lookup<T>> {
    return this.loader.load(id);
  }

  /** The resources of these ids, in order; rejects with the first failure. */
  async loadMany(ids: string[]): Promise<(T | null)[]> {
    return (await this.lookupMany(ids)).map((found) => found.item);
  }

  /** The resources of these ids, in order, each with the request id of the call that answered for it; rejects with the first failure. */
  async lookupMany(ids: string[]): Promise<Lookup<T>[]> {
    return (await this.loader.loadMany(ids)).map((found) => {
      if (found instanceof Error) throw found;
      return found;
    });
  }

  /** Resources seen in a listing answer later lookups of the same request without a call. */
  remember(items: T[]): T[] {
    for (const item of items) this.loader.prime(this.idOf(item), { item, requestId: null });
    return items;
  }

  /** A resource this request changed (e.g. its tags): later lookups of the same request see the change, without a call. */
  replace(item: T): T {
    const id = this.idOf(item);
    this.loader.clear(id).prime(id, { item, requestId: null });
    return item;
  }
}

/** BackupNotFound → backup, FileSystemNotFound → fileSystem. */
const loaderName = (notFound: ErrorClass): string => {
  const resource = notFound.name.replace(/NotFound$/, '');
  return resource.charAt(0).toLowerCase() + resource.slice(1);
};

/** Every item of every page a paginator yields, and the last page's request id. */
export async function allItems<P extends { $metadata?: { requestId?: string } }, T>(
  pages: AsyncIterable<P>,
  itemsOf: (page: P) => T[],
): Promise<Described<T>> {
  const items: T[] = [];
  let requestId: string | null = null;
  for await (const page of pages) {
    items.push(...itemsOf(page));
    requestId = page.$metadata?.requestId ?? requestId;
  }
  return { items, requestId };
}

/**
 * Describe many resources by id, surviving FSx's all-or-nothing rule: DescribeBackups (and
 * DescribeFileSystems) fail the WHOLE call with BackupNotFound (FileSystemNotFound) when any one id is
 * unknown. Then the ids the error message names are dropped and the rest retried; when the message
 * names none, the batch is bisected. One bad id among 50 costs one extra call (two with an unhelpful
 * message: log2 n more), and never fails the other 49.
 */
async function describeByIds<T>(
  ids: readonly string[],
  describe: (ids: string[]) => Promise<Described<T>>,
  idOf: (item: T) => string,
  notFound: ErrorClass,
): Promise<Map<string, Lookup<T>>> {
  const found = new Map<string, Lookup<T>>();
  const missing = (batch: string[], requestId: string | null) => {
    for (const id of batch) found.set(id, { item: null, requestId });
  };
  const run = async (batch: string[]): Promise<void> => {
    if (batch.length === 0) return;
    try {
      const { items, requestId } = await describe(batch);
      // An id FSx left out of a successful answer is missing according to that call.
      missing(batch, requestId);
      for (const item of items) found.set(idOf(item), { item, requestId });
    } catch (error) {
      if (!(error instanceof notFound)) throw error;
      const requestId = (error as { $metadata?: { requestId?: string } }).$metadata?.requestId ?? null;
      if (batch.length === 1) return missing(batch, requestId);
      const named = batch.filter((id) => error.message.includes(id));
      missing(named, requestId);
      if (named.length > 0) return run(batch.filter((id) => !named.includes(id)));
      const half = Math.ceil(batch.length / 2);
      await Promise.all([run(batch.slice(0, half)), run(batch.slice(half))]);
    }
  };
  await run([...new Set(ids)]);
  return found;
}
