import type { AuthContext } from './auth/auth-checker';
import { ANONYMOUS, type Principal } from './auth/principal';
import type { BackupContext } from './backup/backup.context';
import { BackupService } from './backup/backup.service';
import { DeletionGuards } from './backup/deletion-guards';
import type { EntityContext } from './federation/subgraph';
import type { FileSystemContext } from './file-system/file-system.context';
import { FileSystemService } from './file-system/file-system.service';
import { type FsxRegions, Regional } from './fsx/fsx-regions';
import type { LiveContext } from './live/live.context';
import type { LiveHub } from './live/live-hub';
import type { RateLimitContext } from './rate-limit/rate-limit.context';
import type { NodeContext } from './node/node.context';
import type { CursorCodec } from './pagination/cursor';
import type { VolumeContext } from './volume/volume.context';
import { VolumeService } from './volume/volume.service';
import { StorageVirtualMachineService } from './volume/storage-virtual-machine.service';

/** What lives for the whole process: one FSx client per region, one cursor codec, the live hub, the deletion guards. */
export interface GatewayDeps {
  fsx: FsxRegions;
  cursors: CursorCodec;
  live: LiveHub;
  /** DELETION_GUARDS; default: the legal hold alone. */
  deletionGuards?: DeletionGuards;
}

const DEFAULT_GUARDS = new DeletionGuards();

/**
 * What lives for one GraphQL request: the caller, and services with fresh DataLoaders that see what
 * the caller may see. Each room declares the part it reads; this composes them.
 */
export interface Context
  extends AuthContext, BackupContext, FileSystemContext, VolumeContext, EntityContext, LiveContext, NodeContext, RateLimitContext {
  requestId: string;
  /** The client's address, for the cost budget of unauthenticated callers. */
  clientAddress?: string;
  /** Filled in once Apollo has resolved the operation, for the request log. */
  operationName?: string | null;
  backups: Regional<BackupService>;
  fileSystems: Regional<FileSystemService>;
  volumes: Regional<VolumeService>;
  storageVirtualMachines: Regional<StorageVirtualMachineService>;
}

export function createContext(
  { fsx, cursors, live, deletionGuards = DEFAULT_GUARDS }: GatewayDeps,
  principal: Principal = ANONYMOUS,
  requestId = '',
  clientAddress?: string,
): Context {
  const volumes = new Regional(fsx, (region, client) => new VolumeService(client, region, cursors, principal));
  const storageVirtualMachines = new Regional(fsx, (region, client) => new StorageVirtualMachineService(client, region, principal));
  return {
    principal,
    requestId,
    clientAddress,
    live,
    volumes,
    storageVirtualMachines,
    backups: new Regional(
      fsx,
      (region, client) =>
        new BackupService(
          client,
          region,
          cursors,
          principal,
          volumes.in(region)!,
          storageVirtualMachines.in(region)!,
          deletionGuards,
          live,
        ),
    ),
    fileSystems: new Regional(fsx, (region, client) => new FileSystemService(client, region, cursors, principal)),
  };
}
