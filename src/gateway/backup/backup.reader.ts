import {
  BackupNotFound as FsxBackupNotFound,
  DescribeBackupsCommand,
  type FSxClient,
  type Filter,
  paginateDescribeBackups,
} from '@aws-sdk/client-fsx';
import { FSX, conforms } from '../../fsx-model';
import { mapFsxError } from '../errors/map-fsx-error';
import { ByFileSystemLoader, mapPages } from '../fsx/by-file-system-loader';
import { ByIdLoader, allItems } from '../fsx/by-id-loader';
import { foundHere } from '../fsx/found-here';
import { toBackups } from '../fsx/to-graphql';
import type { Place } from '../fsx/place';
import type { Backup, Tag } from '../fsx/shapes.generated';
import type { CursorCodec } from '../pagination/cursor';
import { BackupConnection } from '../pagination/connection.types';
import { offsetPage, tokenPage } from '../pagination/pages';
import { MAX_PAGE_SIZE } from '../pagination/connection.args';
import { type Principal, canSee } from '../auth/principal';
import { BackupNotFound, type ErrorResult } from '../results/error-result';
import { backupNotFound, fileSystemNotFound, lookedUpFor } from '../results/not-found';
import { BACKUPS_ERRORS, BACKUP_ERRORS } from '../results/unions';
import { invalidCursor } from '../results/invalid-input';
import type { BackupFilter, BackupsArgs } from './backup.args';

/**
 * Backups as one GraphQL request sees them (BackupService reads through it): its DataLoaders live as
 * long as the request, so every lookup in one operation is batched and deduplicated, and nothing is
 * cached across requests. A backup of a file system hidden from the caller is never seen.
 */
export class BackupReader {
  /** backupId → Backup (null: FSx does not know it). ⌈n/50⌉ DescribeBackups calls for n ids. */
  private readonly byId = new ByIdLoader(
    (ids) =>
      allItems(paginateDescribeBackups({ client: this.fsx, pageSize: ids.length }, { BackupIds: ids }), (page) =>
        toBackups(page.Backups, this.place),
      ),
    (backup) => backup.backupId,
    FsxBackupNotFound,
    FSX.BackupIds.max,
  );

  /**
   * A file system's backups: DescribeBackups with a file-system-id filter of up to 20 ids per call,
   * paging only until every file system has the number of backups asked for.
   */
  private readonly byFileSystem = new ByFileSystemLoader(
    (fileSystemIds) =>
      mapPages(
        paginateDescribeBackups(
          { client: this.fsx, pageSize: MAX_PAGE_SIZE },
          { Filters: [{ Name: 'file-system-id', Values: fileSystemIds }] },
        ),
        (page) => this.byId.remember(toBackups(page.Backups, this.place)),
      ),
    (backup) => backup.fileSystem?.fileSystemId,
    FSX.FilterValues.max,
  );

  constructor(
    private readonly fsx: FSxClient,
    /** Every backup read is stamped with this place (account and region). */
    readonly place: Place,
    private readonly cursors: CursorCodec,
    private readonly principal: Principal,
  ) {}

  async get(backupId: string): Promise<Backup | ErrorResult> {
    try {
      return await this.find(backupId);
    } catch (error) {
      return mapFsxError(error, { backupId, region: this.place.region }, BACKUP_ERRORS);
    }
  }

  /** A federation entity lookup: the Backup, or null when FSx does not know it (or the key is malformed, or the gateway cannot act in the account). */
  reference(backupId: string): Promise<Backup | null> {
    return conforms(backupId, FSX.BackupId) ? foundHere(this.visible(backupId)) : Promise.resolve(null);
  }

  /** The backup, if FSx has it and the caller may see its file system; else not found, with the request id of the call that said so. */
  async find(backupId: string): Promise<Backup | BackupNotFound> {
    const { item: backup, requestId } = await this.byId.lookup(backupId);
    return this.seenBy(backupId, backup, requestId);
  }

  /**
   * `find`, asking FSx now: neither shared with other requests' reads nor cached (shared-reads.ts skips
   * calls made with options), nor this request's loader. What a deletion is decided on: a legal hold
   * set a moment ago, through this replica or another, must count. Throws what FSx threw.
   */
  async findFresh(backupId: string): Promise<Backup | BackupNotFound> {
    let found: Backup | undefined;
    let requestId: string | undefined;
    try {
      const out = await this.fsx.send(new DescribeBackupsCommand({ BackupIds: [backupId] }), {});
      requestId = out.$metadata.requestId;
      found = toBackups(out.Backups, this.place).find((backup) => backup.backupId === backupId);
    } catch (error) {
      if (!(error instanceof FsxBackupNotFound)) throw error;
      requestId = error.$metadata.requestId;
    }
    return this.seenBy(backupId, found ? this.byId.replace(found) : null, requestId ?? null);
  }

