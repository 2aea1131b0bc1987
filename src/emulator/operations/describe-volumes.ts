/** DescribeVolumes: ONTAP and OpenZFS volumes, by id (all or nothing) or by filter, paged like the other Describe operations. */
import type { OperationContext } from '../context';
import { paginate, readPageRequest, scopeHash, timeThenIdKey } from '../pagination';
import { volumeNotFound } from '../protocol/errors';
import type { VolumeRecord } from '../store/records';
import { FSX } from '../../fsx-model';
import { optionalStringList } from '../validation';
import { volumeToWire } from '../wire';
import { filterScope, matchesAll, readFilters } from './filters';

/** The model's VolumeFilterName values. */
const FILTERS: Record<string, (v: VolumeRecord) => string | undefined> = {
  'file-system-id': (v) => v.fileSystemId,
  'storage-virtual-machine-id': (v) => v.ontapConfiguration?.StorageVirtualMachineId as string | undefined,
};

export function describeVolumes(input: Record<string, unknown>, ctx: OperationContext) {
  const ids = optionalStringList(input, 'VolumeIds', FSX.VolumeIds, FSX.VolumeId);
  const filters = readFilters(input, Object.keys(FILTERS), {
    filters: FSX.VolumeFilters,
    values: FSX.VolumeFilterValues,
    value: FSX.VolumeFilterValue,
  });
  let selected: VolumeRecord[];
  let scope: unknown;
  if (ids !== undefined && ids.length > 0) {
    // As DescribeBackups: ids override filters, and one unknown id fails the whole call.
    const unique = [...new Set(ids)];
    selected = unique.map((id) => ctx.store.getVolume(id) ?? throwNotFound(id));
    scope = { op: 'DescribeVolumes', ids: [...unique].sort() };
  } else {
    // Values inside one filter OR together; filters AND; values match exactly.
    selected = ctx.store.listVolumes().filter((v) => matchesAll(v, filters, (name, volume) => FILTERS[name](volume)));
    scope = { op: 'DescribeVolumes', filters: filterScope(filters) };
  }
  const scopeKey = scopeHash(scope);
  const page = readPageRequest(input, ctx, scopeKey);
  const result = paginate(selected, (v) => timeThenIdKey(v.createdAtMs, v.volumeId), page, ctx, scopeKey);
  return { Volumes: result.items.map((v) => volumeToWire(v, ctx)), NextToken: result.nextToken };
}

const throwNotFound = (id: string): never => {
  throw volumeNotFound(id);
};
