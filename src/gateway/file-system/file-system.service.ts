import { DescribeFileSystemsCommand, FileSystemNotFound, type FSxClient, paginateDescribeFileSystems } from '@aws-sdk/client-fsx';
import { FSX, conforms } from '../../fsx-model';
import { mapFsxError } from '../errors/map-fsx-error';
import { ByIdLoader, allItems } from '../fsx/by-id-loader';
import type { FileSystem } from '../fsx/shapes.generated';
import { toFileSystems } from '../fsx/to-graphql';
import type { ConnectionArgs } from '../pagination/connection.args';
import { FileSystemConnection } from '../pagination/connection.types';
import { offsetPage, tokenPage } from '../pagination/pages';
import type { CursorCodec } from '../pagination/cursor';
import { type Principal, canSee } from '../auth/principal';
import type { ErrorResult } from '../results/error-result';
import { fileSystemNotFound } from '../results/not-found';
import { FILE_SYSTEMS_ERRORS, FILE_SYSTEM_ERRORS } from '../results/unions';
import { invalidCursor } from '../results/invalid-input';

/** File systems, for one GraphQL request (per-request DataLoader: batched, deduplicated, never shared). */
export class FileSystemService {
  private readonly byId = new ByIdLoader(
    (ids) =>
      allItems(paginateDescribeFileSystems({ client: this.fsx, pageSize: ids.length }, { FileSystemIds: ids }), (page) =>
        toFileSystems(page.FileSystems, this.region),
      ),
    (fileSystem) => fileSystem.fileSystemId,
    FileSystemNotFound,
    FSX.FileSystemIds.max,
  );

  constructor(
    private readonly fsx: FSxClient,
    /** The region this service reads: every file system it returns is stamped with it. */
    readonly region: string,
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
    return conforms(fileSystemId, FSX.FileSystemId) && canSee(this.principal, fileSystemId)
      ? this.byId.load(fileSystemId)
      : Promise.resolve(null);
  }

  async list({ first, after }: ConnectionArgs): Promise<FileSystemConnection | ErrorResult> {
    if (this.principal.fileSystemIds) return this.listVisible(first, after);
    const scope = `file-systems:${this.region}`;
    const position = this.cursors.start(after, scope);
    if ('refused' in position) return invalidCursor(position.refused);
    try {
      const out = await this.fsx.send(new DescribeFileSystemsCommand({ MaxResults: position.skip + first, NextToken: position.token }));
      const fetched = this.byId.remember(toFileSystems(out.FileSystems, this.region));
      return tokenPage(FileSystemConnection, this.cursors, scope, position, fetched, first, out.NextToken);
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
    const scope = `file-systems:${this.region}:${ids.join(',')}`;
    const position = this.cursors.start(after, scope);
    if ('refused' in position) return invalidCursor(position.refused);
    try {
      const page = await this.byId.loadMany(ids.slice(position.skip, position.skip + first));
      // A listed id FSx no longer knows is skipped but keeps its place, so later cursors stay right.
      return offsetPage(FileSystemConnection, this.cursors, scope, position.skip, page, position.skip + first < ids.length);
    } catch (error) {
      return mapFsxError(error, {}, FILE_SYSTEMS_ERRORS);
    }
  }
}
