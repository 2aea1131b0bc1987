/**
 * UpdateFileSystem, for the settings the emulator acts on: AutomaticBackupRetentionDays (0–90; 0 turns
 * automatic backups off), DailyAutomaticBackupStartTime (HH:MM, UTC) and WeeklyMaintenanceStartTime in
 * each per-type configuration, and CopyTagsToBackups where the model has it (OpenZFS only; Windows,
 * Lustre and ONTAP set it at creation). The update applies at once (FSx shows UPDATING for a while).
 * The model's other members are refused as not emulated (UnsupportedOperation), members outside the
 * model as BadRequest.
 */
import type { OperationContext } from '../context';
import { FsxError, badRequest, fileSystemNotFound, incompatibleParameter } from '../protocol/errors';
import { fileSystemLifecycle, isS3LinkedLustre, isScratchLustre } from '../store/file-system-factory';
import type { FileSystemRecord, FileSystemType } from '../store/records';
import { FSX } from '../../fsx-model';
import {
  checkString,
  optionalBoolean,
  optionalInteger,
  optionalObject,
  requireString,
  validateClientRequestToken,
  validateFileSystemId,
} from '../validation';
import { fileSystemToWire } from '../wire';
import { assertSameRequest, requestFingerprint } from './idempotency';

type ConfigKey = 'windowsConfiguration' | 'lustreConfiguration' | 'ontapConfiguration' | 'openZfsConfiguration';

const BACKUP_SETTINGS = ['AutomaticBackupRetentionDays', 'DailyAutomaticBackupStartTime', 'WeeklyMaintenanceStartTime'];

/** Each UpdateFileSystem<Type>Configuration: what the emulator applies, and the model's other members. */
const UPDATE_CONFIGURATIONS: ReadonlyArray<{
  type: FileSystemType;
  member: string;
  key: ConfigKey;
  applied: string[];
  modelled: string[];
}> = [
  {
    type: 'WINDOWS',
    member: 'WindowsConfiguration',
    key: 'windowsConfiguration',
    applied: BACKUP_SETTINGS,
    modelled: [
      'ThroughputCapacity',
      'SelfManagedActiveDirectoryConfiguration',
      'AuditLogConfiguration',
      'DiskIopsConfiguration',
      'FsrmConfiguration',
    ],
  },
  {
    type: 'LUSTRE',
    member: 'LustreConfiguration',
    key: 'lustreConfiguration',
    applied: BACKUP_SETTINGS,
    modelled: [
      'AutoImportPolicy',
      'DataCompressionType',
      'LogConfiguration',
      'RootSquashConfiguration',
      'PerUnitStorageThroughput',
      'MetadataConfiguration',
      'ThroughputCapacity',
      'DataReadCacheConfiguration',
    ],
  },
  {
    type: 'ONTAP',
    member: 'OntapConfiguration',
    key: 'ontapConfiguration',
    applied: BACKUP_SETTINGS,
    modelled: [
      'FsxAdminPassword',
      'DiskIopsConfiguration',
      'ThroughputCapacity',
      'AddRouteTableIds',
      'RemoveRouteTableIds',
      'ThroughputCapacityPerHAPair',
      'HAPairs',
      'EndpointIpv6AddressRange',
    ],
  },
  {
    type: 'OPENZFS',
    member: 'OpenZFSConfiguration',
    key: 'openZfsConfiguration',
    applied: [...BACKUP_SETTINGS, 'CopyTagsToBackups', 'CopyTagsToVolumes'],
    modelled: [
      'ThroughputCapacity',
      'DiskIopsConfiguration',
      'AddRouteTableIds',
      'RemoveRouteTableIds',
      'ReadCacheConfiguration',
      'EndpointIpv6AddressRange',
    ],
  },
];

/** Top-level members of UpdateFileSystemRequest the emulator does not act on. */
const NOT_EMULATED = ['StorageCapacity', 'StorageType', 'FileSystemTypeVersion', 'NetworkType'];

