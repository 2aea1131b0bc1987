/**
 * DataLoader batch sizes, reported by the loaders (fsx/by-id-loader.ts) without each service having to
 * be handed the metrics: a loader reports here, and every metrics registry of the process that listens
 * counts it. One gateway per process (production) makes that exact; nothing listens while metrics are off.
 */
type BatchObserver = (loader: string, size: number) => void;

const observers = new Set<BatchObserver>();

/** Listens to every batch from now on; returns the function that stops listening. */
export function observeLoaderBatches(observer: BatchObserver): () => void {
  observers.add(observer);
  return () => observers.delete(observer);
}

/** A loader dispatched a batch of `size` distinct keys. */
export function recordLoaderBatch(loader: string, size: number): void {
  for (const observer of observers) observer(loader, size);
}
