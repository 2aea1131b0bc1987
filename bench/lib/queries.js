'use strict';

const TAGS = 'tags { key value }';
const FILE_SYSTEM = `fileSystem { fileSystemId fileSystemType fileSystemTypeVersion lifecycle storageCapacity storageType vpcId subnetIds networkInterfaceIds dnsName kmsKeyId resourceARN ownerId creationTime networkType ${TAGS} }`;
const BACKUP_SCALARS = `backupId lifecycle type progressPercent creationTime kmsKeyId resourceARN ownerId sourceBackupId sourceBackupRegion resourceType sizeInBytes failureDetails { message } ${TAGS}`;

/** Scenario 2 and 3: 50 backups, every scalar field, and their file system. */
const READ_50 = `query Read50 {
  backups(first: 50) {
    __typename
    ... on BackupConnection { edges { node { ${BACKUP_SCALARS} ${FILE_SYSTEM} } } pageInfo { hasNextPage endCursor } }
    ... on ErrorResult { message }
  }
}`;

const CREATE_BACKUP = `mutation Create($input: CreateBackupInput!) {
  createBackup(input: $input) {
    __typename
    ... on CreateBackupSuccess { clientRequestToken backup { backupId lifecycle type creationTime fileSystem { fileSystemId } } }
    ... on ErrorResult { message retryable }
  }
}`;

/** Scenario 1r: one backup by id, every scalar field and its file system's id. */
const SINGLE_READ = `query SingleRead($backupId: String!) {
  backup(backupId: $backupId) {
    __typename
    ... on Backup { ${BACKUP_SCALARS} fileSystem { fileSystemId fileSystemType } }
    ... on ErrorResult { message }
  }
}`;

const backupsById = (ids) =>
  `query ById {\n${ids.map((id, i) => `  b${i}: backup(backupId: "${id}") { __typename ... on Backup { backupId lifecycle } ... on ErrorResult { message } }`).join('\n')}\n}`;

const LIST_100_WITH_FS = `query List100 {
  backups(first: 100) {
    __typename
    ... on BackupConnection { edges { node { backupId fileSystem { fileSystemId fileSystemType storageCapacity } } } }
    ... on ErrorResult { message }
  }
}`;

const LIST_5_WITH_FS = LIST_100_WITH_FS.replace('first: 100', 'first: 5').replace('List100', 'List5');

const fileSystemsWithBackups = (n) => `query FsBackups {
  fileSystems(first: ${n}) {
    __typename
    ... on FileSystemConnection {
      edges { node { fileSystemId backups(first: 5) {
        __typename
        ... on BackupConnection { edges { node { backupId fileSystem { fileSystemId } } } pageInfo { hasNextPage } }
        ... on ErrorResult { message }
      } } }
    }
    ... on ErrorResult { message }
  }
}`;

const fileSystemsWithVolumes = (n) => `query FsVolumes {
  fileSystems(first: ${n}) {
    __typename
    ... on FileSystemConnection {
      edges { node { fileSystemId fileSystemType volumes(first: 5) {
        __typename
        ... on VolumeConnection { edges { node { volumeId fileSystemId } } pageInfo { hasNextPage } }
        ... on ErrorResult { message }
      } } }
    }
    ... on ErrorResult { message }
  }
}`;

module.exports = {
  READ_50,
  CREATE_BACKUP,
  SINGLE_READ,
  backupsById,
  LIST_100_WITH_FS,
  LIST_5_WITH_FS,
  fileSystemsWithBackups,
  fileSystemsWithVolumes,
};
