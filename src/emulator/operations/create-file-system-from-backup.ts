/**
 * CreateFileSystemFromBackup: a new file system of the backup's type and configuration, in the
 * request's region, CREATING until AVAILABLE on the lifecycle clock. "Parameters like the Active
 * Directory, default share name, automatic backup, and backup settings default to the parameters of
 * the file system that was backed up, unless overridden" (API reference): the per-type configuration
 * of the request is laid over the backup's. Where FSx does not document a behaviour the code says it
 * guesses (see docs/emulator.md).
 */
import type { OperationContext } from '../context';
import { newResourceId } from '../ids';
import { checkFileSystemQuota, checkNetworkSettings } from './file-system-checks';
import { CONFIG_MEMBER, type RestorableType, inherited, merged, validateConfiguration } from './restore-configuration';
import { checkStorage, restoredStorageCapacity, restoredTypeVersion } from './restore-storage';
import { FsxError, badRequest, backupNotFound, incompatibleParameter } from '../protocol/errors';
import { initialStorageVirtualMachines } from '../store/storage-virtual-machine-factory';
import { initialVolumes } from '../store/volume-factory';
import { buildFileSystem, fileSystemLifecycle } from '../store/file-system-factory';
import type { FileSystemRecord } from '../store/records';
import { FSX, MODEL_ENUMS } from '../../fsx-model';
import {
  checkString,
  oneOf,
  optionalInteger,
  optionalObject,
  optionalString,
  optionalStringList,
  requireString,
  validateBackupId,
  validateClientRequestToken,
  validateTags,
} from '../validation';
import { backupState, fileSystemToWire } from '../wire';
import { assertSameRequest, requestFingerprint } from './idempotency';

