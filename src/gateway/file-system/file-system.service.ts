import { DescribeFileSystemsCommand, type FSxClient, paginateDescribeFileSystems } from '@aws-sdk/client-fsx';
import DataLoader from 'dataloader';
import { mapFsxError } from '../errors/map-fsx-error';
import { describeByIds } from '../fsx/describe-by-ids';
import type { FileSystem } from '../fsx/shapes.generated';
import { hasFileSystemId, toFileSystem } from '../fsx/to-graphql';
import type { ConnectionArgs } from '../pagination/connection.args';
import { FileSystemConnection, toConnection } from '../pagination/connection.types';
import type { CursorCodec } from '../pagination/cursor';
import { type Principal, canSee } from '../auth/principal';
import type { ErrorResult } from '../results/error-result';
import { fileSystemNotFound } from '../results/not-found';
import { FILE_SYSTEMS_ERRORS, FILE_SYSTEM_ERRORS } from '../results/unions';
import { FILE_SYSTEM_ID, MAX_IDS_PER_DESCRIBE, isValidId } from '../validation/fsx-constraints';
import { fieldError, invalidInput } from '../results/invalid-input';

const SCOPE = 'file-systems';

/** File systems, for one GraphQL request (per-request DataLoader: batched, deduplicated, never shared). */
export class FileSystemService {
  private readonly byId = new DataLoader<string, FileSystem | null>(
    async (ids) => {
      const found = await describeByIds(ids, (batch) => this.describe(batch), (f) => f.fileSystemId, 'FileSystemNotFound');
      return ids.map((id) => found.get(id) ?? null);
    },
    { maxBatchSize: MAX_IDS_PER_DESCRIBE },
  );

  constructor(
    private readonly fsx: FSxClient,
    private readonly cursors: CursorCodec,
    private readonly principal: Principal,
  ) {}

  async get(fileSystemId: string): Promise<FileSystem | ErrorResult> {
    if (!canSee(this.principal, fileSystemId)) return fileSystemNotFound(fileSystemId);
    try {
      return (await this.byId.load(fileSystemId)) ?? fileSystemNotFound(fileSystemId);
    } catch (error) {
      return mapFsxError(error, { fileSystemId }, FILE_SYSTEM_ERRORS);
    }
  }

  /** A federation entity lookup: the FileSystem, or null when FSx does not know it (or the key is malformed). */
  reference(fileSystemId: string): Promise<FileSystem | null> {
    return isValidId(fileSystemId, FILE_SYSTEM_ID) && canSee(this.principal, fileSystemId) ? this.byId.load(fileSystemId) : Promise.resolve(null);
  }

  async list({ first, after }: ConnectionArgs): Promise<FileSystemConnection | ErrorResult> {
    if (this.principal.fileSystemIds) return this.listVisible(first, after);
    const position = this.cursors.start(after, SCOPE);
    if ('refused' in position) return invalidInput([fieldError(['after'], 'cursor', position.refused)]);
    try {
      const out = await this.fsx.send(new DescribeFileSystemsCommand({ MaxResults: position.skip + first, NextToken: position.token }));
      const all = (out.FileSystems ?? []).filter(hasFileSystemId).map(toFileSystem);
      for (const fileSystem of all) this.byId.prime(fileSystem.fileSystemId, fileSystem);
      const nodes = all.slice(position.skip, position.skip + first);
      return toConnection(FileSystemConnection, nodes, (i) => this.cursors.encode({ scope: SCOPE, token: position.token, skip: position.skip + i + 1 }), {
        hasNextPage: Boolean(out.NextToken),
        endCursor: out.NextToken ? this.cursors.encode({ scope: SCOPE, token: out.NextToken, skip: 0 }) : undefined,
      });
    } catch (error) {
      return mapFsxError(error, {}, FILE_SYSTEMS_ERRORS);
    }
  }

  /**
   * A caller limited to some file systems pages through its own list (described by id, in id order)
   * rather than through every file system of the account.
   */
  private async listVisible(first: number, after?: string | null): Promise<FileSystemConnection | ErrorResult> {
    const ids = [...this.principal.fileSystemIds!].sort();
    const scope = `${SCOPE}:${ids.join(',')}`;
    const position = this.cursors.start(after, scope);
    if ('refused' in position) return invalidInput([fieldError(['after'], 'cursor', position.refused)]);
    try {
      const page = ids.slice(position.skip, position.skip + first);
      const nodes = (await this.byId.loadMany(page)).map((f) => {
        if (f instanceof Error) throw f;
        return f;
      });
      return toConnection(FileSystemConnection, nodes.filter((f): f is FileSystem => f !== null), (i) => this.cursors.encode({ scope, skip: position.skip + i + 1 }), {
        hasNextPage: position.skip + first < ids.length,
      });
    } catch (error) {
      return mapFsxError(error, {}, FILE_SYSTEMS_ERRORS);
    }
  }

  private async describe(fileSystemIds: string[]): Promise<FileSystem[]> {
    const fileSystems: FileSystem[] = [];
    for await (const page of paginateDescribeFileSystems({ client: this.fsx, pageSize: fileSystemIds.length }, { FileSystemIds: fileSystemIds })) {
      fileSystems.push(...(page.FileSystems ?? []).filter(hasFileSystemId).map(toFileSystem));
    }
    return fileSystems;
  }

}
