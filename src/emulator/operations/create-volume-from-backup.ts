/**
 * CreateVolumeFromBackup: a new ONTAP volume from an ONTAP volume backup, in the storage virtual
 * machine OntapConfiguration names (any ONTAP file system of the request's region), CREATING for
 * fileSystemDurationMs, then CREATED. The backed-up volume's configuration (security style, size,
 * storage efficiency, tiering, snapshot policy, type, style) is the default for what the request
 * leaves out.
 */
import type { OperationContext } from '../context';
import { newResourceId } from '../ids';
import { FsxError, backupNotFound, badRequest, serviceLimitExceeded, storageVirtualMachineNotFound } from '../protocol/errors';
import { fileSystemLifecycle } from '../store/file-system-factory';
import type { FileSystemRecord } from '../store/records';
import { buildOntapVolume } from '../store/volume-factory';
import { FSX } from '../../fsx-model';
import {
  checkString,
  oneOf,
  optionalBoolean,
  optionalInteger,
  optionalObject,
  optionalString,
  requireString,
  validateBackupId,
  validateClientRequestToken,
  validateTags,
} from '../validation';
import { backupState, volumeToWire } from '../wire';
import { assertSameRequest, requestFingerprint } from './idempotency';

/** "Volumes per file system: 500" (FSx for ONTAP quotas). */
const VOLUMES_PER_FILE_SYSTEM = 500;

/** The enums of CreateOntapVolumeConfiguration, as the model lists them. */
const SECURITY_STYLES = ['UNIX', 'NTFS', 'MIXED'];
const INPUT_ONTAP_VOLUME_TYPES = ['RW', 'DP'];
const VOLUME_STYLES = ['FLEXVOL', 'FLEXGROUP'];
const TIERING_POLICY_NAMES = ['SNAPSHOT_ONLY', 'AUTO', 'ALL', 'NONE'];

/** The members of CreateOntapVolumeConfiguration the emulator takes; the model's others are refused as not emulated. */
function checkOntapConfiguration(o: Record<string, unknown>): string {
  const member = (name: string) => `OntapConfiguration.${name}`;
  const svm = o.StorageVirtualMachineId;
  if (svm === undefined || svm === null) throw badRequest(`${member('StorageVirtualMachineId')} is required.`);
  checkString(member('StorageVirtualMachineId'), svm, FSX.StorageVirtualMachineId);
  const junctionPath = optionalString(o, 'JunctionPath');
  if (junctionPath !== undefined) {
    checkString(member('JunctionPath'), junctionPath, FSX.JunctionPath);
    if (!junctionPath.startsWith('/')) throw badRequest(`${member('JunctionPath')} must start with a forward slash, such as /vol3.`);
  }
  oneOf(member('SecurityStyle'), o.SecurityStyle, SECURITY_STYLES);
  optionalInteger(o, 'SizeInMegabytes', FSX.VolumeCapacity, member('SizeInMegabytes'));
  optionalInteger(o, 'SizeInBytes', FSX.VolumeCapacityBytes, member('SizeInBytes'));
  optionalBoolean(o, 'StorageEfficiencyEnabled');
  optionalBoolean(o, 'CopyTagsToBackups');
  oneOf(member('OntapVolumeType'), o.OntapVolumeType, INPUT_ONTAP_VOLUME_TYPES);
  oneOf(member('VolumeStyle'), o.VolumeStyle, VOLUME_STYLES);
  const snapshotPolicy = optionalString(o, 'SnapshotPolicy');
  if (snapshotPolicy !== undefined) checkString(member('SnapshotPolicy'), snapshotPolicy, FSX.SnapshotPolicy);
  const tiering = optionalObject(o, 'TieringPolicy');
  if (tiering) {
    oneOf(member('TieringPolicy.Name'), tiering.Name, TIERING_POLICY_NAMES);
    optionalInteger(tiering, 'CoolingPeriod', FSX.CoolingPeriod, member('TieringPolicy.CoolingPeriod'));
  }
  for (const notEmulated of ['SnaplockConfiguration', 'AggregateConfiguration']) {
    if (o[notEmulated] !== undefined) throw badRequest(`${member(notEmulated)} is not supported by this emulator.`);
  }
  return svm as string;
}

/** The ONTAP file system holding a storage virtual machine of the region (the SVMs DescribeStorageVirtualMachines lists). */
function fileSystemOfSvm(svm: string, ctx: OperationContext): FileSystemRecord {
  const fileSystemId = ctx.store.getStorageVirtualMachine(svm)?.fileSystemId;
  const fs = fileSystemId === undefined ? undefined : ctx.store.getFileSystem(fileSystemId);
  if (!fs) throw storageVirtualMachineNotFound(svm);
  return fs;
}