export function createFileSystemFromBackup(input: Record<string, unknown>, ctx: OperationContext) {
  // 1. Shape validation.
  const token = validateClientRequestToken(input);
  const backupId = validateBackupId(requireString(input, 'BackupId'));
  const subnetIds = optionalStringList(input, 'SubnetIds', FSX.SubnetIds, FSX.SubnetId);
  if (!subnetIds || subnetIds.length === 0) throw badRequest('SubnetIds is required.');
  const securityGroupIds = optionalStringList(input, 'SecurityGroupIds', FSX.SecurityGroupIds, FSX.SecurityGroupId);
  const tags = validateTags(input, 'Tags') ?? [];
  const storageTypeInput = oneOf('StorageType', input.StorageType, MODEL_ENUMS.StorageType);
  const kmsKeyId = optionalString(input, 'KmsKeyId');
  if (kmsKeyId !== undefined) checkString('KmsKeyId', kmsKeyId, FSX.KmsKeyId);
  const versionInput = optionalString(input, 'FileSystemTypeVersion');
  if (versionInput !== undefined) checkString('FileSystemTypeVersion', versionInput, FSX.FileSystemTypeVersion);
  const capacityInput = optionalInteger(input, 'StorageCapacity', FSX.StorageCapacity);
  const networkType = oneOf('NetworkType', input.NetworkType, MODEL_ENUMS.NetworkType);
  const configs = {
    WINDOWS: optionalObject(input, 'WindowsConfiguration'),
    LUSTRE: optionalObject(input, 'LustreConfiguration'),
    OPENZFS: optionalObject(input, 'OpenZFSConfiguration'),
  };
  const { store } = ctx;

  // 2. Idempotency: a replay of an accepted request answers the same file system.
  const { ClientRequestToken: _token, ...request } = input;
  if (token !== undefined) {
    const previous = store.getToken('createFileSystemFromBackup', token);
    if (previous) {
      assertSameRequest(previous.request, request);
      const existing = store.getFileSystem(previous.fileSystemId);
      if (existing) return { FileSystem: fileSystemToWire(existing, ctx) };
    }
  }

  // 3. The backup: in this region, restorable, AVAILABLE.
  const backup = store.getBackup(backupId);
  if (!backup) throw backupNotFound(backupId);
  if (backup.volume) {
    throw badRequest(`Backup ${backupId} is a volume backup; restore it with CreateVolumeFromBackup.`);
  }
  const now = ctx.clock.now();
  const { lifecycle } = backupState(backup, now);
  // Guess: FSx's error for a backup that is not AVAILABLE yet (or FAILED) is not documented; BadRequest.
  if (lifecycle !== 'AVAILABLE') throw badRequest(`Backup ${backupId} is ${lifecycle}; only an AVAILABLE backup can be restored.`);
  const backupFs = backup.fileSystem;
  const type = backupFs.fileSystemType;
  if (type === 'ONTAP') throw badRequest(`Backup ${backupId} is of an ONTAP file system; restore its volumes with CreateVolumeFromBackup.`);

  // 4. Configuration: the backup's type only; Windows and OpenZFS need theirs (the model's required throughput and deployment type).
  for (const other of Object.keys(configs) as RestorableType[]) {
    if (other !== type && configs[other]) {
      throw incompatibleParameter(CONFIG_MEMBER[other], `${CONFIG_MEMBER[other]} does not apply to a ${type} backup (${backupId}).`);
    }
  }
  const override = configs[type];
  if (!override && type !== 'LUSTRE') {
    throw new FsxError(
      'MissingFileSystemConfiguration',
      `Restoring a ${type} backup needs ${CONFIG_MEMBER[type]} (with its ThroughputCapacity).`,
    );
  }
  if (override) validateConfiguration(type, override);
  const config = merged(type, inherited(backupFs), override);

  const storageCapacity = restoredStorageCapacity(type, backupFs, capacityInput);
  const storageType = storageTypeInput ?? backupFs.storageType;
  checkStorage(type, config, backupFs, storageType);
  const fileSystemTypeVersion = restoredTypeVersion(type, backupFs, versionInput);

  // 5. Network, then the quota.
  checkNetworkSettings({
    deploymentType: config.DeploymentType as string | undefined,
    subnetIds,
    securityGroupIds,
    preferredSubnetId: config.PreferredSubnetId as string | undefined,
  });
  checkFileSystemQuota(ctx);

  // 6. The file system, CREATING for fileSystemDurationMs.
  const selfManaged = config.SelfManagedActiveDirectoryConfiguration as { DomainName?: string } | undefined;
  const fs = buildFileSystem({
    fileSystemId: newResourceId('fs'),
    createdAtMs: now,
    durationMs: ctx.fileSystemDurationMs,
    restoredFromBackupId: backupId,
    fileSystemType: type,
    storageCapacity,
    storageType,
    subnetIds,
    tags,
    // Guess: without KmsKeyId the restored file system is encrypted with the backup's key.
    kmsKeyId: kmsKeyId ?? backup.kmsKeyId,
    fileSystemTypeVersion,
    networkType,
    region: ctx.region,
    accountId: ctx.accountId,
    activeDirectoryDomainName:
      type !== 'WINDOWS'
        ? undefined
        : override && 'ActiveDirectoryId' in override
          ? 'corp.example.com' // as CreateFileSystem: the emulator cannot ask Directory Service
          : selfManaged
            ? undefined
            : backupFs.activeDirectoryDomainName,
    windows: type === 'WINDOWS' ? config : undefined,
    lustre: type === 'LUSTRE' ? config : undefined,
    openZfs: type === 'OPENZFS' ? config : undefined,
  });
  store.putFileSystem(fs);
  for (const svm of initialStorageVirtualMachines(fs)) store.putStorageVirtualMachine(svm);
  for (const volume of initialVolumes(fs)) store.putVolume(volume);
  if (token !== undefined)
    store.putToken('createFileSystemFromBackup', token, { fileSystemId: fs.fileSystemId, request: requestFingerprint(request) });
  return { FileSystem: fileSystemToWire(fs, ctx) };
}

/** The file system being restored from `backupId` right now (CREATING), if any. */
export function restoringFrom(backupId: string, ctx: OperationContext): FileSystemRecord | undefined {
  const now = ctx.clock.now();
  return ctx.store.listFileSystems().find((fs) => fs.restoredFromBackupId === backupId && fileSystemLifecycle(fs, now) === 'CREATING');
}
