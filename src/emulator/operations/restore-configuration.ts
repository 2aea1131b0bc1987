/**
 * The per-type configuration of a file system restored from a backup (CreateFileSystemFromBackup):
 * the backed-up file system's, with the request's laid over it, whose members are checked first.
 */
import { FSX, MODEL_ENUMS } from '../../fsx-model';
import { badRequest } from '../protocol/errors';
import type { FileSystemRecord } from '../store/records';
import { checkString, oneOf, optionalInteger } from '../validation';
import { checkOpenZfsConfiguration, checkWindowsConfiguration } from './file-system-checks';

export type Config = Record<string, unknown>;

export const CONFIG_MEMBER = { WINDOWS: 'WindowsConfiguration', LUSTRE: 'LustreConfiguration', OPENZFS: 'OpenZFSConfiguration' } as const;
export type RestorableType = keyof typeof CONFIG_MEMBER;

/** Member checks of the request's per-type configuration (the model's required members and bounds). */
export function validateConfiguration(type: RestorableType, config: Config): void {
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
export function inherited(fs: FileSystemRecord): Config {
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
export function merged(type: RestorableType, base: Config, override: Config | undefined): Config {
  if (!override) return base;
  const result = { ...base, ...override };
  if (type === 'WINDOWS' && ('ActiveDirectoryId' in override || 'SelfManagedActiveDirectoryConfiguration' in override)) {
    if (!('ActiveDirectoryId' in override)) delete result.ActiveDirectoryId;
    if (!('SelfManagedActiveDirectoryConfiguration' in override)) delete result.SelfManagedActiveDirectoryConfiguration;
  }
  return result;
}