  /** What the caller sees of a lookup's answer: the backup if it may see its file system, else not found. */
  private seenBy(backupId: string, backup: Backup | null, requestId: string | null): Backup | BackupNotFound {
    return backup && canSee(this.principal, backup.fileSystem?.fileSystemId)
      ? backup
      : backupNotFound(backupId, lookedUpFor(this.principal, this.place.region, requestId));
  }

  /** The backup, if FSx has it and the caller may see its file system. */
  async visible(backupId: string): Promise<Backup | null> {
    const backup = await this.find(backupId);
    return backup instanceof BackupNotFound ? null : backup;
  }

  /**
   * The backup with the tags FSx now holds (FSx's tag calls answer nothing: the tags read just before,
   * with the change applied as FSx applies it), also for later lookups of this request.
   */
  withTags(backup: Backup, tags: Tag[]): Backup {
    return this.byId.replace(Object.assign(Object.create(Object.getPrototypeOf(backup) as object) as Backup, backup, { tags }));
  }

  async list({ filter, first, after }: BackupsArgs): Promise<BackupConnection | ErrorResult> {
    const filters = toFsxFilters(filter, this.principal);
    const scope = `backups:${this.place.key}:${JSON.stringify(filters)}`;
    const position = this.cursors.start(after, scope);
    if ('refused' in position) return invalidCursor(position.refused);
    if (filters.some((f) => f.Values?.length === 0))
      return tokenPage(BackupConnection, this.cursors, scope, position, [], first, undefined);
    try {
      const out = await this.fsx.send(
        new DescribeBackupsCommand({
          Filters: filters.length ? filters : undefined,
          MaxResults: position.skip + first,
          NextToken: position.token,
        }),
      );
      const fetched = this.byId.remember(toBackups(out.Backups, this.place));
      return tokenPage(BackupConnection, this.cursors, scope, position, fetched, first, out.NextToken);
    } catch (error) {
      return mapFsxError(error, {}, BACKUPS_ERRORS);
    }
  }

  /** One file system's backups after the `after` cursor, batched with every other file system asked for in this request. */
  async forFileSystem(fileSystemId: string, first: number, after?: string | null): Promise<BackupConnection | ErrorResult> {
    if (!canSee(this.principal, fileSystemId)) return fileSystemNotFound(fileSystemId, { region: this.place.region });
    const scope = `fs-backups:${this.place.key}:${fileSystemId}`;
    const position = this.cursors.start(after, scope);
    if ('refused' in position) return invalidCursor(position.refused);
    try {
      const all = await this.byFileSystem.load(fileSystemId, position.skip + first + 1);
      const page = all.slice(position.skip, position.skip + first);
      return offsetPage(BackupConnection, this.cursors, scope, position.skip, page, all.length > position.skip + first);
    } catch (error) {
      return mapFsxError(error, { fileSystemId, region: this.place.region }, BACKUPS_ERRORS);
    }
  }
}

/**
 * The FSx filters of a listing. A caller limited to some file systems always lists through a
 * file-system-id filter: its own list, or the part of the requested ids it may see (an empty
 * filter then means an empty page, without asking FSx).
 */
function toFsxFilters(filter: BackupFilter | null | undefined, principal: Principal): Filter[] {
  const filters: Filter[] = [];
  const add = (Name: string, Values: readonly string[] | null | undefined) => {
    if (Values?.length) filters.push({ Name: Name as Filter['Name'], Values: [...Values] });
  };
  const allowed = principal.fileSystemIds;
  if (allowed) {
    const ids = filter?.fileSystemIds ? filter.fileSystemIds.filter((id) => allowed.has(id)) : [...allowed];
    filters.push({ Name: 'file-system-id', Values: ids });
  }
  if (!filter) return filters;
  if (!allowed) add('file-system-id', filter.fileSystemIds);
  add('backup-type', filter.backupTypes);
  add('file-system-type', filter.fileSystemTypes);
  add('volume-id', filter.volumeIds);
  return filters;
}
