import { DescribeFileSystemsCommand, type FSxClient } from '@aws-sdk/client-fsx';
import DataLoader from 'dataloader';
import { mapFsxError } from '../errors/map-fsx-error';
import { describeByIds } from '../fsx/describe-by-ids';
import type { FileSystem } from '../fsx/shapes.generated';
import { hasFileSystemId, toFileSystem } from '../fsx/to-graphql';
import type { ConnectionArgs } from '../pagination/connection.args';
import { FileSystemConnection, toConnection } from '../pagination/connection.types';
import type { CursorCodec } from '../pagination/cursor';
import { ErrorResult, FileSystemNotFound, result } from '../results/error-result';
import { FILE_SYSTEMS_ERRORS, FILE_SYSTEM_ERRORS } from '../results/unions';
import { FILE_SYSTEM_ID, MAX_IDS_PER_DESCRIBE, isValidId } from '../validation/fsx-constraints';
import { fieldError, invalidInput } from '../validation/invalid-input-as-result';

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
  ) {}

  async get(fileSystemId: string): Promise<FileSystem | ErrorResult> {
    try {
      const fileSystem = await this.byId.load(fileSystemId);
      return (
        fileSystem ??
        result(FileSystemNotFound, { message: `File system ${fileSystemId} does not exist`, retryable: false, fileSystemId, requestId: null })
      );
    } catch (error) {
      return mapFsxError(error, { fileSystemId }, FILE_SYSTEM_ERRORS);
    }
  }

  /** A federation entity lookup: the FileSystem, or null when FSx does not know it (or the key is malformed). */
  reference(fileSystemId: string): Promise<FileSystem | null> {
    return isValidId(fileSystemId, FILE_SYSTEM_ID) ? this.byId.load(fileSystemId) : Promise.resolve(null);
  }

  async list({ first, after }: ConnectionArgs): Promise<FileSystemConnection | ErrorResult> {
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

  private async describe(fileSystemIds: string[]): Promise<FileSystem[]> {
    const fileSystems: FileSystem[] = [];
    let NextToken: string | undefined;
    do {
      const out = await this.fsx.send(new DescribeFileSystemsCommand({ FileSystemIds: fileSystemIds, MaxResults: fileSystemIds.length, NextToken }));
      fileSystems.push(...(out.FileSystems ?? []).filter(hasFileSystemId).map(toFileSystem));
      NextToken = out.NextToken;
    } while (NextToken);
    return fileSystems;
  }
}