const notEmulated = (member: string) => new FsxError('UnsupportedOperation', `Updating ${member} is not supported by this emulator.`);

/** The changes one configuration asks for, checked against the model. */
function readChanges(config: Record<string, unknown>, spec: (typeof UPDATE_CONFIGURATIONS)[number]): Record<string, unknown> {
  const name = (m: string) => `${spec.member}.${m}`;
  const changes: Record<string, unknown> = {};
  for (const [member, value] of Object.entries(config)) {
    if (value === undefined || value === null) continue;
    if (spec.modelled.includes(member)) throw notEmulated(name(member));
    if (!spec.applied.includes(member)) throw badRequest(`${name(member)} is not a member of UpdateFileSystem${spec.member}.`);
    if (member === 'AutomaticBackupRetentionDays')
      changes[member] = optionalInteger(config, member, FSX.AutomaticBackupRetentionDays, name(member));
    else if (member === 'DailyAutomaticBackupStartTime') changes[member] = checkString(name(member), value, FSX.DailyTime);
    else if (member === 'WeeklyMaintenanceStartTime') changes[member] = checkString(name(member), value, FSX.WeeklyTime);
    else changes[member] = optionalBoolean(config, member);
  }
  return changes;
}

export function updateFileSystem(input: Record<string, unknown>, ctx: OperationContext) {
  // 1. Shape validation.
  const token = validateClientRequestToken(input);
  const fileSystemId = validateFileSystemId(requireString(input, 'FileSystemId'));
  const updates = UPDATE_CONFIGURATIONS.flatMap((spec) => {
    const config = optionalObject(input, spec.member);
    return config ? [{ spec, changes: readChanges(config, spec) }] : [];
  });
  const unsupported = NOT_EMULATED.find((m) => input[m] !== undefined && input[m] !== null);
  if (unsupported) throw notEmulated(unsupported);
  const { store } = ctx;

  // 2. Idempotency: a replay of the same update answers the file system as it is now.
  const { ClientRequestToken: _token, ...request } = input;
  if (token !== undefined) {
    const previous = store.getToken('updateFileSystem', token);
    if (previous) {
      assertSameRequest(previous.request, request);
      const fs = store.getFileSystem(fileSystemId);
      if (fs) return { FileSystem: fileSystemToWire(fs, ctx) };
    }
  }

  // 3. State checks.
  const fs = store.getFileSystem(fileSystemId);
  if (!fs) throw fileSystemNotFound(fileSystemId);
  const other = updates.find((u) => u.spec.type !== fs.fileSystemType);
  if (other) {
    throw incompatibleParameter(
      other.spec.member,
      `${other.spec.member} does not apply to ${fs.fileSystemType} file system ${fileSystemId}.`,
    );
  }
  const lifecycle = fileSystemLifecycle(fs, ctx.clock.now());
  if (lifecycle !== 'AVAILABLE') throw badRequest(`File system ${fileSystemId} is ${lifecycle}; it can be updated once it is AVAILABLE.`);
  const [update] = updates;
  const changes = update?.changes ?? {};
  const backupSetting = Object.keys(changes).find((m) => m !== 'WeeklyMaintenanceStartTime');
  if (backupSetting && (isScratchLustre(fs) || isS3LinkedLustre(fs))) {
    // As CreateBackup answers for these file systems: they have no backups, automatic or not.
    throw new FsxError(
      'UnsupportedOperation',
      `File system ${fileSystemId} cannot be backed up (Lustre scratch or linked to a data repository), so ${update.spec.member}.${backupSetting} does not apply.`,
    );
  }

  // 4. Apply.
  if (update) applyChanges(fs, update.spec.key, changes);
  store.putFileSystem(fs);
  if (token !== undefined) store.putToken('updateFileSystem', token, { request: requestFingerprint(request), response: null });
  return { FileSystem: fileSystemToWire(fs, ctx) };
}

function applyChanges(fs: FileSystemRecord, key: ConfigKey, changes: Record<string, unknown>): void {
  fs[key] = { ...fs[key], ...changes };
}
