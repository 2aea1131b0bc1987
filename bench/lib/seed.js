'use strict';
const { CreateBackupCommand, CreateFileSystemCommand } = require('@aws-sdk/client-fsx');

const KINDS = [
  { FileSystemType: 'WINDOWS', WindowsConfiguration: { ThroughputCapacity: 32, DeploymentType: 'SINGLE_AZ_2' } },
  { FileSystemType: 'OPENZFS', OpenZFSConfiguration: { DeploymentType: 'SINGLE_AZ_1', ThroughputCapacity: 64 } },
  { FileSystemType: 'LUSTRE', LustreConfiguration: { DeploymentType: 'PERSISTENT_2', PerUnitStorageThroughput: 125 } },
];

/** Creates `fileSystems` backup-able file systems and `perFs` backups of each (created round-robin). */
async function seedEstate(fsx, { fileSystems, perFs, tag = 'bench' }) {
  const fileSystemIds = [];
  for (let i = 0; i < fileSystems; i++) {
    const out = await fsx.send(
      new CreateFileSystemCommand({
        ...KINDS[i % KINDS.length],
        StorageCapacity: 1200,
        SubnetIds: ['subnet-0123456789abcdef0'],
        Tags: [{ Key: 'Name', Value: `${tag}-fs-${i}` }],
        ClientRequestToken: `${tag}-fs-${i}`,
      }),
    );
    fileSystemIds.push(out.FileSystem.FileSystemId);
  }
  const backupIds = [];
  for (let round = 0; round < perFs; round++) {
    for (const [i, id] of fileSystemIds.entries()) {
      const out = await fsx.send(
        new CreateBackupCommand({
          FileSystemId: id,
          ClientRequestToken: `${tag}-b-${i}-${round}`,
          Tags: [{ Key: 'Name', Value: `${tag}-backup-${i}-${round}` }],
        }),
      );
      backupIds.push(out.Backup.BackupId);
    }
  }
  return { fileSystemIds, backupIds };
}

/** `n` Lustre file systems, AVAILABLE at once (FSx allows one backup in progress per file system), 10 at a time. */
async function createLustreFileSystems(fsx, n, tokenPrefix) {
  const ids = [];
  for (let g = 0; g < n; g += 10) {
    const made = await Promise.all(
      Array.from({ length: Math.min(10, n - g) }, (_, k) =>
        fsx.send(
          new CreateFileSystemCommand({
            FileSystemType: 'LUSTRE',
            LustreConfiguration: { DeploymentType: 'PERSISTENT_2', PerUnitStorageThroughput: 125 },
            StorageCapacity: 1200,
            SubnetIds: ['subnet-0123456789abcdef0'],
            ClientRequestToken: `${tokenPrefix}-${g + k}`,
          }),
        ),
      ),
    );
    ids.push(...made.map((out) => out.FileSystem.FileSystemId));
  }
  return ids;
}

module.exports = { seedEstate, createLustreFileSystems };
