import type { FSxClient } from '@aws-sdk/client-fsx';
import { ANONYMOUS, type Principal } from './auth/principal';
import { BackupService } from './backup/backup.service';
import { FileSystemService } from './file-system/file-system.service';
import type { CursorCodec } from './pagination/cursor';

/** What lives for the whole process: one FSx client, one cursor codec. */
export interface GatewayDeps {
  fsx: FSxClient;
  cursors: CursorCodec;
}

/** What lives for one GraphQL request: the caller, and services with fresh DataLoaders that see what the caller may see. */
export interface Context {
  principal: Principal;
  requestId: string;
  /** Filled in once Apollo has resolved the operation, for the request log. */
  operationName?: string | null;
  backups: BackupService;
  fileSystems: FileSystemService;
}

export function createContext({ fsx, cursors }: GatewayDeps, principal: Principal = ANONYMOUS, requestId = ''): Context {
  return {
    principal,
    requestId,
    backups: new BackupService(fsx, cursors, principal),
    fileSystems: new FileSystemService(fsx, cursors, principal),
  };
}
