import type { AuthContext } from './auth/auth-checker';
import { ANONYMOUS, type Principal } from './auth/principal';
import type { BackupContext } from './backup/backup.context';
import { BackupService } from './backup/backup.service';
import { DeletionGuards } from './backup/deletion-guards';
import type { EntityContext } from './federation/subgraph';
import type { FileSystemContext } from './file-system/file-system.context';
import { FileSystemService } from './file-system/file-system.service';
import { FsxCaller, type FsxPlaces } from './fsx/fsx-places';
import { Placed } from './fsx/placed';
import { sourceIdentityOf } from './fsx/source-identity';
import type { LiveContext } from './live/live.context';
import type { LiveHub } from './live/live-hub';
import type { RateLimitContext } from './rate-limit/rate-limit.context';
import type { NodeContext } from './node/node.context';
import type { CursorCodec } from './pagination/cursor';
import type { VolumeContext } from './volume/volume.context';
import { VolumeService } from './volume/volume.service';
import { StorageVirtualMachineService } from './volume/storage-virtual-machine.service';

/** What lives for the whole process: the FSx clients of every account and region, one cursor codec, the live hub, the deletion guards. */
export interface GatewayDeps {
  fsx: FsxPlaces;
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
  backups: Placed<BackupService>;
  fileSystems: Placed<FileSystemService>;
  volumes: Placed<VolumeService>;
  storageVirtualMachines: Placed<StorageVirtualMachineService>;
}

export function createContext(
  { fsx, cursors, live, deletionGuards = DEFAULT_GUARDS }: GatewayDeps,
  principal: Principal = ANONYMOUS,
  requestId = '',
  clientAddress?: string,
): Context {
  // The accounts the caller may use, and its FSx calls made under its own name where they are attributed.
  const caller = new FsxCaller(fsx, principal === ANONYMOUS ? undefined : sourceIdentityOf(principal.id), principal.accounts);
  const volumes = new Placed(caller, (place, client) => new VolumeService(client, place, cursors, principal));
  const storageVirtualMachines = new Placed(caller, (place, client) => new StorageVirtualMachineService(client, place, principal));
  return {
    principal,
    requestId,
    clientAddress,
    places: caller,
    live,
    volumes,
    storageVirtualMachines,
    backups: new Placed(
      caller,
      (place, client) =>
        new BackupService(
          client,
          place,
          cursors,
          principal,
          volumes.in(place.region, place.accountId)!,
          storageVirtualMachines.in(place.region, place.accountId)!,
          deletionGuards,
          live,
        ),
    ),
    fileSystems: new Placed(caller, (place, client) => new FileSystemService(client, place, cursors, principal)),
  };
}
