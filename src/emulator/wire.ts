/** Records → FSx wire shapes (PascalCase members, epoch-second timestamps). */
import type { OperationContext } from './context';
import { backupArn, fileSystemArn, storageVirtualMachineArn, volumeArn } from './ids';
import { deriveLifecycle, type LifecycleState } from './lifecycle';
import { fileSystemLifecycle, ip, uuidFrom } from './store/file-system-factory';
import type { BackupRecord, FileSystemRecord, StorageVirtualMachineRecord, VolumeRecord } from './store/records';
import { storageVirtualMachineLifecycle } from './store/storage-virtual-machine-factory';
import { volumeLifecycle } from './store/volume-factory';

/** FSx timestamps are epoch seconds as JSON numbers; fractions carry the milliseconds. */
const epochSeconds = (ms: number): number => ms / 1000;

const compact = (o: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

export function fileSystemToWire(fs: FileSystemRecord, ctx: Pick<OperationContext, 'region' | 'accountId' | 'clock'>) {
  return compact({
    OwnerId: ctx.accountId,
    CreationTime: epochSeconds(fs.createdAtMs),
    FileSystemId: fs.fileSystemId,
    FileSystemType: fs.fileSystemType,
    Lifecycle: fileSystemLifecycle(fs, ctx.clock.now()),
    StorageCapacity: fs.storageCapacity,
    StorageType: fs.storageType,
    VpcId: fs.vpcId,
    SubnetIds: [...fs.subnetIds],
    NetworkInterfaceIds: [...fs.networkInterfaceIds],
    DNSName: fs.dnsName,
    KmsKeyId: fs.kmsKeyId,
    ResourceARN: fileSystemArn(fs.region ?? ctx.region, ctx.accountId, fs.fileSystemId),
    Tags: fs.tags.map((t) => ({ ...t })),
    WindowsConfiguration: fs.windowsConfiguration && structuredClone(fs.windowsConfiguration),
    LustreConfiguration: fs.lustreConfiguration && structuredClone(fs.lustreConfiguration),
    OntapConfiguration: fs.ontapConfiguration && structuredClone(fs.ontapConfiguration),
    OpenZFSConfiguration: fs.openZfsConfiguration && structuredClone(fs.openZfsConfiguration),
    FileSystemTypeVersion: fs.fileSystemTypeVersion,
    NetworkType: fs.networkType ?? 'IPV4',
  });
}

export function backupState(b: BackupRecord, nowMs: number): LifecycleState {
  return deriveLifecycle(
    {
      createdAtMs: b.createdAtMs,
      durationMs: b.durationMs,
      // Only user-initiated Lustre backups go through PENDING/TRANSFERRING (FSx docs); copies are COPYING.
      lustre: b.fileSystem.fileSystemType === 'LUSTRE' && b.type === 'USER_INITIATED',
      copy: b.sourceBackupId !== undefined,
      failAtPercent: b.failure?.atPercent,
    },
    nowMs,
  );
}

/** ActiveDirectoryBackupAttributes: FSx records the AD a Windows file system was joined to. */
function directoryInformation(fs: FileSystemRecord): Record<string, unknown> | undefined {
  const win = fs.windowsConfiguration;
  if (!win) return undefined;
  const selfManaged = win.SelfManagedActiveDirectoryConfiguration as { DomainName?: string } | undefined;
  if (selfManaged?.DomainName) return { DomainName: selfManaged.DomainName };
  if (typeof win.ActiveDirectoryId === 'string') {
    return compact({ ActiveDirectoryId: win.ActiveDirectoryId, DomainName: fs.activeDirectoryDomainName });
  }
  return undefined;
}

export function backupToWire(b: BackupRecord, ctx: Pick<OperationContext, 'region' | 'accountId' | 'clock'>) {
  const { lifecycle, progressPercent } = backupState(b, ctx.clock.now());
  return compact({
    BackupId: b.backupId,
    Lifecycle: lifecycle,
    Type: b.type,
    ProgressPercent: progressPercent,
    FailureDetails: lifecycle === 'FAILED' && b.failure ? { Message: b.failure.message } : undefined,
    CreationTime: epochSeconds(b.createdAtMs),
    KmsKeyId: b.kmsKeyId,
    ResourceARN: backupArn(ctx.region, ctx.accountId, b.backupId),
    Tags: b.tags.map((t) => ({ ...t })),
    FileSystem: fileSystemToWire(b.fileSystem, ctx),
    DirectoryInformation: directoryInformation(b.fileSystem),
    OwnerId: ctx.accountId,
    SourceBackupId: b.sourceBackupId,
    SourceBackupRegion: b.sourceBackupRegion,
    ResourceType: b.volume ? 'VOLUME' : 'FILE_SYSTEM',
    // The volume as it was when backed up, like the file system.
    Volume: b.volume
      ? compact({
          CreationTime: b.volume.createdAtMs === undefined ? undefined : epochSeconds(b.volume.createdAtMs),
          VolumeId: b.volume.volumeId,
          Name: b.volume.name,
          VolumeType: b.volume.volumeType,
          FileSystemId: b.fileSystemId,
          Lifecycle: b.volume.volumeType === 'ONTAP' ? 'CREATED' : 'AVAILABLE',
          ResourceARN: volumeArn(b.fileSystem.region ?? ctx.region, ctx.accountId, b.fileSystemId, b.volume.volumeId),
          OntapConfiguration: b.volume.ontapConfiguration && structuredClone(b.volume.ontapConfiguration),
          OpenZFSConfiguration: b.volume.openZfsConfiguration && structuredClone(b.volume.openZfsConfiguration),
        })
      : undefined,
  });
}

export function volumeToWire(v: VolumeRecord, ctx: Pick<OperationContext, 'region' | 'accountId' | 'clock'>) {
  return compact({
    CreationTime: epochSeconds(v.createdAtMs),
    FileSystemId: v.fileSystemId,
    Lifecycle: volumeLifecycle(v, ctx.clock.now()),
    Name: v.name,
    OntapConfiguration: v.ontapConfiguration && structuredClone(v.ontapConfiguration),
    ResourceARN: volumeArn(ctx.region, ctx.accountId, v.fileSystemId, v.volumeId),
    Tags: v.tags.map((t) => ({ ...t })),
    VolumeId: v.volumeId,
    VolumeType: v.volumeType,
    OpenZFSConfiguration: v.openZfsConfiguration && structuredClone(v.openZfsConfiguration),
  });
}

/**
 * An SVM as DescribeStorageVirtualMachines answers it. Its endpoints are named as FSx names them
 * (<endpoint>.<svm id>.<file system id>.fsx.<region>.amazonaws.com); Management, NFS and SMB share one
 * address, iSCSI has one per subnet of a Multi-AZ pair (two here), all derived from the SVM id.
 */
export function storageVirtualMachineToWire(
  svm: StorageVirtualMachineRecord,
  ctx: Pick<OperationContext, 'region' | 'accountId' | 'clock'>,
) {
  const { storageVirtualMachineId: id, fileSystemId } = svm;
  const dnsName = (endpoint: string) => `${endpoint}.${id}.${fileSystemId}.fsx.${ctx.region}.amazonaws.com`;
  const dataAddress = ip(`${id}:data`, 0);
  const shared = (endpoint: string) => ({ DNSName: dnsName(endpoint), IpAddresses: [dataAddress] });
  return compact({
    CreationTime: epochSeconds(svm.createdAtMs),
    Endpoints: {
      Iscsi: { DNSName: dnsName('iscsi'), IpAddresses: [ip(`${id}:iscsi`, 0), ip(`${id}:iscsi`, 1)] },
      Management: shared('management'),
      Nfs: shared('nfs'),
      Smb: shared('smb'),
    },
    FileSystemId: fileSystemId,
    Lifecycle: storageVirtualMachineLifecycle(svm, ctx.clock.now()),
    Name: svm.name,
    ResourceARN: storageVirtualMachineArn(ctx.region, ctx.accountId, fileSystemId, id),
    StorageVirtualMachineId: id,
    Subtype: svm.subtype,
    UUID: uuidFrom(`uuid:${id}`),
    // The model's Tags list holds 1–50: none is no list.
    Tags: svm.tags.length > 0 ? svm.tags.map((t) => ({ ...t })) : undefined,
    RootVolumeSecurityStyle: svm.rootVolumeSecurityStyle,
  });
}
