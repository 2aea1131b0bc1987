/**
 * Describe many resources by id in one FSx call, surviving FSx's all-or-nothing rule: DescribeBackups
 * (and DescribeFileSystems) fail the WHOLE call with BackupNotFound (FileSystemNotFound) when any one
 * id is unknown. Then the ids the error message names are dropped and the rest retried; when the
 * message names none, the batch is bisected. One bad id among 50 costs one extra call (two with an
 * unhelpful message: log2 n more), and never fails the other 49.
 */
export async function describeByIds<T>(
  ids: readonly string[],
  fetch: (ids: string[]) => Promise<T[]>,
  idOf: (item: T) => string,
  notFoundError: string,
): Promise<Map<string, T>> {
  const found = new Map<string, T>();
  const run = async (batch: string[]): Promise<void> => {
    if (batch.length === 0) return;
    try {
      for (const item of await fetch(batch)) found.set(idOf(item), item);
    } catch (error) {
      if ((error as { name?: string }).name !== notFoundError) throw error;
      if (batch.length === 1) return;
      const message = String((error as { message?: string }).message ?? '');
      const named = batch.filter((id) => message.includes(id));
      if (named.length > 0) return run(batch.filter((id) => !named.includes(id)));
      const half = Math.ceil(batch.length / 2);
      await Promise.all([run(batch.slice(0, half)), run(batch.slice(half))]);
    }
  };
  await run([...new Set(ids)]);
  return found;
}
