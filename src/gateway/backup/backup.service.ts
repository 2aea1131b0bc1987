import { randomUUID } from 'node:crypto';
import {
  CopyBackupCommand,
  CreateBackupCommand,
  CreateFileSystemFromBackupCommand,
  CreateVolumeFromBackupCommand,
  type FSxClient,
} from '@aws-sdk/client-fsx';
import { type ErrorSubject, mapFsxError } from '../errors/map-fsx-error';
import { hasBackupId, hasFileSystemId, hasVolumeId, toBackup, toFileSystem, toVolume } from '../fsx/to-graphql';
import type { Backup } from '../fsx/shapes.generated';
import type { Place } from '../fsx/place';
import type { CursorCodec } from '../pagination/cursor';
import type { BackupConnection } from '../pagination/connection.types';
import { type Principal, canSee } from '../auth/principal';
import { BackupNotFound, type ErrorResult, VolumeNotFound, result } from '../results/error-result';
import { malformedAnswer } from '../results/malformed-answer';
import { fileSystemNotFound, storageVirtualMachineNotFound } from '../results/not-found';
import {
  CopyBackupSuccess,
  CreateBackupSuccess,
  type DeleteBackupAllowed,
  type DeleteBackupSuccess,
  RestoreBackupSuccess,
  RestoreVolumeSuccess,
  type TagBackupSuccess,
  type UntagBackupSuccess,
} from '../results/mutation-success.types';
import { COPY_BACKUP_ERRORS, CREATE_BACKUP_ERRORS, RESTORE_BACKUP_ERRORS, RESTORE_VOLUME_ERRORS } from '../results/unions';
import type { VolumeLookup } from '../volume/volume.service';
import type { StorageVirtualMachineService } from '../volume/storage-virtual-machine.service';
import type { BackupsArgs } from './backup.args';
import { type BackupEvents, NO_BACKUP_EVENTS } from './backup-events';
import { BackupReader } from './backup.reader';
import { BackupDeletion } from './backup-deletion';
import { BackupTagging } from './backup-tagging';
import type { DeletionGuards } from './deletion-guards';
import { holdScopeMissing } from './legal-hold';
import type { DeletionRule } from '../results/deletion-rule';
import { type CreateBackupInput, backupTarget } from './create-backup.input';
import type { CopyBackupInput } from './copy-backup.input';
import type { DeleteBackupInput } from './delete-backup.input';
import type { RestoreBackupInput } from './restore-backup.input';
import type { RestoreVolumeInput } from './restore-volume.input';
import type { TagBackupInput, UntagBackupInput } from './tag-backup.input';
import { toCopyBackupRequest, toFsxTags, toRestoreRequest, toRestoreVolumeRequest } from './to-fsx-requests';

/**
 * Backups, for one GraphQL request: the mutations, and the reads of its BackupReader (whose
 * DataLoaders live as long as the request, so every lookup in one operation is batched and
 * deduplicated, and nothing is cached across requests).
 */
export class BackupService {
  private readonly reader: BackupReader;
  private readonly tagging: BackupTagging;
  private readonly deletion: BackupDeletion;

  constructor(
    private readonly fsx: FSxClient,
    /** The place (account and region) this service reads and writes: every backup it returns is stamped with it. */
    readonly place: Place,
    cursors: CursorCodec,
    private readonly principal: Principal,
    /** The same request's volumes in this place: a caller limited to some file systems backs up and restores only into its own. */
    private readonly volumes: VolumeLookup,
    /** Which file system holds a storage virtual machine (a volume restore by a caller limited to some file systems). */
    private readonly storageVirtualMachines: Pick<StorageVirtualMachineService, 'fileSystemOf'>,
    /** DELETION_GUARDS: what deleteBackup refuses, and who may set the legal-hold tag. */
    private readonly guards: DeletionGuards,
    /** Told of what this service's mutations changed (live subscriptions hear of it at once). */
    private readonly events: BackupEvents = NO_BACKUP_EVENTS,
  ) {
    this.reader = new BackupReader(fsx, place, cursors, principal);
    this.tagging = new BackupTagging(fsx, this.reader, principal, guards);
    this.deletion = new BackupDeletion(fsx, place, this.reader, principal, guards, events);
  }

  get(backupId: string): Promise<Backup | ErrorResult> {
    return this.reader.get(backupId);
  }

  /** A federation entity lookup: the Backup, or null when FSx does not know it (or the key is malformed). */
  reference(backupId: string): Promise<Backup | null> {
    return this.reader.reference(backupId);
  }

  /** The backup, or not found (with the request id of the call that said so) when FSx does not know it or the caller may not see it. */
  find(backupId: string): Promise<Backup | BackupNotFound> {
    return this.reader.find(backupId);
  }

  list(args: BackupsArgs): Promise<BackupConnection | ErrorResult> {
    return this.reader.list(args);
  }

  /** One file system's backups after the `after` cursor, batched with every other file system asked for in this request. */
  forFileSystem(fileSystemId: string, first: number, after?: string | null): Promise<BackupConnection | ErrorResult> {
    return this.reader.forFileSystem(fileSystemId, first, after);
  }

