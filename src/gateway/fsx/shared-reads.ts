import type { FSxClient } from '@aws-sdk/client-fsx';

/** Reads: FSx's Describe* and List* operations change nothing, so identical concurrent ones can share an answer. */
const isRead = (name: string): boolean => /^(Describe|List)[A-Za-z]+Command$/.test(name);

/** Members of FSx inputs and outputs that name the resources a call reads or changes. */
const RESOURCE_MEMBERS = /"(?:BackupId|FileSystemId|VolumeId|SourceBackupId|ResourceARN|StorageVirtualMachineId)":"([^"]+)"/g;
/** Reads by id name their resources in these lists; a read without one is a listing (a filter may name file systems). */
const ID_LISTS = /"(?:BackupIds|FileSystemIds|VolumeIds|StorageVirtualMachineIds)":/;

type Command = { constructor: { name: string }; input: unknown };

/**
 * The shared reads of one place (account and region): the calls in flight and the answers kept, for
 * every client of the place. Keys carry who asks (`shareReads`' `identity`): with attribution, a read
 * is made with its principal's credentials, so identical reads of two principals are two calls (each
 * in CloudTrail under its own name); without it everyone is the gateway, and shares.
 */
export class SharedReadStore {
  readonly inFlight = new Map<string, Promise<unknown>>();
  readonly kept = new Map<string, { until: number; answer: Promise<unknown> }>();

  /** `cacheMs`: FSX_READ_CACHE_MS, keep answers this long (0: only share calls in flight). */
  constructor(readonly cacheMs = 0) {}

  /**
   * After a write through any client of the place: every kept read naming a resource the write names
   * (its input or answer), and every listing, whoever read it.
   */
  forget(write: Command, answer: unknown): void {
    const touched = new Set<string>();
    for (const text of [JSON.stringify(write.input), JSON.stringify(answer)]) {
      for (const match of (text ?? '').matchAll(RESOURCE_MEMBERS)) {
        touched.add(match[1]);
        // An ARN (TagResource's) names its resource by id at its end: arn:...:backup/backup-0123...
        touched.add(match[1].split('/').pop()!);
      }
    }
    for (const key of this.kept.keys()) {
      const listing = !ID_LISTS.test(key);
      if (listing || [...touched].some((id) => key.includes(id))) this.kept.delete(key);
    }
  }
}

/**
 * Identical concurrent FSx reads share one call (single-flight): while a DescribeBackups with the
 * same input is in flight in this place for the same identity, another request asking the same gets
 * its answer instead of a second call. It sits above the per-request DataLoaders, which already merge
 * the lookups of one request; this merges those of different requests (a busy dashboard polled by
 * many tabs). Each caller's services still decide what their principal may see of the shared answer.
 *
 * With `cacheMs`, answers are also kept that long; the gateway's own writes through any client of the
 * place (CreateBackup, DeleteBackup, TagResource, ...) drop what they make stale. Writes by others are
 * seen once the answer expires, as with any cache: keep it short.
 *
 * Calls made with options are neither shared nor cached: an abort signal (the readiness probe's) must
 * not fail another caller, and live progress asks for fresh answers this way (see live/fsx-reads.ts).
 * The client's own `send` is wrapped, not an SDK middleware: only there are the call's options seen.
 */
export function shareReads(client: FSxClient, store: SharedReadStore, identity = ''): void {
  const { inFlight, kept, cacheMs } = store;
  const send = client.send.bind(client) as (command: unknown, ...options: unknown[]) => Promise<unknown>;

  const read = (command: Command, key: string): Promise<unknown> => {
    const now = Date.now();
    const cached = kept.get(key);
    if (cached && cached.until > now) return cached.answer;
    const pending = inFlight.get(key);
    if (pending) return pending;
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
    if (isRead(name)) return read(command, `${identity}|${name}:${JSON.stringify(command.input)}`);
    const written = send(command);
    if (cacheMs > 0)
      written.then(
        (answer) => store.forget(command, answer),
        () => kept.clear(),
      );
    return written;
  }) as FSxClient['send'];
}

const MAX_KEPT = 1000;
