import type { FSxClient } from '@aws-sdk/client-fsx';

/** Reads: FSx's Describe* and List* operations change nothing, so identical concurrent ones can share an answer. */
const isRead = (name: string): boolean => /^(Describe|List)[A-Za-z]+Command$/.test(name);

/** Members of FSx inputs and outputs that name the resources a call reads or changes. */
const RESOURCE_MEMBERS = /"(?:BackupId|FileSystemId|VolumeId|SourceBackupId|ResourceARN|StorageVirtualMachineId)":"([^"]+)"/g;
/** Reads by id name their resources in these lists; a read without one is a listing (a filter may name file systems). */
const ID_LISTS = /"(?:BackupIds|FileSystemIds|VolumeIds|StorageVirtualMachineIds)":/;

export interface SharedReadsOptions {
  /** FSX_READ_CACHE_MS: keep answers this long (0: only share calls in flight). */
  cacheMs?: number;
}

export interface SharedReads {
  /** Reads answered by another request's call (in flight or cached). */
  shared(): number;
}

type Command = { constructor: { name: string }; input: unknown };

/**
 * Identical concurrent FSx reads share one call (single-flight): while a DescribeBackups with the
 * same input is in flight in this region, another request asking the same gets its answer instead of
 * a second call, whoever asks. It sits above the per-request DataLoaders, which already merge the
 * lookups of one request; this merges those of different requests (a busy dashboard polled by many
 * tabs). Each caller's services still decide what their principal may see of the shared answer.
 *
 * With `cacheMs`, answers are also kept that long; the gateway's own writes through this client
 * (CreateBackup, DeleteBackup, TagResource, ...) drop what they make stale: every kept read naming a
 * resource the write names (its input or answer), and every listing. Writes by others are seen once
 * the answer expires, as with any cache: keep it short.
 *
 * Calls made with options are neither shared nor cached: an abort signal (the readiness probe's) must
 * not fail another caller, and live progress asks for fresh answers this way (see live/fsx-reads.ts).
 * The client's own `send` is wrapped, not an SDK middleware: only there are the call's options seen.
 */
export function shareReads(client: FSxClient, { cacheMs = 0 }: SharedReadsOptions = {}): SharedReads {
  const inFlight = new Map<string, Promise<unknown>>();
  const kept = new Map<string, { until: number; answer: Promise<unknown> }>();
  const send = client.send.bind(client) as (command: unknown, ...options: unknown[]) => Promise<unknown>;
  let shared = 0;

  const forget = (write: Command, answer: unknown) => {
    const touched = new Set<string>();
    for (const text of [JSON.stringify(write.input), JSON.stringify(answer)]) {
      for (const match of (text ?? '').matchAll(RESOURCE_MEMBERS)) {
        touched.add(match[1]);
        // An ARN (TagResource's) names its resource by id at its end: arn:...:backup/backup-0123...
        touched.add(match[1].split('/').pop()!);
      }
    }
    for (const key of kept.keys()) {
      const listing = !ID_LISTS.test(key);
      if (listing || [...touched].some((id) => key.includes(id))) kept.delete(key);
    }
  };

  const read = (command: Command, key: string): Promise<unknown> => {
    const now = Date.now();
    const cached = kept.get(key);
    if (cached && cached.until > now) {
      shared++;
      return cached.answer;
    }
    const pending = inFlight.get(key);
    if (pending) {
      shared++;
      return pending;
    }
    const call = send(command);
    inFlight.set(key, call);
    call.then(
      () => {
        inFlight.delete(key);
        if (cacheMs > 0) {
          if (kept.size >= MAX_KEPT) kept.clear(); // bounded whatever callers ask
          kept.set(key, { until: Date.now() + cacheMs, answer: call });
        }
      },
      () => inFlight.delete(key),
    );
    return call;
  };

  client.send = ((command: Command, ...options: unknown[]): Promise<unknown> => {
    const name = command.constructor.name;
    if (options.length > 0) return send(command, ...options);
    if (isRead(name)) return read(command, `${name}:${JSON.stringify(command.input)}`);
    const written = send(command);
    if (cacheMs > 0)
      written.then(
        (answer) => forget(command, answer),
        () => kept.clear(),
      );
    return written;
  }) as FSxClient['send'];
  return { shared: () => shared };
}

const MAX_KEPT = 1000;
