import { Args, Ctx, FieldResolver, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import type { Context } from '../context';
import { FileSystem } from '../fsx/shapes.generated';
import { ConnectionArgs } from '../pagination/connection.args';
import { BackupsResult, FileSystemResult, FileSystemsResult } from '../results/unions';
import { InvalidInputAsResult } from '../validation/invalid-input-as-result';
import { FileSystemArgs } from './file-system.args';

@Resolver(() => FileSystem)
export class FileSystemResolver {
  @Query(() => FileSystemResult, { description: 'One file system (DescribeFileSystems), batched with every other lookup in the operation.' })
  @UseMiddleware(InvalidInputAsResult)
  fileSystem(@Args() { fileSystemId }: FileSystemArgs, @Ctx() ctx: Context) {
    return ctx.fileSystems.get(fileSystemId);
  }

  @Query(() => FileSystemsResult, { description: 'File systems, paged (DescribeFileSystems).' })
  @UseMiddleware(InvalidInputAsResult)
  fileSystems(@Args() args: ConnectionArgs, @Ctx() ctx: Context) {
    return ctx.fileSystems.list(args);
  }

  @FieldResolver(() => BackupsResult, {
    description: "This file system's backups. Across many file systems in one operation: one DescribeBackups per 20 file systems and page.",
  })
  @UseMiddleware(InvalidInputAsResult)
  backups(@Root() fileSystem: FileSystem, @Args() { first, after }: ConnectionArgs, @Ctx() ctx: Context) {
    return ctx.backups.forFileSystem(fileSystem.fileSystemId, first, after);
  }
}
