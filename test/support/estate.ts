import { CreateBackupCommand, CreateFileSystemCommand, FSxClient } from '@aws-sdk/client-fsx';
import type { RunningEmulator } from '../../src/emulator';

/** Builds test data through the FSx API itself (the SDK against the emulator), like a user would. */
export function fsxClientFor(emulator: RunningEmulator): FSxClient {
  return new FSxClient({ endpoint: emulator.url, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
}

export async function createOpenZfsFileSystems(client: FSxClient, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const out = await client.send(
      new CreateFileSystemCommand({
        FileSystemType: 'OPENZFS',
        StorageCapacity: 64,
        SubnetIds: ['subnet-0123456789abcdef0'],
        OpenZFSConfiguration: { DeploymentType: 'SINGLE_AZ_1', ThroughputCapacity: 64 },
        Tags: [{ Key: 'Name', Value: `fixture-${i}` }],
      }),
    );
    ids.push(out.FileSystem!.FileSystemId!);
  }
  return ids;
}

/** Backups one after another (the emulator must run with backupDurationMs 0, or BackupInProgress stops it). */
export async function createBackups(client: FSxClient, fileSystemId: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const out = await client.send(new CreateBackupCommand({ FileSystemId: fileSystemId }));
    ids.push(out.Backup!.BackupId!);
  }
  return ids;
}
