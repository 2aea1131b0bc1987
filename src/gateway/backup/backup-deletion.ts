import { randomUUID } from 'node:crypto';
import { DeleteBackupCommand, type FSxClient } from '@aws-sdk/client-fsx';
import type { Principal } from '../auth/principal';
import { mapFsxError } from '../errors/map-fsx-error';
import type { BackupLifecycle } from '../fsx/enums.generated';
import type { Backup } from '../fsx/shapes.generated';
import { resourceArnOf } from '../fsx/resource-arn';
import type { Place } from '../fsx/place';
import { noteAuditedResource } from '../observability/mutation-audit';
import type { DeletionRule } from '../results/deletion-rule';
import { BackupNotFound, DeletionBlocked, type ErrorResult, result } from '../results/error-result';
import { DeleteBackupAllowed, DeleteBackupSuccess } from '../results/mutation-success.types';
import { DELETE_BACKUP_ERRORS } from '../results/unions';
import type { BackupEvents } from './backup-events';
import type { BackupReader } from './backup.reader';
import { DeletionCheck } from './deletion-check';
import type { DeletionGuards } from './deletion-guards';
import type { DeleteBackupInput } from './delete-backup.input';

/**
 * deleteBackup behind the deletion guards, for one request: the backup is read (batched with the
 * request's other lookups), the guards decide (deletion-rules.ts), and only then is DeleteBackup sent.
 * A refusal and a dry run send nothing but reads.
 */
export class BackupDeletion {
  private readonly check: DeletionCheck;

  constructor(
    private readonly fsx: FSxClient,
    private readonly place: Place,
    private readonly reader: BackupReader,
    private readonly principal: Principal,
    guards: DeletionGuards,
    private readonly events: BackupEvents,
  ) {
    this.check = new DeletionCheck(fsx, place, guards);
  }

  async delete(input: DeleteBackupInput): Promise<DeleteBackupSuccess | DeleteBackupAllowed | ErrorResult> {
    const { backupId } = input;
    const clientRequestToken = input.clientRequestToken ?? randomUUID();
    try {
      const found = await this.reader.findFresh(backupId);
      const backup = found instanceof BackupNotFound ? null : found;
      // A backup FSx does not describe is not deleted unguarded: it is BackupNotFound. Only a retry
      // (the client's own token) goes to FSx, which answers the success again when that token already
      // deleted it. A caller limited to some file systems cannot tell its own deleted backups from
      // others', so it gets BackupNotFound at once.
      if (found instanceof BackupNotFound && (input.dryRun || !input.clientRequestToken || this.principal.fileSystemIds)) return found;
      if (backup) {
        noteAuditedResource(resourceArnOf('Backup', backup));
        const blocking = await this.check.firstBlocking(backup);
        if (blocking)
          return result(DeletionBlocked, { message: blocking.message, retryable: false, requestId: null, backupId, rule: blocking.rule });
        if (input.dryRun) return result(DeleteBackupAllowed, { backupId });
      }
      const out = await this.fsx.send(new DeleteBackupCommand({ BackupId: backupId, ClientRequestToken: clientRequestToken }));
      if (out.Lifecycle === 'DELETED') this.events.deleted(this.place, out.BackupId ?? backupId);
      return result(DeleteBackupSuccess, {
        backupId: out.BackupId ?? backupId,
        lifecycle: out.Lifecycle as BackupLifecycle | undefined,
        clientRequestToken,
      });
    } catch (error) {
      return mapFsxError(error, { backupId, region: this.place.region }, DELETE_BACKUP_ERRORS);
    }
  }

  /** The guards that keep `backup` (Backup.deletionBlockedBy). */
  blockedBy(backup: Backup): Promise<DeletionRule[]> {
    return this.check.blockedBy(backup);
  }
}
