import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { SCOPES } from '../auth/principal';
import { FileSystemType } from '../fsx/enums.generated';
import { FileSystem, StorageVirtualMachine } from '../fsx/shapes.generated';
import { ConnectionArgs } from '../pagination/connection.args';
import { pageComplexity } from '../pagination/page-complexity';
import { inRegion } from '../results/invalid-input';
import { BackupsResult, FileSystemResult, FileSystemsResult, UpdateBackupSettingsResult, VolumesResult } from '../results/unions';
import { BackupSettings, backupSettingsOf } from './backup-settings';
import { FileSystemArgs, FileSystemsArgs } from './file-system.args';
import type { FileSystemContext } from './file-system.context';
import { UpdateBackupSettingsInput } from './update-backup-settings.input';

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

  @Authorized(SCOPES.read)
  @FieldResolver(() => VolumesResult, {
    description:
      "This file system's volumes (ONTAP and OpenZFS; none for Windows and Lustre). Across many file systems in one operation: one DescribeVolumes per 20 file systems and page.",
    complexity: pageComplexity,
  })
  volumes(@Root() fileSystem: FileSystem, @Args() { first, after }: ConnectionArgs, @Ctx() ctx: FileSystemContext) {
    return inRegion(ctx.volumes, fileSystem.region, ['region'], (volumes) => volumes.forFileSystem(fileSystem.fileSystemId, first, after));
  }

  @Authorized(SCOPES.read)
  @FieldResolver(() => [StorageVirtualMachine], {
    description:
      "This ONTAP file system's storage virtual machines (DescribeStorageVirtualMachines); an empty list, without an FSx call, for the other types. Across many file systems in one operation: one call per 20 ONTAP file systems. An FSx failure is a top-level error with extensions.code FSX_ERROR.",
  })
  storageVirtualMachines(
    @Root() fileSystem: FileSystem,
    @Ctx() ctx: FileSystemContext,
  ): StorageVirtualMachine[] | Promise<StorageVirtualMachine[]> {
    if (fileSystem.fileSystemType !== FileSystemType.ONTAP) return [];
    // A backup's snapshot of a file system in a region the gateway does not serve (a copy's source): nothing to ask.
    const service = ctx.storageVirtualMachines.in(fileSystem.region);
    return service ? service.forFileSystem(fileSystem.fileSystemId) : [];
  }

  @FieldResolver(() => BackupSettings, {
    nullable: true,
    description: 'The automatic daily backup settings, from the configuration of the file system type (no FSx call).',
  })
  backupSettings(@Root() fileSystem: FileSystem): BackupSettings | null {
    return backupSettingsOf(fileSystem);
  }

  @Authorized(SCOPES.write)
  @Mutation(() => UpdateBackupSettingsResult, {
    description:
      "Changes a file system's automatic-backup settings (FSx UpdateFileSystem, nothing else of it), in the configuration of its type: retention 0–90 days (0: off), daily start time HH:MM UTC, and on OpenZFS copyTagsToBackups. Needs backups:write.",
    complexity: 10,
  })
  updateBackupSettings(@Arg('input', () => UpdateBackupSettingsInput) input: UpdateBackupSettingsInput, @Ctx() ctx: FileSystemContext) {
    return inRegion(ctx.fileSystems, input.region, ['input', 'region'], (fileSystems) => fileSystems.updateBackupSettings(input));
  }
}
