/**
 * Checks shared by CreateFileSystem and CreateFileSystemFromBackup.
 *
 * The network checks the emulator can make without a VPC to look at: how many subnets a deployment
 * type takes (the SubnetIds reference: "For Windows MULTI_AZ_1 file system deployment types, provide
 * exactly two subnet IDs ... Windows SINGLE_AZ_1 and SINGLE_AZ_2 ..., Lustre file systems, and OpenZFS
 * file systems provide exactly one subnet ID"), that a preferred subnet is one of them, and the VPC's
 * default of five security groups per network interface. Malformed ids never get here: they break the
 * model's patterns and are BadRequest.
 */
import type { OperationContext } from '../context';
import { FsxError, badRequest, serviceLimitExceeded } from '../protocol/errors';
import { FSX, MODEL_ENUMS } from '../../fsx-model';
import { checkString, oneOf, optionalInteger, optionalObject, optionalStringList } from '../validation';

/** VPC default quota: security groups per network interface. */
const SECURITY_GROUPS_PER_INTERFACE = 5;

/**
 * A WindowsConfiguration of a create request: the model's required ThroughputCapacity, its deployment
 * type, Active Directory and Aliases (a list of alternate DNS names).
 */
export function checkWindowsConfiguration(config: Record<string, unknown>, member = 'WindowsConfiguration'): void {
  if (optionalInteger(config, 'ThroughputCapacity', FSX.MegabytesPerSecond, `${member}.ThroughputCapacity`) === undefined)
    throw badRequest(`${member}.ThroughputCapacity is required.`);
  oneOf(`${member}.DeploymentType`, config.DeploymentType, MODEL_ENUMS.WindowsDeploymentType);
  if (config.ActiveDirectoryId !== undefined) checkString(`${member}.ActiveDirectoryId`, config.ActiveDirectoryId, FSX.DirectoryId);
  const selfManaged = optionalObject(config, 'SelfManagedActiveDirectoryConfiguration');
  if (selfManaged && (typeof selfManaged.DomainName !== 'string' || !Array.isArray(selfManaged.DnsIps))) {
    throw badRequest('SelfManagedActiveDirectoryConfiguration needs DomainName and DnsIps.');
  }
  optionalStringList(config, 'Aliases', FSX.AlternateDNSNames, FSX.AlternateDNSName, `${member}.Aliases`);
}

/** An OpenZFSConfiguration of a create request: the model's required deployment type and ThroughputCapacity. */
export function checkOpenZfsConfiguration(config: Record<string, unknown>, member = 'OpenZFSConfiguration'): void {
  oneOf(`${member}.DeploymentType`, config.DeploymentType, MODEL_ENUMS.OpenZFSDeploymentType, true);
  if (optionalInteger(config, 'ThroughputCapacity', FSX.MegabytesPerSecond, `${member}.ThroughputCapacity`) === undefined)
    throw badRequest(`${member}.ThroughputCapacity is required.`);
}

/** ServiceLimitExceeded (FILE_SYSTEM_COUNT) when the region already holds its quota of file systems. */
export function checkFileSystemQuota(ctx: OperationContext): void {
  if (ctx.store.fileSystemCount >= ctx.fileSystemQuota) {
    throw serviceLimitExceeded(
      'FILE_SYSTEM_COUNT',
      `You have reached the limit of ${ctx.fileSystemQuota} file systems for this account in ${ctx.region}.`,
    );
  }
}

/** Deployment types that span two Availability Zones (two subnets). */
const MULTI_AZ = new Set(['MULTI_AZ_1', 'MULTI_AZ_2']);

const invalid = (message: string, members: { InvalidSubnetId?: string; InvalidSecurityGroupId?: string }) =>
  new FsxError('InvalidNetworkSettings', message, 400, members);

export function checkNetworkSettings(params: {
  deploymentType: string | undefined;
  subnetIds: readonly string[];
  securityGroupIds?: readonly string[];
  preferredSubnetId?: string;
}): void {
  const { deploymentType, subnetIds, securityGroupIds = [], preferredSubnetId } = params;
  const multiAz = deploymentType !== undefined && MULTI_AZ.has(deploymentType);
  const expected = multiAz ? 2 : 1;
  if (subnetIds.length !== expected) {
    throw invalid(
      `A ${deploymentType ?? 'single-AZ'} file system takes exactly ${expected} subnet ID${expected > 1 ? 's' : ''} (got ${subnetIds.length}).`,
      { InvalidSubnetId: subnetIds[expected] },
    );
  }
  if (multiAz && subnetIds[0] === subnetIds[1]) {
    throw invalid(
      `The two subnets of a ${deploymentType} file system must be in different Availability Zones; ${subnetIds[1]} is given twice.`,
      {
        InvalidSubnetId: subnetIds[1],
      },
    );
  }
  if (preferredSubnetId !== undefined && !subnetIds.includes(preferredSubnetId)) {
    throw invalid(`PreferredSubnetId ${preferredSubnetId} is not one of SubnetIds.`, { InvalidSubnetId: preferredSubnetId });
  }
  if (securityGroupIds.length > SECURITY_GROUPS_PER_INTERFACE) {
    throw invalid(
      `At most ${SECURITY_GROUPS_PER_INTERFACE} security groups apply to a network interface (got ${securityGroupIds.length}).`,
      {
        InvalidSecurityGroupId: securityGroupIds[SECURITY_GROUPS_PER_INTERFACE],
      },
    );
  }
}

/** Valid PerUnitStorageThroughput per Lustre deployment and storage type (CreateFileSystemLustreConfiguration). */
const PER_UNIT_THROUGHPUT: Record<string, readonly number[]> = {
  'PERSISTENT_1:SSD': [50, 100, 200],
  'PERSISTENT_1:HDD': [12, 40],
  'PERSISTENT_2:SSD': [125, 250, 500, 1000],
  'PERSISTENT_2:INTELLIGENT_TIERING': [125, 250, 500, 1000],
};

/** InvalidPerUnitStorageThroughput for a value (within the model's bounds) that the deployment and storage type do not offer. */
export function checkPerUnitStorageThroughput(deploymentType: unknown, storageType: string, throughput: unknown): void {
  const valid = PER_UNIT_THROUGHPUT[`${String(deploymentType)}:${storageType}`];
  if (typeof throughput === 'number' && valid && !valid.includes(throughput)) {
    throw new FsxError(
      'InvalidPerUnitStorageThroughput',
      `PerUnitStorageThroughput ${throughput} is not valid for ${String(deploymentType)} ${storageType} storage; valid values: ${valid.join(', ')}.`,
    );
  }
}
