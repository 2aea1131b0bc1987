import DataLoader from 'dataloader';
import { recordLoaderBatch } from '../observability/loader-batches';

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * id → resource (null: FSx does not know it), for one request: every lookup in an operation is
 * batched into Describe calls of at most `maxBatchSize` ids, duplicates sent once, and resources a
 * listing already returned answer later lookups without a call.
 */
export class ByIdLoader<T> {
  private readonly loader: DataLoader<string, T | null>;

  constructor(
    describe: (ids: string[]) => Promise<T[]>,
    private readonly idOf: (item: T) => string,
    notFound: ErrorClass,
    maxBatchSize: number,
    /**
     * DataLoader's own options; e.g. process-wide loaders do not cache and collect a batch for a while.
     * `name` labels its batch sizes in the metrics (default: the resource, from `notFound`: backup, fileSystem).
     */
    options: Pick<DataLoader.Options<string, T | null>, 'cache' | 'batchScheduleFn'> & { name?: string } = {},
  ) {
    const { name = loaderName(notFound), ...dataLoaderOptions } = options;
    this.loader = new DataLoader(
      async (ids) => {
        recordLoaderBatch(name, ids.length);
        const found = await describeByIds(ids, describe, idOf, notFound);
        return ids.map((id) => found.get(id) ?? null);
      },
      { maxBatchSize, ...dataLoaderOptions },
    );
  }

  load(id: string): Promise<T | null> {
    return this.loader.load(id);
  }

  /** The resources of these ids, in order; rejects with the first failure. */
  async loadMany(ids: string[]): Promise<(T | null)[]> {
    return (await this.loader.loadMany(ids)).map((item) => {
      if (item instanceof Error) throw item;
      return item;
    });
  }

  /** Resources seen in a listing answer later lookups of the same request without a call. */
  remember(items: T[]): T[] {
    for (const item of items) this.loader.prime(this.idOf(item), item);
    return items;
  }

  /** A resource this request changed (e.g. its tags): later lookups of the same request see the change, without a call. */
  replace(item: T): T {
    const id = this.idOf(item);
    this.loader.clear(id).prime(id, item);
    return item;
  }
}

/** BackupNotFound → backup, FileSystemNotFound → fileSystem. */
const loaderName = (notFound: ErrorClass): string => {
  const resource = notFound.name.replace(/NotFound$/, '');
  return resource.charAt(0).toLowerCase() + resource.slice(1);
};

/** Every item of every page a paginator yields. */
export async function allItems<P, T>(pages: AsyncIterable<P>, itemsOf: (page: P) => T[]): Promise<T[]> {
  const items: T[] = [];
  for await (const page of pages) items.push(...itemsOf(page));
  return items;
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
  describe: (ids: string[]) => Promise<T[]>,
  idOf: (item: T) => string,
  notFound: ErrorClass,
): Promise<Map<string, T>> {
  const found = new Map<string, T>();
  const run = async (batch: string[]): Promise<void> => {
    if (batch.length === 0) return;
    try {
      for (const item of await describe(batch)) found.set(idOf(item), item);
    } catch (error) {
      if (!(error instanceof notFound)) throw error;
      if (batch.length === 1) return;
      const named = batch.filter((id) => error.message.includes(id));
      if (named.length > 0) return run(batch.filter((id) => !named.includes(id)));
      const half = Math.ceil(batch.length / 2);
      await Promise.all([run(batch.slice(0, half)), run(batch.slice(half))]);
    }
  };
  await run([...new Set(ids)]);
  return found;
}