/** The backed-up volume's settings a restore keeps unless the request sets them. */
const INHERITED = [
  'SecurityStyle',
  'SizeInMegabytes',
  'SizeInBytes',
  'StorageEfficiencyEnabled',
  'TieringPolicy',
  'SnapshotPolicy',
  'OntapVolumeType',
  'VolumeStyle',
  'CopyTagsToBackups',
];

export function createVolumeFromBackup(input: Record<string, unknown>, ctx: OperationContext) {
  // 1. Shape validation.
  const token = validateClientRequestToken(input);
  const backupId = validateBackupId(requireString(input, 'BackupId'));
  const name = checkString('Name', requireString(input, 'Name'), FSX.VolumeName);
  const tags = validateTags(input, 'Tags') ?? [];
  const ontap = optionalObject(input, 'OntapConfiguration');
  const svm = ontap && checkOntapConfiguration(ontap);
  const { store } = ctx;

  // 2. Idempotency.
  const { ClientRequestToken: _token, ...request } = input;
  if (token !== undefined) {
    const previous = store.getToken('createVolumeFromBackup', token);
    if (previous) {
      assertSameRequest(previous.request, request);
      const existing = store.getVolume(previous.volumeId);
      if (existing) return { Volume: volumeToWire(existing, ctx) };
    }
  }

  // 3. State checks.
  if (!ontap || svm === undefined)
    throw new FsxError('MissingVolumeConfiguration', 'CreateVolumeFromBackup needs OntapConfiguration (with StorageVirtualMachineId).');
  const backup = store.getBackup(backupId);
  if (!backup) throw backupNotFound(backupId);
  if (backup.volume?.volumeType !== 'ONTAP') {
    throw badRequest(`Backup ${backupId} is not an ONTAP volume backup; restore a file system backup with CreateFileSystemFromBackup.`);
  }
  const now = ctx.clock.now();
  const { lifecycle } = backupState(backup, now);
  // Guess, as for CreateFileSystemFromBackup: FSx does not document its answer for a backup that is not AVAILABLE.
  if (lifecycle !== 'AVAILABLE') throw badRequest(`Backup ${backupId} is ${lifecycle}; only an AVAILABLE backup can be restored.`);
  const fs = fileSystemOfSvm(svm, ctx);
  const fsLifecycle = fileSystemLifecycle(fs, now);
  if (fsLifecycle !== 'AVAILABLE')
    throw badRequest(`File system ${fs.fileSystemId} of ${svm} is ${fsLifecycle}; volumes can be created once it is AVAILABLE.`);
  const siblings = store.listVolumes().filter((v) => v.fileSystemId === fs.fileSystemId);
  if (siblings.length >= VOLUMES_PER_FILE_SYSTEM) {
    throw serviceLimitExceeded(
      'VOLUMES_PER_FILE_SYSTEM',
      `File system ${fs.fileSystemId} already holds ${VOLUMES_PER_FILE_SYSTEM} volumes.`,
    );
  }
  // ONTAP volume names are unique within their SVM.
  if (siblings.some((v) => v.name === name && v.ontapConfiguration?.StorageVirtualMachineId === svm)) {
    throw badRequest(`Storage virtual machine ${svm} already has a volume named '${name}'.`);
  }

  // 4. The volume.
  // A size in the request replaces both of the backup's (bytes and megabytes).
  const sized = ontap.SizeInBytes !== undefined || ontap.SizeInMegabytes !== undefined;
  const backedUp = backup.volume.ontapConfiguration ?? {};
  const inherited: Record<string, unknown> = {};
  for (const k of INHERITED) if (backedUp[k] !== undefined && !(sized && k.startsWith('SizeIn'))) inherited[k] = backedUp[k];
  const volume = buildOntapVolume({
    volumeId: newResourceId('fsvol'),
    fileSystemId: fs.fileSystemId,
    storageVirtualMachineId: svm,
    name,
    createdAtMs: now,
    durationMs: ctx.fileSystemDurationMs,
    tags,
    ontap: { ...inherited, ...ontap },
    restoredFromBackupId: backupId,
  });
  store.putVolume(volume);
  if (token !== undefined)
    store.putToken('createVolumeFromBackup', token, { volumeId: volume.volumeId, request: requestFingerprint(request) });
  return { Volume: volumeToWire(volume, ctx) };
}