  /** A backup of a file system or of an ONTAP volume (exactly one of them). */
  async create(input: CreateBackupInput): Promise<CreateBackupSuccess | ErrorResult> {
    const target = backupTarget(input);
    if ('fieldErrors' in target) return target;
    const holdRefused = holdScopeMissing(this.principal, this.guards, input.tags);
    if (holdRefused) return holdRefused;
    if (target.fileSystemId !== undefined && !canSee(this.principal, target.fileSystemId))
      return fileSystemNotFound(target.fileSystemId, { region: this.place.region });
    // Always send a token: the SDK's retries and the client's own retries then cannot make a second backup.
    const clientRequestToken = input.clientRequestToken ?? randomUUID();
    const subject: ErrorSubject = { ...target, region: this.place.region };
    try {
      if (target.volumeId !== undefined && this.principal.fileSystemIds) {
        // A volume is visible through its file system: a hidden volume answers exactly like a missing one.
        const volume = await this.volumes.find(target.volumeId);
        if (volume instanceof VolumeNotFound) return volume;
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
      if (!created || !hasBackupId(created)) return malformedAnswer('CreateBackup', 'a BackupId');
      this.events.changed(this.place, created);
      return result(CreateBackupSuccess, { backup: toBackup(created, this.place), clientRequestToken });
    } catch (error) {
      return mapFsxError(error, subject, CREATE_BACKUP_ERRORS);
    }
  }

  /** FSx DeleteBackup behind the deletion guards, or with dryRun only their verdict (backup-deletion.ts). */
  delete(input: DeleteBackupInput): Promise<DeleteBackupSuccess | DeleteBackupAllowed | ErrorResult> {
    return this.deletion.delete(input);
  }

  /** The deletion guards that keep this backup (backup-deletion.ts). */
  deletionBlockedBy(backup: Backup): Promise<DeletionRule[]> {
    return this.deletion.blockedBy(backup);
  }

  /** A copy, made in this (the destination) place, of a backup in `source`'s region of the same account. */
  async copy(input: CopyBackupInput, source: Pick<BackupService, 'place' | 'find'>): Promise<CopyBackupSuccess | ErrorResult> {
    const backupId = input.sourceBackupId;
    const clientRequestToken = input.clientRequestToken ?? randomUUID();
    const holdRefused = holdScopeMissing(this.principal, this.guards, input.tags);
    if (holdRefused) return holdRefused;
    try {
      const hidden = await this.hiddenFromCaller(backupId, source);
      if (hidden) return hidden;
      const out = await this.fsx.send(new CopyBackupCommand(toCopyBackupRequest(input, source.place.region, clientRequestToken)));
      if (!out.Backup || !hasBackupId(out.Backup)) return malformedAnswer('CopyBackup', 'a BackupId');
      this.events.changed(this.place, out.Backup);
      return result(CopyBackupSuccess, { backup: toBackup(out.Backup, this.place), clientRequestToken });
    } catch (error) {
      // The backup copied is looked for in the source region.
      return mapFsxError(error, { backupId, region: source.place.region }, COPY_BACKUP_ERRORS);
    }
  }

  /** A new file system from one of this region's backups (FSx CreateFileSystemFromBackup). */
  async restore(input: RestoreBackupInput): Promise<RestoreBackupSuccess | ErrorResult> {
    const clientRequestToken = input.clientRequestToken ?? randomUUID();
    const holdRefused = holdScopeMissing(this.principal, this.guards, input.tags);
    if (holdRefused) return holdRefused;
    try {
      const hidden = await this.hiddenFromCaller(input.backupId);
      if (hidden) return hidden;
      const out = await this.fsx.send(new CreateFileSystemFromBackupCommand(toRestoreRequest(input, clientRequestToken)));
      if (!out.FileSystem || !hasFileSystemId(out.FileSystem)) return malformedAnswer('CreateFileSystemFromBackup', 'a FileSystemId');
      return result(RestoreBackupSuccess, { fileSystem: toFileSystem(out.FileSystem, this.place), clientRequestToken });
    } catch (error) {
      return mapFsxError(error, { backupId: input.backupId, region: this.place.region }, RESTORE_BACKUP_ERRORS);
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
    const holdRefused = holdScopeMissing(this.principal, this.guards, input.tags);
    if (holdRefused) return holdRefused;
    try {
      const hidden = await this.hiddenFromCaller(input.backupId);
      if (hidden) return hidden;
      if (storageVirtualMachineId !== undefined && this.principal.fileSystemIds) {
        const fileSystemId = await this.storageVirtualMachines.fileSystemOf(storageVirtualMachineId);
        if (!canSee(this.principal, fileSystemId))
          return storageVirtualMachineNotFound(storageVirtualMachineId, { region: this.place.region });
      }
      const out = await this.fsx.send(new CreateVolumeFromBackupCommand(toRestoreVolumeRequest(input, clientRequestToken)));
      if (!out.Volume || !hasVolumeId(out.Volume)) return malformedAnswer('CreateVolumeFromBackup', 'a VolumeId');
      return result(RestoreVolumeSuccess, { volume: toVolume(out.Volume, this.place), clientRequestToken });
    } catch (error) {
      return mapFsxError(error, { backupId: input.backupId, storageVirtualMachineId, region: this.place.region }, RESTORE_VOLUME_ERRORS);
    }
  }

  /** FSx TagResource on the backup's ARN (backup-tagging.ts). */
  tag(input: TagBackupInput): Promise<TagBackupSuccess | ErrorResult> {
    return this.tagging.tag(input);
  }

  /** FSx UntagResource on the backup's ARN (backup-tagging.ts). */
  untag(input: UntagBackupInput): Promise<UntagBackupSuccess | ErrorResult> {
    return this.tagging.untag(input);
  }

  /**
   * A caller limited to some file systems may delete, copy or restore only backups it can see: that
   * takes a lookup (in `source`'s region: a copy's source may be in another).
   */
  private async hiddenFromCaller(backupId: string, source: Pick<BackupService, 'find'> = this): Promise<BackupNotFound | undefined> {
    if (this.principal.fileSystemIds === undefined) return undefined;
    const found = await source.find(backupId);
    return found instanceof BackupNotFound ? found : undefined;
  }
}
