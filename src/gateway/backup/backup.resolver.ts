import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { SCOPES } from '../auth/principal';
import { pageComplexity } from '../pagination/page-complexity';
import { inRegion } from '../results/invalid-input';
import { BackupResult, BackupsResult, CreateBackupResult, DeleteBackupResult } from '../results/unions';
import { BackupArgs, BackupsArgs } from './backup.args';
import type { BackupContext } from './backup.context';
import { CreateBackupInput } from './create-backup.input';
import { DeleteBackupInput } from './delete-backup.input';

@Resolver()
export class BackupResolver {
  @Authorized(SCOPES.write)
  @Mutation(() => CreateBackupResult, {
    description:
      'Starts a user-initiated backup (FSx CreateBackup). Idempotent per clientRequestToken. Poll backup(backupId) until lifecycle is AVAILABLE. Needs backups:write.',
    complexity: 10,
  })
  createBackup(@Arg('input', () => CreateBackupInput) input: CreateBackupInput, @Ctx() ctx: BackupContext) {
    return inRegion(ctx.backups, input.region, ['input', 'region'], (backups) => backups.create(input));
  }

  @Authorized(SCOPES.write)
  @Mutation(() => DeleteBackupResult, {
    description:
      'Deletes a backup (FSx DeleteBackup). Idempotent per clientRequestToken. Refused while the backup is being created, restored or copied. Needs backups:write.',
    complexity: 10,
  })
  deleteBackup(@Arg('input', () => DeleteBackupInput) input: DeleteBackupInput, @Ctx() ctx: BackupContext) {
    return inRegion(ctx.backups, input.region, ['input', 'region'], (backups) => backups.delete(input));
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
