/**
 * CreateFileSystem: enough to make WINDOWS, LUSTRE, ONTAP and OPENZFS file systems for tests and
 * demos. It validates what decides backup behaviour, the members FSx requires, the subnet count of
 * the deployment type and Lustre's per-unit throughput; it does not model other storage/throughput
 * combinations or Active Directory reachability. A new file system is CREATING for
 * fileSystemDurationMs, then AVAILABLE.
 */
import type { OperationContext } from '../context';
import { newResourceId } from '../ids';
import { badRequest, FsxError } from '../protocol/errors';
import { initialStorageVirtualMachines } from '../store/storage-virtual-machine-factory';
import { initialVolumes } from '../store/volume-factory';
import { buildFileSystem } from '../store/file-system-factory';
import type { FileSystemType } from '../store/records';
import { FSX, MODEL_ENUMS } from '../../fsx-model';
import {
  checkString,
  oneOf,
  optionalInteger,
  optionalStringList,
  optionalObject,
  optionalString,
  requireString,
  validateClientRequestToken,
  validateTags,
} from '../validation';
import { fileSystemToWire } from '../wire';
import {
  checkFileSystemQuota,
  checkNetworkSettings,
  checkOpenZfsConfiguration,
  checkPerUnitStorageThroughput,
  checkWindowsConfiguration,
} from './file-system-checks';
import { assertSameRequest, requestFingerprint } from './idempotency';

function missingConfiguration(type: string, member: string): FsxError {
  return new FsxError('MissingFileSystemConfiguration', `A ${type} file system needs ${member}.`);
}

export function createFileSystem(input: Record<string, unknown>, ctx: OperationContext) {
  const token = validateClientRequestToken(input);
  const type = requireString(input, 'FileSystemType') as FileSystemType;
  oneOf('FileSystemType', type, MODEL_ENUMS.FileSystemType, true);
  const subnets = optionalStringList(input, 'SubnetIds', FSX.SubnetIds, FSX.SubnetId);
  if (!subnets || subnets.length < 1) throw badRequest('SubnetIds is required.');
  // Guess: FSx only omits StorageCapacity when restoring from a backup, which we do not model.
  const storageCapacity = optionalInteger(input, 'StorageCapacity', { ...FSX.StorageCapacity, min: 1 });
  if (storageCapacity === undefined) throw badRequest('StorageCapacity is required.');
  const storageType = optionalString(input, 'StorageType');
  oneOf('StorageType', storageType, MODEL_ENUMS.StorageType);
  const tags = validateTags(input, 'Tags') ?? [];
  const kmsKeyId = optionalString(input, 'KmsKeyId');

  const windows = optionalObject(input, 'WindowsConfiguration');
  const lustre = optionalObject(input, 'LustreConfiguration');
  const ontap = optionalObject(input, 'OntapConfiguration');
  const openZfs = optionalObject(input, 'OpenZFSConfiguration');

  if (type === 'WINDOWS') {
    if (!windows) throw missingConfiguration(type, 'WindowsConfiguration');
    checkWindowsConfiguration(windows);
  }
  if (type === 'LUSTRE' && lustre) {
    oneOf('LustreConfiguration.DeploymentType', lustre.DeploymentType, MODEL_ENUMS.LustreDeploymentType);
    for (const member of ['ImportPath', 'ExportPath']) {
      const path = optionalString(lustre, member);
      if (path !== undefined && !/^s3:\/\/[^/]+/.test(path)) {
        throw new FsxError(member === 'ImportPath' ? 'InvalidImportPath' : 'InvalidExportPath', `${member} must be an s3:// path.`);
      }
    }
    if (lustre.ExportPath !== undefined && lustre.ImportPath === undefined) {
      throw badRequest('LustreConfiguration.ExportPath requires ImportPath.');
    }
  }
  if (type === 'ONTAP') {
    if (!ontap) throw missingConfiguration(type, 'OntapConfiguration');
    oneOf('OntapConfiguration.DeploymentType', ontap.DeploymentType, MODEL_ENUMS.OntapDeploymentType, true);
  }
  if (type === 'OPENZFS') {
    if (!openZfs) throw missingConfiguration(type, 'OpenZFSConfiguration');
    checkOpenZfsConfiguration(openZfs);
  }

  const { ClientRequestToken: _token, ...request } = input;
  const canonical = requestFingerprint(request);
  if (token !== undefined) {
    const previous = ctx.store.getToken('createFileSystem', token);
    if (previous) {
      assertSameRequest(previous.request, request);
      const existing = ctx.store.getFileSystem(previous.fileSystemId);
      if (existing) return { FileSystem: fileSystemToWire(existing, ctx) };
    }
  }

  // Input-only checks FSx makes beyond the model, then the quota.
  if (type === 'LUSTRE') {
    optionalInteger(lustre ?? {}, 'PerUnitStorageThroughput', FSX.PerUnitStorageThroughput, 'LustreConfiguration.PerUnitStorageThroughput');
    checkPerUnitStorageThroughput(lustre?.DeploymentType ?? 'SCRATCH_1', storageType ?? 'SSD', lustre?.PerUnitStorageThroughput);
  }
  const config = type === 'WINDOWS' ? windows : type === 'ONTAP' ? ontap : type === 'OPENZFS' ? openZfs : lustre;
  const preferredSubnetId = config?.PreferredSubnetId;
  if (preferredSubnetId !== undefined) checkString(`PreferredSubnetId`, preferredSubnetId, FSX.SubnetId);
  checkNetworkSettings({
    deploymentType: config?.DeploymentType as string | undefined,
    subnetIds: subnets,
    securityGroupIds: optionalStringList(input, 'SecurityGroupIds', FSX.SecurityGroupIds, FSX.SecurityGroupId),
    preferredSubnetId: preferredSubnetId as string | undefined,
  });
  checkFileSystemQuota(ctx);

  const fs = buildFileSystem({
    fileSystemId: newResourceId('fs'),
    createdAtMs: ctx.clock.now(),
    durationMs: ctx.fileSystemDurationMs,
    fileSystemType: type,
    storageCapacity,
    storageType,
    subnetIds: subnets,
    tags,
    kmsKeyId,
    fileSystemTypeVersion: optionalString(input, 'FileSystemTypeVersion'),
    region: ctx.region,
    accountId: ctx.accountId,
    // Guess: the emulator cannot ask Directory Service for an AWS managed AD's domain.
    activeDirectoryDomainName: windows?.ActiveDirectoryId ? 'corp.example.com' : undefined,
    windows: type === 'WINDOWS' ? windows : undefined,
    lustre: type === 'LUSTRE' ? lustre : undefined,
    ontap: type === 'ONTAP' ? ontap : undefined,
    openZfs: type === 'OPENZFS' ? openZfs : undefined,
  });
  ctx.store.putFileSystem(fs);
  for (const svm of initialStorageVirtualMachines(fs)) ctx.store.putStorageVirtualMachine(svm);
  for (const volume of initialVolumes(fs)) ctx.store.putVolume(volume);
  if (token !== undefined) ctx.store.putToken('createFileSystem', token, { fileSystemId: fs.fileSystemId, request: canonical });
  return { FileSystem: fileSystemToWire(fs, ctx) };
}
