import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { SCOPES } from '../auth/principal';
import { pageComplexity } from '../pagination/page-complexity';
import { DeletionRule } from '../results/deletion-rule';
import { inRegion } from '../results/invalid-input';
import {
  BackupResult,
  BackupsResult,
  CopyBackupResult,
  CreateBackupResult,
  DeleteBackupResult,
  RestoreBackupResult,
  RestoreVolumeResult,
  TagBackupResult,
  UntagBackupResult,
} from '../results/unions';
import { Backup } from '../fsx/shapes.generated';
import { BackupArgs, BackupsArgs } from './backup.args';
import type { BackupContext } from './backup.context';
import { CopyBackupInput } from './copy-backup.input';
import { CreateBackupInput } from './create-backup.input';
import { DeleteBackupInput } from './delete-backup.input';
import { RestoreBackupInput } from './restore-backup.input';
import { RestoreVolumeInput } from './restore-volume.input';
import { TagBackupInput, UntagBackupInput } from './tag-backup.input';

@Resolver(() => Backup)
export class BackupResolver {
  @Authorized(SCOPES.write)
  @Mutation(() => CreateBackupResult, {
    description:
      'Starts a user-initiated backup (FSx CreateBackup) of a file system (fileSystemId) or of an ONTAP volume (volumeId). Idempotent per clientRequestToken. Poll backup(backupId) until lifecycle is AVAILABLE. Needs backups:write.',
    complexity: 10,
  })
  createBackup(@Arg('input', () => CreateBackupInput) input: CreateBackupInput, @Ctx() ctx: BackupContext) {
    return inRegion(ctx.backups, input.region, ['input', 'region'], (backups) => backups.create(input));
  }

  @Authorized(SCOPES.write)
  @Mutation(() => DeleteBackupResult, {
    description:
      "Deletes a backup (FSx DeleteBackup), unless a deletion guard of the gateway keeps it (DeletionBlocked: legal hold, protected type, minimum age, newest AVAILABLE backups; nothing is sent to FSx). dryRun: only the guards' verdict. Idempotent per clientRequestToken. FSx refuses while the backup is being created, restored or copied. Needs backups:write.",
    complexity: 10,
  })
  deleteBackup(@Arg('input', () => DeleteBackupInput) input: DeleteBackupInput, @Ctx() ctx: BackupContext) {
    return inRegion(ctx.backups, input.region, ['input', 'region'], (backups) => backups.delete(input));
  }

  @Authorized(SCOPES.write)
  @Mutation(() => CopyBackupResult, {
    description:
      'Copies a backup within a region or to another one (FSx CopyBackup); the copy is COPYING until AVAILABLE. Idempotent per clientRequestToken. Needs backups:write.',
    complexity: 10,
  })
  copyBackup(@Arg('input', () => CopyBackupInput) input: CopyBackupInput, @Ctx() ctx: BackupContext) {
    return inRegion(ctx.backups, input.destinationRegion, ['input', 'destinationRegion'], (destination) =>
      inRegion(ctx.backups, input.sourceRegion ?? destination.region, ['input', 'sourceRegion'], (source) =>
        destination.copy(input, source),
      ),
    );
  }

  @Authorized(SCOPES.restore)
  @Mutation(() => RestoreBackupResult, {
    description:
      "Restores a backup to a new file system in the backup's region (FSx CreateFileSystemFromBackup); it is CREATING until AVAILABLE. Creates billable infrastructure: needs backups:restore. Idempotent per clientRequestToken.",
    complexity: 10,
  })
  restoreBackup(@Arg('input', () => RestoreBackupInput) input: RestoreBackupInput, @Ctx() ctx: BackupContext) {
    return inRegion(ctx.backups, input.region, ['input', 'region'], (backups) => backups.restore(input));
  }

