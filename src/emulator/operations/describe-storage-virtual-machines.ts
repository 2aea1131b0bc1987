/**
 * DescribeStorageVirtualMachines: the ONTAP storage virtual machines of the request's region, by id (all
 * or nothing: one unknown id is StorageVirtualMachineNotFound) or by the one filter the model has,
 * `file-system-id` (at most 20 values), paged like the other Describe operations.
 */
import type { OperationContext } from '../context';
import { paginate, readPageRequest, scopeHash, timeThenIdKey } from '../pagination';
import { storageVirtualMachineNotFound } from '../protocol/errors';
import type { StorageVirtualMachineRecord } from '../store/records';
import { FSX } from '../../fsx-model';
import { optionalStringList } from '../validation';
import { storageVirtualMachineToWire } from '../wire';
import { filterScope, matchesAll, readFilters } from './filters';

/** The model's StorageVirtualMachineFilterName values. */
const FILTERS: Record<string, (svm: StorageVirtualMachineRecord) => string | undefined> = {
  'file-system-id': (svm) => svm.fileSystemId,
};

export function describeStorageVirtualMachines(input: Record<string, unknown>, ctx: OperationContext) {
  const ids = optionalStringList(input, 'StorageVirtualMachineIds', FSX.StorageVirtualMachineIds, FSX.StorageVirtualMachineId);
  const filters = readFilters(input, Object.keys(FILTERS), {
    filters: FSX.StorageVirtualMachineFilters,
    values: FSX.StorageVirtualMachineFilterValues,
    value: FSX.StorageVirtualMachineFilterValue,
  });
  let selected: StorageVirtualMachineRecord[];
  let scope: unknown;
  if (ids !== undefined && ids.length > 0) {
    // As DescribeVolumes: ids override filters, and one unknown id fails the whole call.
    const unique = [...new Set(ids)];
    selected = unique.map((id) => ctx.store.getStorageVirtualMachine(id) ?? throwNotFound(id));
    scope = { op: 'DescribeStorageVirtualMachines', ids: [...unique].sort() };
  } else {
    selected = ctx.store.listStorageVirtualMachines().filter((svm) => matchesAll(svm, filters, (name, s) => FILTERS[name](s)));
    scope = { op: 'DescribeStorageVirtualMachines', filters: filterScope(filters) };
  }
  const scopeKey = scopeHash(scope);
  const page = readPageRequest(input, ctx, scopeKey);
  const result = paginate(selected, (svm) => timeThenIdKey(svm.createdAtMs, svm.storageVirtualMachineId), page, ctx, scopeKey);
  return {
    StorageVirtualMachines: result.items.map((svm) => storageVirtualMachineToWire(svm, ctx)),
    NextToken: result.nextToken,
  };
}

const throwNotFound = (id: string): never => {
  throw storageVirtualMachineNotFound(id);
};
