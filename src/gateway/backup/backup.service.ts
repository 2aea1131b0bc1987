import { randomUUID } from 'node:crypto';
import {
  BackupNotFound,
  CopyBackupCommand,
  CreateBackupCommand,
  CreateFileSystemFromBackupCommand,
  CreateVolumeFromBackupCommand,
  DeleteBackupCommand,
  DescribeBackupsCommand,
  type FSxClient,
  type Filter,
  TagResourceCommand,
  UntagResourceCommand,
  paginateDescribeBackups,
} from '@aws-sdk/client-fsx';
import { FSX, conforms } from '../../fsx-model';
import { type ErrorSubject, mapFsxError } from '../errors/map-fsx-error';
import { ByFileSystemLoader, mapPages } from '../fsx/by-file-system-loader';
import { ByIdLoader, allItems } from '../fsx/by-id-loader';
import { hasBackupId, hasFileSystemId, hasVolumeId, toBackup, toBackups, toFileSystem, toVolume } from '../fsx/to-graphql';
import type { BackupLifecycle } from '../fsx/enums.generated';
import type { Backup, Tag } from '../fsx/shapes.generated';
import { resourceArnOf } from '../fsx/resource-arn';
import type { CursorCodec } from '../pagination/cursor';
import { BackupConnection } from '../pagination/connection.types';
import { offsetPage, tokenPage } from '../pagination/pages';
import { type Principal, canSee } from '../auth/principal';
import type { ErrorResult, ResultType } from '../results/error-result';
import { FsxServiceError, result } from '../results/error-result';
import { backupNotFound, fileSystemNotFound, storageVirtualMachineNotFound, volumeNotFound } from '../results/not-found';
import {
  CopyBackupSuccess,
  CreateBackupSuccess,
  DeleteBackupSuccess,
  RestoreBackupSuccess,
  RestoreVolumeSuccess,
  TagBackupSuccess,
  UntagBackupSuccess,
} from '../results/mutation-success.types';
import {
  BACKUPS_ERRORS,
  BACKUP_ERRORS,
  COPY_BACKUP_ERRORS,
  CREATE_BACKUP_ERRORS,
  DELETE_BACKUP_ERRORS,
  RESTORE_BACKUP_ERRORS,
  RESTORE_VOLUME_ERRORS,
  TAG_BACKUP_ERRORS,
  UNTAG_BACKUP_ERRORS,
} from '../results/unions';
import { invalidCursor } from '../results/invalid-input';
import { MAX_PAGE_SIZE } from '../pagination/connection.args';
import type { VolumeLookup } from '../volume/volume.service';
import type { BackupFilter, BackupsArgs } from './backup.args';
import { type BackupEvents, NO_BACKUP_EVENTS } from './backup-events';
import { type CreateBackupInput, backupTarget } from './create-backup.input';
import type { CopyBackupInput } from './copy-backup.input';
import type { DeleteBackupInput } from './delete-backup.input';
import type { RestoreBackupInput } from './restore-backup.input';
import type { RestoreVolumeInput } from './restore-volume.input';
import type { TagBackupInput, UntagBackupInput } from './tag-backup.input';
import { toCopyBackupRequest, toFsxTags, toRestoreRequest, toRestoreVolumeRequest } from './to-fsx-requests';

/**
 * Backups, for one GraphQL request: its DataLoaders live as long as the request, so every lookup in
 * one operation is batched and deduplicated, and nothing is cached across requests.
 */
