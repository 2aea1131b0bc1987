import {
  type Backup as FsxBackup,
  BackupNotFound,
  type FSxClient,
  type FileSystem as FsxFileSystem,
  FileSystemNotFound,
  paginateDescribeBackups,
  paginateDescribeFileSystems,
} from '@aws-sdk/client-fsx';
import DataLoader from 'dataloader';
import { FSX } from '../../fsx-model';
import { ByIdLoader, allItems } from '../fsx/by-id-loader';
import { recordLoaderBatch } from '../observability/loader-batches';
import { MAX_PAGE_SIZE } from '../pagination/connection.args';
import type { FsxBackupRecord } from './backup-state';

/** How long process-wide loaders collect keys before calling FSx: a burst of subscriptions shares its calls. */
const COLLECT_MS = 10;
const collect = (callback: () => void) => void setTimeout(callback, COLLECT_MS);

/** Call options: a call made with any is answered by FSx itself, never by the read cache (fsx/shared-reads.ts). */
const FRESH = {};

const hasBackupId = (backup: FsxBackup): backup is FsxBackupRecord => typeof backup.BackupId === 'string';

/**
 * The FSx reads of live progress in one region, shared by every watcher of the process (not per
 * request, and not cached: each answer is the state at that moment). Lookups made within a few
 * milliseconds of each other share their calls: ⌈n/50⌉ DescribeBackups for n backup ids, one
 * filtered DescribeBackups listing per 20 file systems, one DescribeFileSystems per 50 file systems.
 */
export class LiveReads {
  /** backupId → the backup, null when FSx does not know it. */
  readonly backup: ByIdLoader<FsxBackupRecord>;
  /** fileSystemId → the file system, null when FSx does not know it. */
  readonly fileSystem: ByIdLoader<FsxFileSystem & { FileSystemId: string }>;
  /** fileSystemId → all its backups. */
  private readonly backupsOf: DataLoader<string, FsxBackupRecord[]>;

  constructor(private readonly fsx: FSxClient) {
    this.backup = new ByIdLoader(
      (ids) => allItems(paginateDescribeBackups({ client: fsx, pageSize: ids.length }, { BackupIds: ids }, FRESH), backupsIn),
      (backup) => backup.BackupId,
      BackupNotFound,
      FSX.BackupIds.max,
      { cache: false, batchScheduleFn: collect, name: 'live.backup' },
    );
    this.fileSystem = new ByIdLoader(
      (ids) =>
        allItems(paginateDescribeFileSystems({ client: fsx, pageSize: ids.length }, { FileSystemIds: ids }, FRESH), (page) =>
          (page.FileSystems ?? []).filter((fs): fs is FsxFileSystem & { FileSystemId: string } => typeof fs.FileSystemId === 'string'),
        ),
      (fs) => fs.FileSystemId,
      FileSystemNotFound,
      FSX.FileSystemIds.max,
      { cache: false, batchScheduleFn: collect, name: 'live.fileSystem' },
    );
    this.backupsOf = new DataLoader(
      (ids) =>
        (recordLoaderBatch('live.backupsOfFileSystem', ids.length), this.listBackups([...ids])).then((byFs) =>
          ids.map((id) => byFs.get(id) ?? []),
        ),
      {
        cache: false,
        maxBatchSize: FSX.FilterValues.max,
        batchScheduleFn: collect,
      },
    );
  }

  /** Every backup of these file systems, now. */
  async backupsOfFileSystems(fileSystemIds: readonly string[]): Promise<FsxBackupRecord[]> {
    return (await this.backupsOf.loadMany([...fileSystemIds])).flatMap((list) => {
      if (list instanceof Error) throw list;
      return list;
    });
  }

  /** Backups of up to 20 file systems: one filtered listing, every page. */
  private async listBackups(fileSystemIds: string[]): Promise<Map<string, FsxBackupRecord[]>> {
    const byFs = new Map<string, FsxBackupRecord[]>(fileSystemIds.map((id) => [id, []]));
    const pages = paginateDescribeBackups(
      { client: this.fsx, pageSize: MAX_PAGE_SIZE },
      { Filters: [{ Name: 'file-system-id', Values: fileSystemIds }] },
      FRESH,
    );
    for await (const page of pages) {
      for (const backup of backupsIn(page)) byFs.get(backup.FileSystem?.FileSystemId ?? '')?.push(backup);
    }
    return byFs;
  }
}

const backupsIn = (page: { Backups?: FsxBackup[] }): FsxBackupRecord[] => (page.Backups ?? []).filter(hasBackupId);
