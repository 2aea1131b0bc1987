import {
  type FSxClient,
  StorageVirtualMachineNotFound as FsxStorageVirtualMachineNotFound,
  paginateDescribeStorageVirtualMachines,
} from '@aws-sdk/client-fsx';
import { FSX } from '../../fsx-model';
import type { Place } from '../fsx/place';
import { type Principal, canSee } from '../auth/principal';
import { fsxErrorAsGraphQLError } from '../errors/fsx-error-as-graphql';
import { ByFileSystemLoader, mapPages } from '../fsx/by-file-system-loader';
import { ByIdLoader, allItems } from '../fsx/by-id-loader';
import type { StorageVirtualMachine } from '../fsx/shapes.generated';
import { toStorageVirtualMachines } from '../fsx/to-graphql';

/**
 * The ONTAP storage virtual machines (SVMs) volumes live in, for one GraphQL request: per-request
 * DataLoaders (DescribeStorageVirtualMachines), batched and deduplicated, nothing cached across requests.
 * A caller limited to some file systems sees only their SVMs.
 */
export class StorageVirtualMachineService {
  /** svm id → SVM (null: FSx does not know it). ⌈n/50⌉ calls for n ids; one unknown id does not fail the others. */
  private readonly byId = new ByIdLoader(
    (ids) =>
      allItems(
        paginateDescribeStorageVirtualMachines({ client: this.fsx, pageSize: ids.length }, { StorageVirtualMachineIds: ids }),
        (page) => toStorageVirtualMachines(page.StorageVirtualMachines),
      ),
    (svm) => svm.storageVirtualMachineId,
    FsxStorageVirtualMachineNotFound,
    FSX.StorageVirtualMachineIds.max,
  );

  /**
   * A file system's SVMs: one DescribeStorageVirtualMachines (filter file-system-id, which takes at most
   * 20 values) per 20 file systems and page of 50 (the most one answer holds), however many file
   * systems one operation asks about.
   */
  private readonly byFileSystem = new ByFileSystemLoader(
    (fileSystemIds) =>
      mapPages(
        paginateDescribeStorageVirtualMachines(
          { client: this.fsx, pageSize: FSX.StorageVirtualMachines.max },
          { Filters: [{ Name: 'file-system-id', Values: fileSystemIds }] },
        ),
        (page) => this.byId.remember(toStorageVirtualMachines(page.StorageVirtualMachines)),
      ),
    (svm) => svm.fileSystemId,
    FSX.StorageVirtualMachineFilterValues.max,
  );

  constructor(
    private readonly fsx: FSxClient,
    /** The place (account and region) this service reads. */
    readonly place: Place,
    private readonly principal: Principal,
  ) {}

  /**
   * The SVMs of one ONTAP file system, batched with every other file system asked about in this
   * request; none for a file system the caller may not see. An FSx failure is a top-level FSX_ERROR
   * (the field answers a plain list, no result union).
   */
  async forFileSystem(fileSystemId: string): Promise<StorageVirtualMachine[]> {
    if (!canSee(this.principal, fileSystemId)) return [];
    try {
      // All of them: FSx holds a few per file system, never a page's worth to skip.
      return await this.byFileSystem.loadAll(fileSystemId);
    } catch (error) {
      throw fsxErrorAsGraphQLError(error, { fileSystemId });
    }
  }

  /** The file system holding an SVM, or null when FSx does not know the SVM. Throws what FSx threw. */
  async fileSystemOf(storageVirtualMachineId: string): Promise<string | null> {
    return (await this.byId.load(storageVirtualMachineId))?.fileSystemId ?? null;
  }
}
