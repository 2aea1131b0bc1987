import { Arg, Args, Ctx, Mutation, Query, Resolver, UseMiddleware } from 'type-graphql';
import type { Context } from '../context';
import { BackupResult, BackupsResult, CreateBackupResult } from '../results/unions';
import { InvalidInputAsResult } from '../validation/invalid-input-as-result';
import { BackupArgs, BackupsArgs } from './backup.args';
import { CreateBackupInput } from './create-backup.input';

@Resolver()
export class BackupResolver {
  @Mutation(() => CreateBackupResult, {
    description: 'Starts a user-initiated backup (FSx CreateBackup). Idempotent per clientRequestToken. Poll backup(backupId) until lifecycle is AVAILABLE.',
  })
  @UseMiddleware(InvalidInputAsResult)
  createBackup(@Arg('input', () => CreateBackupInput) input: CreateBackupInput, @Ctx() ctx: Context) {
    return ctx.backups.create(input);
  }

  @Query(() => BackupResult, { description: 'One backup. Any number of these in one operation cost ⌈n/50⌉ DescribeBackups calls.' })
  @UseMiddleware(InvalidInputAsResult)
  backup(@Args() { backupId }: BackupArgs, @Ctx() ctx: Context) {
    return ctx.backups.get(backupId);
  }

  @Query(() => BackupsResult, { description: 'Backups in FSx order, filtered and paged (DescribeBackups).' })
  @UseMiddleware(InvalidInputAsResult)
  backups(@Args() args: BackupsArgs, @Ctx() ctx: Context) {
    return ctx.backups.list(args);
  }
}
