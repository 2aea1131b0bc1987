/**
 * Builds FileSystemRecords from CreateFileSystem-style input. Shared by CreateFileSystem and the
 * demo estate, so seeded file systems look exactly like created ones. Values FSx would assign
 * (VPC, ENIs, DNS name, mount name, endpoints) are derived from a hash of the id: deterministic,
 * and plausible in shape. Defaults are guesses close to the console's defaults.
 */
import { createHash } from 'node:crypto';
import { kmsKeyArn } from '../ids';
import type { Tag } from '../validation';
import type { FileSystemRecord, FileSystemType } from './records';

export interface NewFileSystem {
  fileSystemId: string;
  createdAtMs: number;
  fileSystemType: FileSystemType;
  storageCapacity: number;
  storageType?: string;
  subnetIds: string[];
  tags: Tag[];
  kmsKeyId?: string;
  fileSystemTypeVersion?: string;
  region: string;
  accountId: string;
  activeDirectoryDomainName?: string;
  /** CREATING for this long after createdAtMs; default 0 (AVAILABLE at once). */
  durationMs?: number;
  restoredFromBackupId?: string;
  networkType?: string;
  windows?: Record<string, unknown>;
  lustre?: Record<string, unknown>;
  ontap?: Record<string, unknown>;
  openZfs?: Record<string, unknown>;
}