  @Authorized(SCOPES.restore)
  @Mutation(() => RestoreVolumeResult, {
    description:
      "Restores an ONTAP volume backup to a new volume in a storage virtual machine of the backup's region (FSx CreateVolumeFromBackup); it is CREATING until CREATED. Creates billable infrastructure: needs backups:restore. Idempotent per clientRequestToken.",
    complexity: 10,
  })
  restoreVolume(@Arg('input', () => RestoreVolumeInput) input: RestoreVolumeInput, @Ctx() ctx: BackupContext) {
    return inRegion(ctx.backups, input.region, ['input', 'region'], (backups) => backups.restoreVolume(input));
  }

  @Authorized(SCOPES.write)
  @Mutation(() => TagBackupResult, {
    description:
      "Adds tags to a backup, or changes the values of keys it has (FSx TagResource on the backup's ARN). A backup holds at most 50 tags (ServiceLimitExceeded TOTAL_USER_TAGS). Idempotent. Needs backups:write.",
    complexity: 10,
  })
  tagBackup(@Arg('input', () => TagBackupInput) input: TagBackupInput, @Ctx() ctx: BackupContext) {
    return inRegion(ctx.backups, input.region, ['input', 'region'], (backups) => backups.tag(input));
  }

  @Authorized(SCOPES.write)
  @Mutation(() => UntagBackupResult, {
    description:
      "Removes tags from a backup by key (FSx UntagResource on the backup's ARN); keys it does not have are ignored. Idempotent. Needs backups:write.",
    complexity: 10,
  })
  untagBackup(@Arg('input', () => UntagBackupInput) input: UntagBackupInput, @Ctx() ctx: BackupContext) {
    return inRegion(ctx.backups, input.region, ['input', 'region'], (backups) => backups.untag(input));
  }

  @Authorized(SCOPES.read)
  @FieldResolver(() => Backup, {
    nullable: true,
    description:
      'The backup this one was copied from (sourceBackupId in sourceBackupRegion), through the same batched lookups: one DescribeBackups per region for any number of copies. Null when it is gone, hidden from the caller, or in a region the gateway does not serve.',
  })
  sourceBackup(@Root() backup: Backup, @Ctx() ctx: BackupContext) {
    if (!backup.sourceBackupId) return null;
    const source = ctx.backups.in(backup.sourceBackupRegion ?? backup.region);
    return source ? source.reference(backup.sourceBackupId) : null;
  }

  @Authorized(SCOPES.read)
  @FieldResolver(() => [DeletionRule], {
    description:
      "The deletion guards that keep this backup now (empty: deleteBackup may delete it), in order of precedence: what a client needs to grey out Delete and say why. keepLatest's sibling reads are batched: one DescribeBackups per 20 file systems (volumes) of the backups asked about, per page of data. When FSx cannot be read for them, KEEP_LATEST is listed. Needs backups:read.",
  })
  deletionBlockedBy(@Root() backup: Backup, @Ctx() ctx: BackupContext): Promise<DeletionRule[]> {
    const backups = ctx.backups.in(backup.region);
    return backups ? backups.deletionBlockedBy(backup) : Promise.resolve([]);
  }

  @Authorized(SCOPES.read)
  @Query(() => BackupResult, {
    description: 'One backup. Any number of these in one operation cost ⌈n/50⌉ DescribeBackups calls. Needs backups:read.',
  })
  backup(@Args() { backupId, region }: BackupArgs, @Ctx() ctx: BackupContext) {
    return inRegion(ctx.backups, region, ['region'], (backups) => backups.get(backupId));
  }

  @Authorized(SCOPES.read)
  @Query(() => BackupsResult, {
    description: 'Backups in FSx order, filtered and paged (DescribeBackups). Needs backups:read.',
    complexity: pageComplexity,
  })
  backups(@Args() args: BackupsArgs, @Ctx() ctx: BackupContext) {
    return inRegion(ctx.backups, args.region, ['region'], (backups) => backups.list(args));
  }
}