export class BackupService {
  /** backupId → Backup (null: FSx does not know it). ⌈n/50⌉ DescribeBackups calls for n ids. */
  private readonly byId = new ByIdLoader(
    (ids) =>
      allItems(paginateDescribeBackups({ client: this.fsx, pageSize: ids.length }, { BackupIds: ids }), (page) =>
        toBackups(page.Backups, this.region),
      ),
    (backup) => backup.backupId,
    BackupNotFound,
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
        (page) => this.byId.remember(toBackups(page.Backups, this.region)),
      ),
    (backup) => backup.fileSystem?.fileSystemId,
    FSX.FilterValues.max,
  );

  constructor(
    private readonly fsx: FSxClient,
    /** The region this service reads and writes: every backup it returns is stamped with it. */
    readonly region: string,
    private readonly cursors: CursorCodec,
    private readonly principal: Principal,
    /** The same request's volumes in this region: a caller limited to some file systems backs up and restores only into its own. */
    private readonly volumes: VolumeLookup,
    /** Told of what this service's mutations changed (live subscriptions hear of it at once). */
    private readonly events: BackupEvents = NO_BACKUP_EVENTS,
  ) {}

  /** A backup of a file system or of an ONTAP volume (exactly one of them). */
  async create(input: CreateBackupInput): Promise<CreateBackupSuccess | ErrorResult> {
    const target = backupTarget(input);
    if ('fieldErrors' in target) return target;
    if (target.fileSystemId !== undefined && !canSee(this.principal, target.fileSystemId)) return fileSystemNotFound(target.fileSystemId);
    // Always send a token: the SDK's retries and the client's own retries then cannot make a second backup.
    const clientRequestToken = input.clientRequestToken ?? randomUUID();
    const subject: ErrorSubject = { ...target };
    try {
      if (target.volumeId !== undefined && this.principal.fileSystemIds) {
        // A volume is visible through its file system: a hidden volume answers exactly like a missing one.
        const volume = await this.volumes.reference(target.volumeId);
        if (!volume) return volumeNotFound(target.volumeId);
        subject.fileSystemId = volume.fileSystemId ?? undefined;
      }
      const { Backup: created } = await this.fsx.send(
        new CreateBackupCommand({
          FileSystemId: target.fileSystemId,
          VolumeId: target.volumeId,
          ClientRequestToken: clientRequestToken,
          Tags: toFsxTags(input.tags),
        }),
      );
      if (!created || !hasBackupId(created)) return malformed('CreateBackup', 'a BackupId');
      this.events.changed(this.region, created);
      return result(CreateBackupSuccess, { backup: toBackup(created, this.region), clientRequestToken });
    } catch (error) {
      return mapFsxError(error, subject, CREATE_BACKUP_ERRORS);
    }
  }

  async delete(input: DeleteBackupInput): Promise<DeleteBackupSuccess | ErrorResult> {
    const clientRequestToken = input.clientRequestToken ?? randomUUID();
    try {
      if (await this.hiddenFromCaller(input.backupId)) return backupNotFound(input.backupId);
      const out = await this.fsx.send(new DeleteBackupCommand({ BackupId: input.backupId, ClientRequestToken: clientRequestToken }));
      if (out.Lifecycle === 'DELETED') this.events.deleted(this.region, out.BackupId ?? input.backupId);
      return result(DeleteBackupSuccess, {
        backupId: out.BackupId ?? input.backupId,
        lifecycle: out.Lifecycle as BackupLifecycle | undefined,
        clientRequestToken,
      });
    } catch (error) {
      return mapFsxError(error, { backupId: input.backupId }, DELETE_BACKUP_ERRORS);
    }
  }

  /** A copy, made in this (the destination) region, of a backup in `source`'s region. */
  async copy(input: CopyBackupInput, source: Pick<BackupService, 'region' | 'reference'>): Promise<CopyBackupSuccess | ErrorResult> {
    const backupId = input.sourceBackupId;
    const clientRequestToken = input.clientRequestToken ?? randomUUID();
    try {
      if (await this.hiddenFromCaller(backupId, source)) return backupNotFound(backupId);
      const out = await this.fsx.send(new CopyBackupCommand(toCopyBackupRequest(input, source.region, clientRequestToken)));
      if (!out.Backup || !hasBackupId(out.Backup)) return malformed('CopyBackup', 'a BackupId');
      this.events.changed(this.region, out.Backup);
      return result(CopyBackupSuccess, { backup: toBackup(out.Backup, this.region), clientRequestToken });
    } catch (error) {
      return mapFsxError(error, { backupId }, COPY_BACKUP_ERRORS);
    }
  }

  /** A new file system from one of this region's backups (FSx CreateFileSystemFromBackup). */
  async restore(input: RestoreBackupInput): Promise<RestoreBackupSuccess | ErrorResult> {
    const clientRequestToken = input.clientRequestToken ?? randomUUID();
    try {
      if (await this.hiddenFromCaller(input.backupId)) return backupNotFound(input.backupId);
      const out = await this.fsx.send(new CreateFileSystemFromBackupCommand(toRestoreRequest(input, clientRequestToken)));
      if (!out.FileSystem || !hasFileSystemId(out.FileSystem)) return malformed('CreateFileSystemFromBackup', 'a FileSystemId');
      return result(RestoreBackupSuccess, { fileSystem: toFileSystem(out.FileSystem, this.region), clientRequestToken });
    } catch (error) {
      return mapFsxError(error, { backupId: input.backupId }, RESTORE_BACKUP_ERRORS);
    }
  }

  /**
   * A new ONTAP volume from one of this region's volume backups (FSx CreateVolumeFromBackup). A caller
   * limited to some file systems restores only its own backups, into the storage virtual machines of
   * its own file systems; any other backup or SVM answers exactly like a missing one.
   */
  async restoreVolume(input: RestoreVolumeInput): Promise<RestoreVolumeSuccess | ErrorResult> {
    const clientRequestToken = input.clientRequestToken ?? randomUUID();
    const storageVirtualMachineId = input.ontapConfiguration?.storageVirtualMachineId;
    try {
      if (await this.hiddenFromCaller(input.backupId)) return backupNotFound(input.backupId);
      if (storageVirtualMachineId !== undefined && this.principal.fileSystemIds) {
        const fileSystemId = await this.volumes.fileSystemOfStorageVirtualMachine(storageVirtualMachineId);
        if (!canSee(this.principal, fileSystemId)) return storageVirtualMachineNotFound(storageVirtualMachineId);
      }
      const out = await this.fsx.send(new CreateVolumeFromBackupCommand(toRestoreVolumeRequest(input, clientRequestToken)));
      if (!out.Volume || !hasVolumeId(out.Volume)) return malformed('CreateVolumeFromBackup', 'a VolumeId');
      return result(RestoreVolumeSuccess, { volume: toVolume(out.Volume, this.region), clientRequestToken });
    } catch (error) {
      return mapFsxError(error, { backupId: input.backupId, storageVirtualMachineId }, RESTORE_VOLUME_ERRORS);
    }
  }

  /**
   * FSx TagResource on the backup's ARN, which the gateway reads from the backup itself (one
   * DescribeBackups, batched with the request's other lookups): a backup hidden from the caller is
   * BackupNotFound before FSx hears of it, exactly like a missing one. Idempotent by nature.
   */
  async tag(input: TagBackupInput): Promise<TagBackupSuccess | ErrorResult> {
    return this.changeTags(input.backupId, TAG_BACKUP_ERRORS, async (backup, ResourceARN) => {
      await this.fsx.send(new TagResourceCommand({ ResourceARN, Tags: toFsxTags(input.tags) }));
      const tags = new Map((backup.tags ?? []).map((t) => [t.key, t.value]));
      for (const t of input.tags) tags.set(t.key, t.value);
      return result(TagBackupSuccess, {
        backup: this.withTags(
          backup,
          [...tags].map(([key, value]) => ({ key, value })),
        ),
      });
    });
  }

  /** FSx UntagResource on the backup's ARN, found as for tag(). Keys the backup does not have are ignored, as FSx does. */
  async untag(input: UntagBackupInput): Promise<UntagBackupSuccess | ErrorResult> {
    return this.changeTags(input.backupId, UNTAG_BACKUP_ERRORS, async (backup, ResourceARN) => {
      await this.fsx.send(new UntagResourceCommand({ ResourceARN, TagKeys: input.tagKeys }));
      const removed = new Set(input.tagKeys);
      return result(UntagBackupSuccess, {
        backup: this.withTags(
          backup,
          (backup.tags ?? []).filter((t) => !removed.has(t.key)),
        ),
      });
    });
  }

  /** A tag change on a backup the caller may see: its ARN, the change, FSx errors through the one table. */
  private async changeTags<R>(
    backupId: string,
    allowed: ReadonlySet<ResultType>,
    change: (backup: Backup, arn: string) => Promise<R>,
  ): Promise<R | ErrorResult> {
    try {
      const backup = await this.visible(backupId);
      if (!backup) return backupNotFound(backupId);
      return await change(backup, resourceArnOf('Backup', backup));
    } catch (error) {
      return mapFsxError(error, { backupId }, allowed);
    }
  }

  /**
   * The backup with the tags FSx now holds (FSx's tag calls answer nothing: the tags read just before,
   * with the change applied as FSx applies it), also for later lookups of this request.
   */
  private withTags(backup: Backup, tags: Tag[]): Backup {
    return this.byId.replace(Object.assign(Object.create(Object.getPrototypeOf(backup) as object) as Backup, backup, { tags }));
  }

  async get(backupId: string): Promise<Backup | ErrorResult> {
    try {
      return (await this.visible(backupId)) ?? backupNotFound(backupId);
    } catch (error) {
      return mapFsxError(error, { backupId }, BACKUP_ERRORS);
    }
  }

  /** A federation entity lookup: the Backup, or null when FSx does not know it (or the key is malformed). */
  reference(backupId: string): Promise<Backup | null> {
    return conforms(backupId, FSX.BackupId) ? this.visible(backupId) : Promise.resolve(null);
  }

  /**
   * A caller limited to some file systems may delete, copy or restore only backups it can see: that
   * takes a lookup (in `source`'s region: a copy's source may be in another).
   */
  private async hiddenFromCaller(backupId: string, source: Pick<BackupService, 'reference'> = this): Promise<boolean> {
    return this.principal.fileSystemIds !== undefined && !(await source.reference(backupId));
  }

  /** The backup, if FSx has it and the caller may see its file system. */
  private async visible(backupId: string): Promise<Backup | null> {
    const backup = await this.byId.load(backupId);
    return backup && canSee(this.principal, backup.fileSystem?.fileSystemId) ? backup : null;
  }

  async list({ filter, first, after }: BackupsArgs): Promise<BackupConnection | ErrorResult> {
    const filters = toFsxFilters(filter, this.principal);
    const scope = `backups:${this.region}:${JSON.stringify(filters)}`;
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
      const fetched = this.byId.remember(toBackups(out.Backups, this.region));
      return tokenPage(BackupConnection, this.cursors, scope, position, fetched, first, out.NextToken);
    } catch (error) {
      return mapFsxError(error, {}, BACKUPS_ERRORS);
    }
  }

  /** One file system's backups after the `after` cursor, batched with every other file system asked for in this request. */
  async forFileSystem(fileSystemId: string, first: number, after?: string | null): Promise<BackupConnection | ErrorResult> {
    if (!canSee(this.principal, fileSystemId)) return fileSystemNotFound(fileSystemId);
    const scope = `fs-backups:${this.region}:${fileSystemId}`;
    const position = this.cursors.start(after, scope);
    if ('refused' in position) return invalidCursor(position.refused);
    try {
      const all = await this.byFileSystem.load(fileSystemId, position.skip + first + 1);
      const page = all.slice(position.skip, position.skip + first);
      return offsetPage(BackupConnection, this.cursors, scope, position.skip, page, all.length > position.skip + first);
    } catch (error) {
      return mapFsxError(error, { fileSystemId }, BACKUPS_ERRORS);
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

/** An FSx answer without what makes it usable: reported, never half-shown. */
const malformed = (operation: string, missing: string): FsxServiceError =>
  result(FsxServiceError, {
    code: 'MalformedResponse',
    message: `FSx answered ${operation} without ${missing}`,
    retryable: false,
    requestId: null,
  });
