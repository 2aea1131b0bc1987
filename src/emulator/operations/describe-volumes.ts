/** DescribeVolumes: ONTAP and OpenZFS volumes, by id (all or nothing) or by filter, paged like the other Describe operations. */
import type { OperationContext } from '../context';
import { paginate, readPageRequest, scopeHash, timeThenIdKey } from '../pagination';
import { badRequest, volumeNotFound } from '../protocol/errors';
import type { VolumeRecord } from '../store/records';
import { FSX } from '../../fsx-model';
import { checkCount, checkString, optionalArray, optionalStringList } from '../validation';
import { volumeToWire } from '../wire';

/** The model's VolumeFilterName values. */
const FILTERS: Record<string, (v: VolumeRecord) => string | undefined> = {
  'file-system-id': (v) => v.fileSystemId,
  'storage-virtual-machine-id': (v) => v.ontapConfiguration?.StorageVirtualMachineId as string | undefined,
};

function readFilters(input: Record<string, unknown>): Array<{ name: string; values: string[] }> {
  const raw = optionalArray(input, 'Filters') ?? [];
  checkCount('Filters', raw, FSX.VolumeFilters);
  return raw.map((f, i) => {
    if (typeof f !== 'object' || f === null || Array.isArray(f)) throw badRequest(`Filters[${i}] must be an object.`);
    const { Name, Values } = f as Record<string, unknown>;
    if (typeof Name !== 'string' || !(Name in FILTERS)) {
      throw badRequest(`Filters[${i}].Name must be one of: ${Object.keys(FILTERS).join(', ')}.`);
    }
    const values = Values === undefined || Values === null ? [] : Values;
    if (!Array.isArray(values)) throw badRequest(`Filters[${i}].Values must be a list.`);
    checkCount(`Filters[${i}].Values`, values, FSX.VolumeFilterValues);
    return { name: Name, values: values.map((v, j) => checkString(`Filters[${i}].Values[${j}]`, v, FSX.VolumeFilterValue)) };
  });
}

export function describeVolumes(input: Record<string, unknown>, ctx: OperationContext) {
  const ids = optionalStringList(input, 'VolumeIds', FSX.VolumeIds, FSX.VolumeId);
  const filters = readFilters(input);
  let selected: VolumeRecord[];
  let scope: unknown;
  if (ids !== undefined && ids.length > 0) {
    // As DescribeBackups: ids override filters, and one unknown id fails the whole call.
    const unique = [...new Set(ids)];
    selected = unique.map((id) => ctx.store.getVolume(id) ?? throwNotFound(id));
    scope = { op: 'DescribeVolumes', ids: [...unique].sort() };
  } else {
    // Values inside one filter OR together; filters AND; values match exactly.
    selected = ctx.store.listVolumes().filter((v) => filters.every((f) => f.values.includes(FILTERS[f.name](v) ?? '\u0000')));
    scope = {
      op: 'DescribeVolumes',
      filters: filters.map((f) => [f.name, [...new Set(f.values)].sort()]).sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1)),
    };
  }
  const scopeKey = scopeHash(scope);
  const page = readPageRequest(input, ctx, scopeKey);
  const result = paginate(selected, (v) => timeThenIdKey(v.createdAtMs, v.volumeId), page, ctx, scopeKey);
  return { Volumes: result.items.map((v) => volumeToWire(v, ctx)), NextToken: result.nextToken };
}

const throwNotFound = (id: string): never => {
  throw volumeNotFound(id);
};
