/**
 * Optional durability. State is one JSON file, replaced atomically: write a temp file, fsync it,
 * rename it over the old one, fsync the directory. A request that changed state is answered
 * only after a write that includes the change has completed, so an acknowledged backup survives
 * `kill -9`. Writes are serialized and coalesced: while one write runs, later changes wait and
 * go out together in the next one.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { AccountsData } from './accounts';
import type { StoreData } from './store/records';

/**
 * Version 3 holds, per account, one StoreData per region. Older files are still read into the first
 * account: version 2 (one StoreData per region, before accounts) and version 1 (one region, before
 * regions: the default region's state).
 */
const FORMAT_VERSION = 3;

type FileFormat =
  { version: 1; data: StoreData } | { version: 2; regions: Record<string, StoreData> } | { version: 3; accounts: AccountsData };

/** What the data file mirrors: every account's state and a counter that moves on every change. */
interface PersistentState {
  readonly generation: number;
  toData(): AccountsData;
}

const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The state per account and region in a data file, or undefined when there is no file yet. */
export function loadDataFile(file: string, firstAccount: string, defaultRegion: string): AccountsData | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  const parsed = JSON.parse(text) as Partial<{ version: unknown; data: unknown; regions: unknown; accounts: unknown }>;
  if (parsed.version === 1 && isObject(parsed.data)) {
    return { [firstAccount]: { [defaultRegion]: parsed.data as StoreData } };
  }
  if (parsed.version === 2 && isObject(parsed.regions)) {
    return { [firstAccount]: parsed.regions as Record<string, StoreData> };
  }
  if (parsed.version === FORMAT_VERSION && isObject(parsed.accounts)) {
    return parsed.accounts as AccountsData;
  }
  throw new Error(`Data file ${file} has an unknown format (version ${String(parsed.version)}).`);
}

export class Persistence {
  private writtenGeneration = -1;
  private writing: Promise<void> | null = null;
  private tmpCounter = 0;

  constructor(
    private readonly file: string,
    private readonly state: PersistentState,
  ) {
    mkdirSync(dirname(file), { recursive: true });
  }

  /** Resolves once everything the state holds now is on disk. */
  async flush(): Promise<void> {
    const target = this.state.generation;
    while (this.writtenGeneration < target) {
      if (this.writing) {
        await this.writing.catch(() => undefined);
        continue;
      }
      this.writing = this.writeOnce();
      try {
        await this.writing;
      } finally {
        this.writing = null;
      }
    }
  }

  private async writeOnce(): Promise<void> {
    // Snapshot synchronously: everything changed before this line is in this write.
    const generation = this.state.generation;
    const payload = JSON.stringify({ version: FORMAT_VERSION, accounts: this.state.toData() } satisfies FileFormat);
    const tmp = `${this.file}.tmp-${process.pid}-${this.tmpCounter++}`;
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(payload, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, this.file);
    syncDirectory(dirname(this.file));
    this.writtenGeneration = generation;
  }
}

/** Makes the rename itself durable. Not possible on every platform; best effort there. */
function syncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* e.g. Windows cannot open directories */
  }
}
