import { Field, Int, ObjectType } from 'type-graphql';
import { FileSystemType } from '../fsx/enums.generated';
import type { FileSystem } from '../fsx/shapes.generated';

@ObjectType('BackupSettings', {
  simpleResolvers: true,
  description:
    "A file system's automatic daily backups, read from the configuration of its type (windowsConfiguration, lustreConfiguration, ontapConfiguration or openZFSConfiguration). Change them with updateBackupSettings.",
})
export class BackupSettings {
  @Field(() => Int, { nullable: true, description: 'Days FSx keeps automatic backups, 0–90; 0: no automatic backups.' })
  automaticBackupRetentionDays?: number | null;

  @Field(() => String, { nullable: true, description: 'When the daily automatic backup starts, HH:MM in UTC.' })
  dailyAutomaticBackupStartTime?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Whether backups get the file system's tags (when none are given). Null for ONTAP, whose volumes carry this setting.",
  })
  copyTagsToBackups?: boolean | null;
}

/** One backup setting, by its GraphQL name (the FSx member in camelCase). */
export type BackupSetting = keyof BackupSettings;

/**
 * Where each file system type keeps its backup settings, and which of them UpdateFileSystem can
 * change: the members of UpdateFileSystem<Type>Configuration in the FSx model. Only OpenZFS can change
 * CopyTagsToBackups after creation; Windows, Lustre and ONTAP (volumes) set it when they are created.
 */
export const BACKUP_SETTINGS_BY_TYPE: Readonly<
  Record<
    string,
    {
      configuration: 'WindowsConfiguration' | 'LustreConfiguration' | 'OntapConfiguration' | 'OpenZFSConfiguration';
      settable: readonly BackupSetting[];
    }
  >
> = {
  [FileSystemType.WINDOWS]: {
    configuration: 'WindowsConfiguration',
    settable: ['automaticBackupRetentionDays', 'dailyAutomaticBackupStartTime'],
  },
  [FileSystemType.LUSTRE]: {
    configuration: 'LustreConfiguration',
    settable: ['automaticBackupRetentionDays', 'dailyAutomaticBackupStartTime'],
  },
  [FileSystemType.ONTAP]: {
    configuration: 'OntapConfiguration',
    settable: ['automaticBackupRetentionDays', 'dailyAutomaticBackupStartTime'],
  },
  [FileSystemType.OPENZFS]: {
    configuration: 'OpenZFSConfiguration',
    settable: ['automaticBackupRetentionDays', 'dailyAutomaticBackupStartTime', 'copyTagsToBackups'],
  },
};

/** The backup settings of a file system (or a backup's snapshot of one), or null when its type's configuration is absent. */
export function backupSettingsOf(fileSystem: FileSystem): BackupSettings | null {
  const configuration = configurationOf(fileSystem);
  if (!configuration) return null;
  return Object.assign(new BackupSettings(), {
    automaticBackupRetentionDays: configuration.automaticBackupRetentionDays ?? null,
    dailyAutomaticBackupStartTime: configuration.dailyAutomaticBackupStartTime ?? null,
    // ONTAP file systems have no such member (their volumes do).
    copyTagsToBackups: (configuration as { copyTagsToBackups?: boolean | null }).copyTagsToBackups ?? null,
  });
}

function configurationOf(fileSystem: FileSystem) {
  switch (fileSystem.fileSystemType) {
    case FileSystemType.WINDOWS:
      return fileSystem.windowsConfiguration;
    case FileSystemType.LUSTRE:
      return fileSystem.lustreConfiguration;
    case FileSystemType.ONTAP:
      return fileSystem.ontapConfiguration;
    case FileSystemType.OPENZFS:
      return fileSystem.openZFSConfiguration;
    default:
      return null;
  }
}
