import { CreateBackupCommand, CreateFileSystemCommand, type FSxClient, type Tag } from '@aws-sdk/client-fsx';
import type { ManualClock } from '../../src/emulator';

/** deleteBackup with every member a guard test reads. */
export const DELETE = /* GraphQL */ `
  mutation Delete($input: DeleteBackupInput!) {
    deleteBackup(input: $input) {
      __typename
      ... on DeleteBackupSuccess {
        backupId
        lifecycle
      }
      ... on DeleteBackupAllowed {
        backupId
      }
      ... on DeletionBlocked {
        backupId
        rule
      }
      ... on BackupNotFound {
        backupId
      }
      ... on Forbidden {
        missingScopes
      }
      ... on ErrorResult {
        message
        retryable
        requestId
      }
    }
  }
`;

/** An OpenZFS file system without automatic backups: moving the emulator's clock makes none. */
export async function quietFileSystem(client: FSxClient): Promise<string> {
  const out = await client.send(
    new CreateFileSystemCommand({
      FileSystemType: 'OPENZFS',
      StorageCapacity: 64,
      SubnetIds: ['subnet-0123456789abcdef0'],
      OpenZFSConfiguration: { DeploymentType: 'SINGLE_AZ_1', ThroughputCapacity: 64, AutomaticBackupRetentionDays: 0 },
    }),
  );
  return out.FileSystem!.FileSystemId!;
}

/**
 * `count` backups of a file system (or volume), a minute apart on the emulator's clock (which needs
 * backupDurationMs 0), oldest first.
 */
export async function backupsInOrder(
  client: FSxClient,
  clock: ManualClock,
  target: { FileSystemId: string } | { VolumeId: string },
  count: number,
  tagsOf: (i: number) => Tag[] | undefined = () => undefined,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    clock.advance(60_000);
    const out = await client.send(new CreateBackupCommand({ ...target, Tags: tagsOf(i) }));
    ids.push(out.Backup!.BackupId!);
  }
  return ids;
}
