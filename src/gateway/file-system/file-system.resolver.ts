import { Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { SCOPES } from '../auth/principal';
import { FileSystem } from '../fsx/shapes.generated';
import { ConnectionArgs } from '../pagination/connection.args';
import { pageComplexity } from '../pagination/page-complexity';
import { inRegion } from '../results/invalid-input';
import { BackupsResult, FileSystemResult, FileSystemsResult } from '../results/unions';
import { FileSystemArgs, FileSystemsArgs } from './file-system.args';
import type { FileSystemContext } from './file-system.context';

@Resolver(() => FileSystem)
export class FileSystemResolver {
  @Authorized(SCOPES.read)
  @Query(() => FileSystemResult, {
    description: 'One file system (DescribeFileSystems), batched with every other lookup in the operation. Needs backups:read.',
  })
  fileSystem(@Args() { fileSystemId, region }: FileSystemArgs, @Ctx() ctx: FileSystemContext) {
    return inRegion(ctx.fileSystems, region, ['region'], (fileSystems) => fileSystems.get(fileSystemId));
  }

  @Authorized(SCOPES.read)
  @Query(() => FileSystemsResult, {
    description: 'File systems, paged (DescribeFileSystems). Needs backups:read.',
    complexity: pageComplexity,
  })
  fileSystems(@Args() args: FileSystemsArgs, @Ctx() ctx: FileSystemContext) {
    return inRegion(ctx.fileSystems, args.region, ['region'], (fileSystems) => fileSystems.list(args));
  }

  @Authorized(SCOPES.read)
  @FieldResolver(() => BackupsResult, {
    description: "This file system's backups. Across many file systems in one operation: one DescribeBackups per 20 file systems and page.",
    complexity: pageComplexity,
  })
  backups(@Root() fileSystem: FileSystem, @Args() { first, after }: ConnectionArgs, @Ctx() ctx: FileSystemContext) {
    // A file system's backups are in its region; one the gateway does not serve (a copy's source file system) is refused.
    return inRegion(ctx.backups, fileSystem.region, ['region'], (backups) => backups.forFileSystem(fileSystem.fileSystemId, first, after));
  }
}
