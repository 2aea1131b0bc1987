import { type FSxClient, TagResourceCommand, UntagResourceCommand } from '@aws-sdk/client-fsx';
import type { Principal } from '../auth/principal';
import { mapFsxError } from '../errors/map-fsx-error';
import type { Backup } from '../fsx/shapes.generated';
import { resourceArnOf } from '../fsx/resource-arn';
import { noteAuditedResource } from '../observability/mutation-audit';
import { BackupNotFound, type ErrorResult, type ResultType, result } from '../results/error-result';
import { TagBackupSuccess, UntagBackupSuccess } from '../results/mutation-success.types';
import { TAG_BACKUP_ERRORS, UNTAG_BACKUP_ERRORS } from '../results/unions';
import type { BackupReader } from './backup.reader';
import type { DeletionGuards } from './deletion-guards';
import { holdScopeMissing } from './legal-hold';
import type { TagBackupInput, UntagBackupInput } from './tag-backup.input';
import { toFsxTags } from './to-fsx-requests';

/**
 * A backup's tags, changed on its ARN, which the gateway reads from the backup itself (one
 * DescribeBackups, batched with the request's other lookups): a backup hidden from the caller is
 * BackupNotFound before FSx hears of it, exactly like a missing one. Both changes are idempotent by
 * nature. FSx's tag calls answer nothing, so the backup answered is the one just read, changed as FSx
 * changes it, and later lookups of the request see it so. The legal-hold tag is changed only with
 * backups:hold (legal-hold.ts).
 */
export class BackupTagging {
  constructor(
    private readonly fsx: FSxClient,
    private readonly reader: BackupReader,
    private readonly principal: Principal,
    private readonly guards: DeletionGuards,
  ) {}

  /** FSx TagResource: the new tags laid over the backup's. */
  async tag(input: TagBackupInput): Promise<TagBackupSuccess | ErrorResult> {
    const holdRefused = holdScopeMissing(this.principal, this.guards, input.tags);
    if (holdRefused) return holdRefused;
    return this.changeTags(input.backupId, TAG_BACKUP_ERRORS, async (backup, ResourceARN) => {
      await this.fsx.send(new TagResourceCommand({ ResourceARN, Tags: toFsxTags(input.tags) }));
      const tags = new Map((backup.tags ?? []).map((t) => [t.key, t.value]));
      for (const t of input.tags) tags.set(t.key, t.value);
      return result(TagBackupSuccess, {
        backup: this.reader.withTags(
          backup,
          [...tags].map(([key, value]) => ({ key, value })),
        ),
      });
    });
  }

  /** FSx UntagResource. Keys the backup does not have are ignored, as FSx does. */
  async untag(input: UntagBackupInput): Promise<UntagBackupSuccess | ErrorResult> {
    const holdRefused = holdScopeMissing(this.principal, this.guards, input.tagKeys);
    if (holdRefused) return holdRefused;
    return this.changeTags(input.backupId, UNTAG_BACKUP_ERRORS, async (backup, ResourceARN) => {
      await this.fsx.send(new UntagResourceCommand({ ResourceARN, TagKeys: input.tagKeys }));
      const removed = new Set(input.tagKeys);
      return result(UntagBackupSuccess, {
        backup: this.reader.withTags(
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
      const backup = await this.reader.find(backupId);
      if (backup instanceof BackupNotFound) return backup;
      const arn = resourceArnOf('Backup', backup);
      noteAuditedResource(arn);
      return await change(backup, arn);
    } catch (error) {
      return mapFsxError(error, { backupId, region: this.reader.place.region }, allowed);
    }
  }
}
