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
import {
  checkFileSystemQuota,
  checkNetworkSettings,
  checkOpenZfsConfiguration,
  checkPerUnitStorageThroughput,
  checkWindowsConfiguration,
} from './file-system-checks';
import { FsxError, badRequest, backupNotFound, incompatibleParameter } from '../protocol/errors';
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

type Config = Record<string, unknown>;

const CONFIG_MEMBER = { WINDOWS: 'WindowsConfiguration', LUSTRE: 'LustreConfiguration', OPENZFS: 'OpenZFSConfiguration' } as const;
type RestorableType = keyof typeof CONFIG_MEMBER;

/** "Valid values are 2.10, 2.12, and 2.15." (FileSystemTypeVersion of this operation) */
const LUSTRE_VERSIONS = ['2.10', '2.12', '2.15'];
/** OpenZFS StorageCapacity range on restore ("from 64 GiB up to 524,288 GiB"). */
const OPENZFS_CAPACITY = { min: 64, max: 524_288 };

const versionNumber = (v: string): number[] => v.split('.').map(Number);
const olderThan = (a: string, b: string): boolean => {
  const [x, y] = [versionNumber(a), versionNumber(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) < (y[i] ?? 0);
  return false;
};

/** Member checks of the request's per-type configuration (the model's required members and bounds). */
function validateConfiguration(type: RestorableType, config: Config): void {
  const member = CONFIG_MEMBER[type];
  if (type === 'WINDOWS') checkWindowsConfiguration(config, member);
  if (type === 'LUSTRE') {
    const deployment = oneOf(`${member}.DeploymentType`, config.DeploymentType, MODEL_ENUMS.LustreDeploymentType);
    // Guess: a backup restores into a persistent file system only (scratch file systems have no backups).
    if (deployment?.startsWith('SCRATCH'))
      throw badRequest(`${member}.DeploymentType ${deployment}: a backup restores into a PERSISTENT file system.`);
    optionalInteger(config, 'PerUnitStorageThroughput', FSX.PerUnitStorageThroughput, `${member}.PerUnitStorageThroughput`);
    for (const path of ['ImportPath', 'ExportPath']) {
      if (config[path] !== undefined)
        throw badRequest(`${member}.${path}: a file system restored from a backup is not linked to a data repository.`);
    }
  }
  if (type === 'OPENZFS') checkOpenZfsConfiguration(config, member);
  if (config.PreferredSubnetId !== undefined) checkString(`${member}.PreferredSubnetId`, config.PreferredSubnetId, FSX.SubnetId);
}

/** The backed-up file system's configuration in the shape of a create request, without what belongs to its network. */
function inherited(fs: FileSystemRecord): Config {
  if (fs.fileSystemType === 'WINDOWS') {
    const {
      PreferredSubnetId: _p,
      PreferredFileServerIp: _ip,
      RemoteAdministrationEndpoint: _r,
      MaintenanceOperationsInProgress: _m,
      Aliases,
      ...rest
    } = fs.windowsConfiguration ?? {};
    return { ...rest, Aliases: ((Aliases as Array<{ Name: string }> | undefined) ?? []).map((a) => a.Name) };
  }
  if (fs.fileSystemType === 'LUSTRE') {
    const { DataRepositoryConfiguration: _d, MountName: _m, ...rest } = fs.lustreConfiguration ?? {};
    return rest;
  }
  const { PreferredSubnetId: _p, EndpointIpAddress: _e, RootVolumeId: _r, ...rest } = fs.openZfsConfiguration ?? {};
  return rest;
}

/** The request's configuration over the backup's; a new Active Directory replaces the old one entirely. */
function merged(type: RestorableType, base: Config, override: Config | undefined): Config {
  if (!override) return base;
  const result = { ...base, ...override };
  if (type === 'WINDOWS' && ('ActiveDirectoryId' in override || 'SelfManagedActiveDirectoryConfiguration' in override)) {
    if (!('ActiveDirectoryId' in override)) delete result.ActiveDirectoryId;
    if (!('SelfManagedActiveDirectoryConfiguration' in override)) delete result.SelfManagedActiveDirectoryConfiguration;
  }
  return result;
}

function checkStorage(type: RestorableType, config: Config, backupFs: FileSystemRecord, storageType: string): void {
  const deployment = config.DeploymentType as string | undefined;
  if (storageType === 'HDD') {
    if (type !== 'WINDOWS' && !(type === 'LUSTRE' && deployment === 'PERSISTENT_1')) {
      throw badRequest(`StorageType HDD is supported on FSx for Windows SINGLE_AZ_2 and MULTI_AZ_1 only (and Lustre PERSISTENT_1).`);
    }
    if (type === 'WINDOWS' && deployment !== 'SINGLE_AZ_2' && deployment !== 'MULTI_AZ_1') {
      throw badRequest(`StorageType HDD is supported on SINGLE_AZ_2 and MULTI_AZ_1 Windows file systems, not ${deployment}.`);
    }
    if (backupFs.storageType !== 'HDD' && backupFs.storageCapacity < 2000) {
      throw badRequest(
        `An HDD file system can be created from a backup of an SSD file system of at least 2000 GiB; this one had ${backupFs.storageCapacity} GiB.`,
      );
    }
  }
  if (
    storageType === 'INTELLIGENT_TIERING' &&
    !(type === 'OPENZFS' && deployment === 'MULTI_AZ_1') &&
    !(type === 'LUSTRE' && deployment === 'PERSISTENT_2')
  ) {
    throw badRequest('StorageType INTELLIGENT_TIERING is available for OpenZFS MULTI_AZ_1 and Lustre PERSISTENT_2 file systems only.');
  }
  if (type === 'LUSTRE') checkPerUnitStorageThroughput(deployment, storageType, config.PerUnitStorageThroughput);
}

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

  let storageCapacity = backupFs.storageCapacity;
  if (capacityInput !== undefined) {
    if (type === 'OPENZFS') {
      if (capacityInput < Math.max(OPENZFS_CAPACITY.min, backupFs.storageCapacity) || capacityInput > OPENZFS_CAPACITY.max) {
        throw badRequest(
          `StorageCapacity must be between the backup's ${backupFs.storageCapacity} GiB (at least ${OPENZFS_CAPACITY.min}) and ${OPENZFS_CAPACITY.max} GiB.`,
        );
      }
    } else if (capacityInput !== backupFs.storageCapacity) {
      throw badRequest(`StorageCapacity of a restored ${type} file system must match the backup's (${backupFs.storageCapacity} GiB).`);
    }
    storageCapacity = capacityInput;
  }
  const storageType = storageTypeInput ?? backupFs.storageType;
  checkStorage(type, config, backupFs, storageType);
  let fileSystemTypeVersion = backupFs.fileSystemTypeVersion;
  if (versionInput !== undefined) {
    if (type !== 'LUSTRE') throw badRequest(`FileSystemTypeVersion applies to Lustre file systems only, not ${type}.`);
    if (!LUSTRE_VERSIONS.includes(versionInput)) throw badRequest(`FileSystemTypeVersion must be one of: ${LUSTRE_VERSIONS.join(', ')}.`);
    if (backupFs.fileSystemTypeVersion && olderThan(versionInput, backupFs.fileSystemTypeVersion)) {
      throw badRequest(`FileSystemTypeVersion ${versionInput} is older than the backup's ${backupFs.fileSystemTypeVersion}.`);
    }
    fileSystemTypeVersion = versionInput;
  }

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
