import type { FSxClient } from '@aws-sdk/client-fsx';
import { BackupService } from './backup/backup.service';
import { FileSystemService } from './file-system/file-system.service';
import type { CursorCodec } from './pagination/cursor';

/** What lives for the whole process: one FSx client, one cursor codec. */
export interface GatewayDeps {
  fsx: FSxClient;
  cursors: CursorCodec;
}

/** What lives for one GraphQL request: services with fresh DataLoaders. */
export interface Context {
  backups: BackupService;
  fileSystems: FileSystemService;
}

export function createContext({ fsx, cursors }: GatewayDeps): Context {
  return { backups: new BackupService(fsx, cursors), fileSystems: new FileSystemService(fsx, cursors) };
}
