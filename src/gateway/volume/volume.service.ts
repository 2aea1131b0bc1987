import { type FSxClient, VolumeNotFound as FsxVolumeNotFound, paginateDescribeVolumes } from '@aws-sdk/client-fsx';
import { FSX, conforms } from '../../fsx-model';
import { type Principal, canSee } from '../auth/principal';
import { mapFsxError } from '../errors/map-fsx-error';
import { ByFileSystemLoader, mapPages } from '../fsx/by-file-system-loader';
import { ByIdLoader, allItems } from '../fsx/by-id-loader';
import { foundHere } from '../fsx/found-here';
import type { Volume } from '../fsx/shapes.generated';
import type { Place } from '../fsx/place';
import { toVolumes } from '../fsx/to-graphql';
import { MAX_PAGE_SIZE } from '../pagination/connection.args';
import { VolumeConnection } from '../pagination/connection.types';
import type { CursorCodec } from '../pagination/cursor';
import { offsetPage } from '../pagination/pages';
import { type ErrorResult, VolumeNotFound } from '../results/error-result';
import { invalidCursor } from '../results/invalid-input';
import { fileSystemNotFound, volumeNotFound, lookedUpFor } from '../results/not-found';
import { VOLUMES_ERRORS, VOLUME_ERRORS } from '../results/unions';

/** What the backup room asks of volumes: whether the caller may see a volume (a volume backup). */
export type VolumeLookup = Pick<VolumeService, 'find'>;

/**
 * Volumes (ONTAP and OpenZFS), for one GraphQL request: per-request DataLoaders, so every lookup in one
 * operation is batched and deduplicated, and nothing is cached across requests. A caller limited to
 * some file systems sees only their volumes; any other volume answers exactly like a missing one.
 */
export class VolumeService {
  /** volumeId → Volume (null: FSx does not know it). ⌈n/50⌉ DescribeVolumes calls for n ids. */
  private readonly byId = new ByIdLoader(
    (ids) =>
      allItems(paginateDescribeVolumes({ client: this.fsx, pageSize: ids.length }, { VolumeIds: ids }), (page) =>
        toVolumes(page.Volumes, this.place),
      ),
    (volume) => volume.volumeId,
    FsxVolumeNotFound,
    FSX.VolumeIds.max,
  );

  /** A file system's volumes: one DescribeVolumes (file-system-id filter) per 20 file systems and page. */
  private readonly byFileSystem = new ByFileSystemLoader(
    (fileSystemIds) =>
      mapPages(
        paginateDescribeVolumes(
          { client: this.fsx, pageSize: MAX_PAGE_SIZE },
          { Filters: [{ Name: 'file-system-id', Values: fileSystemIds }] },
        ),
        (page) => this.byId.remember(toVolumes(page.Volumes, this.place)),
      ),
    (volume) => volume.fileSystemId,
    FSX.VolumeFilterValues.max,
  );

  constructor(
    private readonly fsx: FSxClient,
    /** The place (account and region) this service reads: every volume it returns is stamped with it. */
    readonly place: Place,
    private readonly cursors: CursorCodec,
    private readonly principal: Principal,
  ) {}

  async get(volumeId: string): Promise<Volume | ErrorResult> {
    try {
      return await this.find(volumeId);
    } catch (error) {
      return mapFsxError(error, { volumeId, region: this.place.region }, VOLUME_ERRORS);
    }
  }

  /** The volume, or null when FSx does not know it, the caller may not see its file system, the id is malformed, or the gateway cannot act in the account. */
  reference(volumeId: string): Promise<Volume | null> {
    return conforms(volumeId, FSX.VolumeId) ? foundHere(this.visible(volumeId)) : Promise.resolve(null);
  }

  /** One file system's volumes after the `after` cursor, batched with every other file system asked for in this request. */
  async forFileSystem(fileSystemId: string, first: number, after?: string | null): Promise<VolumeConnection | ErrorResult> {
    if (!canSee(this.principal, fileSystemId)) return fileSystemNotFound(fileSystemId, { region: this.place.region });
    const scope = `fs-volumes:${this.place.key}:${fileSystemId}`;
    const position = this.cursors.start(after, scope);
    if ('refused' in position) return invalidCursor(position.refused);
    try {
      const all = await this.byFileSystem.load(fileSystemId, position.skip + first + 1);
      const page = all.slice(position.skip, position.skip + first);
      return offsetPage(VolumeConnection, this.cursors, scope, position.skip, page, all.length > position.skip + first);
    } catch (error) {
      return mapFsxError(error, { fileSystemId, region: this.place.region }, VOLUMES_ERRORS);
    }
  }

  /** The volume, if FSx has it and the caller may see its file system; else not found, with the request id of the call that said so. */
  async find(volumeId: string): Promise<Volume | VolumeNotFound> {
    const { item: volume, requestId } = await this.byId.lookup(volumeId);
    return volume && canSee(this.principal, volume.fileSystemId)
      ? volume
      : volumeNotFound(volumeId, lookedUpFor(this.principal, this.place.region, requestId));
  }

  private async visible(volumeId: string): Promise<Volume | null> {
    const volume = await this.find(volumeId);
    return volume instanceof VolumeNotFound ? null : volume;
  }
}