export const hex = (seed: string, n: number): string => createHash('sha256').update(seed).digest('hex').slice(0, n);
/** A UUID-shaped value derived from `seed`. */
export const uuidFrom = (seed: string): string => {
  const h = hex(seed, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
};
/** A private IPv4 address derived from `seed` and `i`. */
export const ip = (seed: string, i: number): string => {
  const h = createHash('sha256').update(`${seed}:${i}`).digest();
  return `10.0.${h[0] % 255}.${(h[1] % 250) + 4}`;
};
const pick = <T>(v: unknown, fallback: T): T => (v === undefined || v === null ? fallback : (v as T));

const isScratch = (deploymentType: unknown): boolean => typeof deploymentType === 'string' && deploymentType.startsWith('SCRATCH');

export const isScratchLustre = (fs: FileSystemRecord): boolean =>
  fs.fileSystemType === 'LUSTRE' && isScratch(fs.lustreConfiguration?.DeploymentType);

export const isS3LinkedLustre = (fs: FileSystemRecord): boolean => {
  const repo = fs.lustreConfiguration?.DataRepositoryConfiguration as { ImportPath?: string; ExportPath?: string } | undefined;
  return fs.fileSystemType === 'LUSTRE' && !!(repo?.ImportPath || repo?.ExportPath);
};

function windowsConfiguration(n: NewFileSystem): Record<string, unknown> {
  const w = n.windows ?? {};
  const deploymentType = pick<string>(w.DeploymentType, 'SINGLE_AZ_1');
  const selfManaged = w.SelfManagedActiveDirectoryConfiguration as Record<string, unknown> | undefined;
  const multiAz = deploymentType === 'MULTI_AZ_1';
  return {
    ActiveDirectoryId: w.ActiveDirectoryId,
    // The password never comes back: FSx returns SelfManagedActiveDirectoryAttributes.
    SelfManagedActiveDirectoryConfiguration: selfManaged && {
      DomainName: selfManaged.DomainName,
      OrganizationalUnitDistinguishedName: selfManaged.OrganizationalUnitDistinguishedName,
      FileSystemAdministratorsGroup: pick(selfManaged.FileSystemAdministratorsGroup, 'Domain Admins'),
      UserName: selfManaged.UserName,
      DnsIps: selfManaged.DnsIps,
    },
    DeploymentType: deploymentType,
    RemoteAdministrationEndpoint: multiAz
      ? `amznfsx${hex(n.fileSystemId, 8)}.${n.activeDirectoryDomainName ?? 'corp.example.com'}`
      : undefined,
    PreferredSubnetId: pick(w.PreferredSubnetId, n.subnetIds[0]),
    PreferredFileServerIp: ip(n.fileSystemId, 0),
    ThroughputCapacity: w.ThroughputCapacity,
    MaintenanceOperationsInProgress: [],
    WeeklyMaintenanceStartTime: pick(w.WeeklyMaintenanceStartTime, '1:05:00'),
    DailyAutomaticBackupStartTime: pick(w.DailyAutomaticBackupStartTime, '05:00'),
    // "The default is 30." (CreateFileSystemWindowsConfiguration.AutomaticBackupRetentionDays)
    AutomaticBackupRetentionDays: pick(w.AutomaticBackupRetentionDays, 30),
    CopyTagsToBackups: pick(w.CopyTagsToBackups, false),
    Aliases: ((w.Aliases as string[] | undefined) ?? []).map((Name) => ({ Name, Lifecycle: 'AVAILABLE' })),
  };
}

function lustreConfiguration(n: NewFileSystem): Record<string, unknown> {
  const l = n.lustre ?? {};
  // FSx's own default deployment type when none is given.
  const deploymentType = pick<string>(l.DeploymentType, 'SCRATCH_1');
  const persistent = String(deploymentType).startsWith('PERSISTENT');
  const importPath = l.ImportPath as string | undefined;
  const exportPath = l.ExportPath as string | undefined;
  return {
    WeeklyMaintenanceStartTime: pick(l.WeeklyMaintenanceStartTime, '2:03:00'),
    DataRepositoryConfiguration:
      importPath || exportPath
        ? {
            Lifecycle: 'AVAILABLE',
            ImportPath: importPath,
            // FSx's documented default export prefix when only ImportPath is given.
            ExportPath: exportPath ?? (importPath ? `${importPath.replace(/\/$/, '')}/FSxLustre${hex(n.fileSystemId, 8)}` : undefined),
            ImportedFileChunkSize: pick(l.ImportedFileChunkSize, 1024),
            AutoImportPolicy: pick(l.AutoImportPolicy, 'NONE'),
          }
        : undefined,
    DeploymentType: deploymentType,
    PerUnitStorageThroughput: persistent ? pick(l.PerUnitStorageThroughput, 125) : undefined,
    MountName: hex(`mount:${n.fileSystemId}`, 8),
    DailyAutomaticBackupStartTime: persistent ? pick(l.DailyAutomaticBackupStartTime, '03:00') : undefined,
    // "The default is 0." (CreateFileSystemLustreConfiguration.AutomaticBackupRetentionDays)
    AutomaticBackupRetentionDays: persistent ? pick(l.AutomaticBackupRetentionDays, 0) : undefined,
    CopyTagsToBackups: pick(l.CopyTagsToBackups, false),
    DataCompressionType: pick(l.DataCompressionType, 'NONE'),
  };
}

function ontapConfiguration(n: NewFileSystem): Record<string, unknown> {
  const o = n.ontap ?? {};
  const endpoint = (kind: string) => ({
    DNSName: `${kind}.${n.fileSystemId}.fsx.${n.region}.amazonaws.com`,
    IpAddresses: [ip(`${n.fileSystemId}:${kind}`, 0), ip(`${n.fileSystemId}:${kind}`, 1)],
  });
  const throughput = pick<number>(o.ThroughputCapacity, 128);
  return {
    // "The default is 30." (the AutomaticBackupRetentionDays shape)
    AutomaticBackupRetentionDays: pick(o.AutomaticBackupRetentionDays, 30),
    DailyAutomaticBackupStartTime: pick(o.DailyAutomaticBackupStartTime, '05:00'),
    DeploymentType: o.DeploymentType,
    EndpointIpAddressRange: pick(o.EndpointIpAddressRange, '198.19.255.0/24'),
    Endpoints: { Intercluster: endpoint('intercluster'), Management: endpoint('management') },
    DiskIopsConfiguration: pick(o.DiskIopsConfiguration, { Mode: 'AUTOMATIC', Iops: n.storageCapacity * 3 }),
    PreferredSubnetId: pick(o.PreferredSubnetId, n.subnetIds[0]),
    RouteTableIds: pick(o.RouteTableIds, [`rtb-${hex(n.fileSystemId, 17)}`]),
    ThroughputCapacity: throughput,
    WeeklyMaintenanceStartTime: pick(o.WeeklyMaintenanceStartTime, '7:04:00'),
    HAPairs: pick(o.HAPairs, 1),
    ThroughputCapacityPerHAPair: pick(o.ThroughputCapacityPerHAPair, throughput),
  };
}

function openZfsConfiguration(n: NewFileSystem): Record<string, unknown> {
  const z = n.openZfs ?? {};
  return {
    // "The default is 30." (the AutomaticBackupRetentionDays shape, which the OpenZFS configuration uses undocumented)
    AutomaticBackupRetentionDays: pick(z.AutomaticBackupRetentionDays, 30),
    CopyTagsToBackups: pick(z.CopyTagsToBackups, false),
    CopyTagsToVolumes: pick(z.CopyTagsToVolumes, false),
    DailyAutomaticBackupStartTime: pick(z.DailyAutomaticBackupStartTime, '06:00'),
    DeploymentType: z.DeploymentType,
    ThroughputCapacity: z.ThroughputCapacity,
    WeeklyMaintenanceStartTime: pick(z.WeeklyMaintenanceStartTime, '6:06:00'),
    DiskIopsConfiguration: pick(z.DiskIopsConfiguration, { Mode: 'AUTOMATIC', Iops: n.storageCapacity * 3 }),
    RootVolumeId: `fsvol-${hex(`root:${n.fileSystemId}`, 17)}`,
    PreferredSubnetId: pick(z.PreferredSubnetId, n.subnetIds[0]),
    EndpointIpAddress: ip(n.fileSystemId, 0),
  };
}

const dropUndefined = (o: Record<string, unknown>): Record<string, unknown> => JSON.parse(JSON.stringify(o)) as Record<string, unknown>;

export function buildFileSystem(n: NewFileSystem): FileSystemRecord {
  const scratch = n.fileSystemType === 'LUSTRE' && isScratch(n.lustre?.DeploymentType ?? 'SCRATCH_1');
  return {
    fileSystemId: n.fileSystemId,
    fileSystemType: n.fileSystemType,
    createdAtMs: n.createdAtMs,
    // CREATING for durationMs (FSx takes minutes), then AVAILABLE.
    lifecycle: 'AVAILABLE',
    durationMs: n.durationMs || undefined,
    restoredFromBackupId: n.restoredFromBackupId,
    networkType: n.networkType,
    storageCapacity: n.storageCapacity,
    storageType: n.storageType ?? 'SSD',
    vpcId: `vpc-${hex(`vpc:${n.subnetIds[0]}`, 17)}`,
    subnetIds: [...n.subnetIds],
    networkInterfaceIds: n.subnetIds.map((s, i) => `eni-${hex(`${n.fileSystemId}:${s}:${i}`, 17)}`),
    dnsName: `${n.fileSystemId}.fsx.${n.region}.amazonaws.com`,
    // Scratch Lustre data is encrypted with FSx-managed keys, so FSx reports no KMS key for it.
    kmsKeyId: scratch ? undefined : (n.kmsKeyId ?? defaultKmsKeyArn(n.region, n.accountId)),
    fileSystemTypeVersion: n.fileSystemTypeVersion ?? (n.fileSystemType === 'LUSTRE' ? '2.15' : undefined),
    tags: n.tags.map((t) => ({ ...t })),
    activeDirectoryDomainName: n.activeDirectoryDomainName,
    windowsConfiguration: n.fileSystemType === 'WINDOWS' ? dropUndefined(windowsConfiguration(n)) : undefined,
    lustreConfiguration: n.fileSystemType === 'LUSTRE' ? dropUndefined(lustreConfiguration(n)) : undefined,
    ontapConfiguration: n.fileSystemType === 'ONTAP' ? dropUndefined(ontapConfiguration(n)) : undefined,
    openZfsConfiguration: n.fileSystemType === 'OPENZFS' ? dropUndefined(openZfsConfiguration(n)) : undefined,
  };
}

/** The ARN of the account's "aws/fsx" managed key in a region, with a stable uuid-shaped id. */
export function defaultKmsKeyArn(region: string, accountId: string): string {
  return kmsKeyArn(region, accountId, uuidFrom(`aws/fsx:${region}:${accountId}`));
}

/** A file system's lifecycle now: CREATING for its durationMs after creation, then its settled lifecycle; DELETING once deleted. */
export function fileSystemLifecycle(fs: FileSystemRecord, nowMs: number): string {
  if (fs.deletingSinceMs !== undefined) return 'DELETING';
  return fs.durationMs !== undefined && fs.durationMs > 0 && nowMs - fs.createdAtMs < fs.durationMs ? 'CREATING' : fs.lifecycle;
}

/** When a file system became AVAILABLE (seeded ones: when created). */
export const availableSinceMs = (fs: FileSystemRecord): number => fs.createdAtMs + (fs.durationMs ?? 0);

/** The copy of a file system a backup keeps: frozen as it is now, in `region`. */
export function snapshotFileSystem(fs: FileSystemRecord, nowMs: number, region: string): FileSystemRecord {
  const {
    durationMs: _duration,
    restoredFromBackupId: _restore,
    deletingSinceMs: _deleting,
    deleteDurationMs: _deleteDuration,
    storageVirtualMachineIds: _legacySvms,
    ...rest
  } = structuredClone(fs);
  return { ...rest, lifecycle: fileSystemLifecycle(fs, nowMs), region: fs.region ?? region };
}
