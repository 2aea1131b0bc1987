import DataLoader from 'dataloader';

/**
 * file system → its first n resources (backups, volumes), for one request: every file system asked
 * for in one operation is listed together, through one filtered Describe call per `chunkSize` file
 * systems (FSx takes at most 20 values in a filter) and page of data, paging only until every file
 * system has the number of items asked for. Calls grow with the data FSx must return, never with the
 * number of file systems.
 */
export class ByFileSystemLoader<T> {
  /** "fileSystemId:n" → at least the first n items of that file system (fewer if it has fewer). */
  private readonly loader = new DataLoader<string, T[]>(async (keys) => {
    const wanted = new Map<string, number>();
    for (const key of keys) {
      const [id, need] = key.split(':');
      wanted.set(id, Math.max(wanted.get(id) ?? 0, Number(need)));
    }
    const found = await this.listFor(wanted);
    return keys.map((key) => found.get(key.split(':')[0]) ?? []);
  });

  constructor(
    /** The pages of a Describe call filtered on these file system ids, as GraphQL objects. */
    private readonly pages: (fileSystemIds: string[]) => AsyncIterable<T[]>,
    private readonly fileSystemIdOf: (item: T) => string | null | undefined,
    private readonly chunkSize: number,
  ) {}

  /** At least the first `need` items of one file system (all of them if it has fewer), in FSx order. */
  load(fileSystemId: string, need: number): Promise<T[]> {
    return this.loader.load(`${fileSystemId}:${need}`);
  }

  /** Every item of one file system. */
  loadAll(fileSystemId: string): Promise<T[]> {
    return this.load(fileSystemId, Number.MAX_SAFE_INTEGER);
  }

  private async listFor(wanted: Map<string, number>): Promise<Map<string, T[]>> {
    const byFs = new Map<string, T[]>([...wanted.keys()].map((id) => [id, []]));
    const ids = [...wanted.keys()];
    const chunks = Array.from({ length: Math.ceil(ids.length / this.chunkSize) }, (_, i) =>
      ids.slice(i * this.chunkSize, (i + 1) * this.chunkSize),
    );
    await Promise.all(
      chunks.map(async (chunk) => {
        const satisfied = () => chunk.every((id) => byFs.get(id)!.length >= wanted.get(id)!);
        for await (const page of this.pages(chunk)) {
          for (const item of page) byFs.get(this.fileSystemIdOf(item) ?? '')?.push(item);
          if (satisfied()) break;
        }
      }),
    );
    return byFs;
  }
}

/** The pages of an SDK paginator as lists of GraphQL objects. */
export async function* mapPages<P, T>(pages: AsyncIterable<P>, itemsOf: (page: P) => T[]): AsyncIterable<T[]> {
  for await (const page of pages) yield itemsOf(page);
}
