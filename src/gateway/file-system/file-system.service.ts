import {
  DescribeFileSystemsCommand,
  FileSystemNotFound,
  type FSxClient,
  UpdateFileSystemCommand,
  type UpdateFileSystemRequest,
  paginateDescribeFileSystems,
} from '@aws-sdk/client-fsx';
import { FSX, conforms } from '../../fsx-model';
import { mapFsxError } from '../errors/map-fsx-error';
import { ByIdLoader, allItems } from '../fsx/by-id-loader';
import { foundHere } from '../fsx/found-here';
import type { FileSystem } from '../fsx/shapes.generated';
import type { Place } from '../fsx/place';
import { hasFileSystemId, toFileSystem, toFileSystems } from '../fsx/to-graphql';
import type { ConnectionArgs } from '../pagination/connection.args';
import { FileSystemConnection } from '../pagination/connection.types';
import { offsetPage, tokenPage } from '../pagination/pages';
import type { CursorCodec } from '../pagination/cursor';
import { type Principal, canSee } from '../auth/principal';
import { type ErrorResult, UnsupportedOperation, result } from '../results/error-result';
import { malformedAnswer } from '../results/malformed-answer';
import { fileSystemNotFound } from '../results/not-found';
import { UpdateBackupSettingsSuccess } from '../results/mutation-success.types';
import { FILE_SYSTEMS_ERRORS, FILE_SYSTEM_ERRORS, UPDATE_BACKUP_SETTINGS_ERRORS } from '../results/unions';
import { fieldError, invalidCursor, invalidInput } from '../results/invalid-input';
import { BACKUP_SETTINGS_BY_TYPE, type BackupSetting } from './backup-settings';
import type { UpdateBackupSettingsInput } from './update-backup-settings.input';

/** File systems, for one GraphQL request (per-request DataLoader: batched, deduplicated, never shared). */
export class FileSystemService {
  private readonly byId = new ByIdLoader(
    (ids) =>
      allItems(paginateDescribeFileSystems({ client: this.fsx, pageSize: ids.length }, { FileSystemIds: ids }), (page) =>
        toFileSystems(page.FileSystems, this.place),
      ),
    (fileSystem) => fileSystem.fileSystemId,
    FileSystemNotFound,
    FSX.FileSystemIds.max,
  );

  constructor(
    private readonly fsx: FSxClient,
    /** The place (account and region) this service reads: every file system it returns is stamped with it. */
    readonly place: Place,
    private readonly cursors: CursorCodec,
    private readonly principal: Principal,
  ) {}

  async get(fileSystemId: string): Promise<FileSystem | ErrorResult> {
    if (!canSee(this.principal, fileSystemId)) return fileSystemNotFound(fileSystemId, { region: this.place.region });
    try {
      const { item, requestId } = await this.byId.lookup(fileSystemId);
      return item ?? fileSystemNotFound(fileSystemId, { region: this.place.region, requestId });
    } catch (error) {
      return mapFsxError(error, { fileSystemId, region: this.place.region }, FILE_SYSTEM_ERRORS);
    }
  }

  /**
   * FSx UpdateFileSystem with the given automatic-backup settings, and nothing else, in the
   * configuration of the file system's type (read first, through the same per-request loader). A
   * setting that type's UpdateFileSystem configuration lacks is refused before the update is sent.
   */
  async updateBackupSettings(input: UpdateBackupSettingsInput): Promise<UpdateBackupSettingsSuccess | ErrorResult> {
    const { fileSystemId } = input;
    const given = SETTINGS.filter((setting) => input[setting] !== undefined && input[setting] !== null);
    if (given.length === 0) {
      return invalidInput(
        SETTINGS.map((setting) => fieldError(['input', setting], 'atLeastOneSetting', `give at least one of ${SETTINGS.join(', ')}`)),
      );
    }
    if (!canSee(this.principal, fileSystemId)) return fileSystemNotFound(fileSystemId, { region: this.place.region });
    try {
      const { item: fileSystem, requestId } = await this.byId.lookup(fileSystemId);
      if (!fileSystem) return fileSystemNotFound(fileSystemId, { region: this.place.region, requestId });
      const type = fileSystem.fileSystemType ?? 'UNRECOGNIZED';
      const spec = BACKUP_SETTINGS_BY_TYPE[type];
      if (!spec) {
        return result(UnsupportedOperation, {
          message: `File system ${fileSystemId} is of type ${type}, whose backup settings this gateway does not know`,
          retryable: false,
          requestId: null,
        });
      }
      const unsettable = given.filter((setting) => !spec.settable.includes(setting));
      if (unsettable.length > 0) {
        return invalidInput(
          unsettable.map((setting) =>
            fieldError(
              ['input', setting],
              'settableForFileSystemType',
              `${setting} cannot be changed on a ${type} file system (FSx UpdateFileSystem ${spec.configuration} has ${spec.settable.join(', ')})`,
            ),
          ),
        );
      }
      const settings = Object.fromEntries(given.map((setting) => [FSX_MEMBER[setting], input[setting]]));
      const request: UpdateFileSystemRequest = { FileSystemId: fileSystemId, [spec.configuration]: settings };
      const out = await this.fsx.send(new UpdateFileSystemCommand(request));
      if (!out.FileSystem || !hasFileSystemId(out.FileSystem)) return malformedAnswer('UpdateFileSystem', 'a FileSystemId');
      return result(UpdateBackupSettingsSuccess, { fileSystem: toFileSystem(out.FileSystem, this.place) });
    } catch (error) {
      return mapFsxError(error, { fileSystemId, region: this.place.region }, UPDATE_BACKUP_SETTINGS_ERRORS);
    }
  }

  /** A federation entity lookup: the FileSystem, or null when FSx does not know it (or the key is malformed, or the gateway cannot act in the account). */
  reference(fileSystemId: string): Promise<FileSystem | null> {
    return conforms(fileSystemId, FSX.FileSystemId) && canSee(this.principal, fileSystemId)
      ? foundHere(this.byId.load(fileSystemId))
      : Promise.resolve(null);
  }

  async list({ first, after }: ConnectionArgs): Promise<FileSystemConnection | ErrorResult> {
    if (this.principal.fileSystemIds) return this.listVisible(first, after);
    const scope = `file-systems:${this.place.key}`;
    const position = this.cursors.start(after, scope);
    if ('refused' in position) return invalidCursor(position.refused);
    try {
      const out = await this.fsx.send(new DescribeFileSystemsCommand({ MaxResults: position.skip + first, NextToken: position.token }));
      const fetched = this.byId.remember(toFileSystems(out.FileSystems, this.place));
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
    const scope = `file-systems:${this.place.key}:${ids.join(',')}`;
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

/** The settings updateBackupSettings takes, in the order they are reported. */
const SETTINGS: readonly BackupSetting[] = ['automaticBackupRetentionDays', 'dailyAutomaticBackupStartTime', 'copyTagsToBackups'];

/** GraphQL setting → the FSx member of an UpdateFileSystem<Type>Configuration. */
const FSX_MEMBER: Record<BackupSetting, string> = {
  automaticBackupRetentionDays: 'AutomaticBackupRetentionDays',
  dailyAutomaticBackupStartTime: 'DailyAutomaticBackupStartTime',
  copyTagsToBackups: 'CopyTagsToBackups',
};
