import type { OperationContext } from '../context';
import { paginate, readPageRequest, scopeHash, timeThenIdKey } from '../pagination';
import { backupNotFound, badRequest } from '../protocol/errors';
import type { BackupRecord } from '../store/records';
import { FSX } from '../../fsx-model';
import { checkCount, checkString, optionalArray, optionalStringList } from '../validation';
import { backupToWire } from '../wire';

/** The filter names FSx accepts on DescribeBackups (the model's enum also lists file-cache ones). */
const FILTERS: Record<string, (b: BackupRecord) => string | undefined> = {
  'file-system-id': (b) => b.fileSystemId,
  'backup-type': (b) => b.type,
  'file-system-type': (b) => b.fileSystem.fileSystemType,
  'volume-id': (b) => b.volume?.volumeId,
};

interface Filter {
  name: string;
  values: string[];
}

function readBackupIds(input: Record<string, unknown>): string[] | undefined {
  return optionalStringList(input, 'BackupIds', FSX.BackupIds, FSX.BackupId);
}

function readFilters(input: Record<string, unknown>): Filter[] {
  const raw = optionalArray(input, 'Filters') ?? [];
  checkCount('Filters', raw, FSX.Filters);
  return raw.map((f, i) => {
    if (typeof f !== 'object' || f === null || Array.isArray(f)) throw badRequest(`Filters[${i}] must be an object.`);
    const { Name, Values } = f as Record<string, unknown>;
    if (typeof Name !== 'string') throw badRequest(`Filters[${i}].Name is required.`);
    if (!(Name in FILTERS)) {
      throw badRequest(`Filters[${i}].Name '${Name}' is not supported. Use one of: ${Object.keys(FILTERS).join(', ')}.`);
    }
    const values = Values === undefined || Values === null ? [] : Values;
    if (!Array.isArray(values)) throw badRequest(`Filters[${i}].Values must be a list.`);
    checkCount(`Filters[${i}].Values`, values, FSX.FilterValues);
    return { name: Name, values: values.map((v, j) => checkString(`Filters[${i}].Values[${j}]`, v, FSX.FilterValue)) };
  });
}

export function describeBackups(input: Record<string, unknown>, ctx: OperationContext) {
  const ids = readBackupIds(input);
  const filters = readFilters(input);
  const { store } = ctx;

  let selected: BackupRecord[];
  let scope: unknown;
  if (ids !== undefined && ids.length > 0) {
    // BackupIds override Filters; one unknown id fails the whole call.
    const unique = [...new Set(ids)];
    selected = unique.map((id) => {
      const b = store.getBackup(id);
      if (!b) throw backupNotFound(id);
      return b;
    });
    scope = { op: 'DescribeBackups', ids: [...unique].sort() };
  } else {
    // Values inside one filter OR together; filters AND. Matching is exact: FSx does not
    // document wildcard semantics for the `*`/`?` its pattern allows (guess: literal).
    selected = store.listBackups().filter((b) => filters.every((f) => f.values.includes(FILTERS[f.name](b) ?? '\u0000')));
    scope = {
      op: 'DescribeBackups',
      filters: filters.map((f) => [f.name, [...new Set(f.values)].sort()]).sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1)),
    };
  }
  const scopeKey = scopeHash(scope);
  const page = readPageRequest(input, ctx, scopeKey);
  const result = paginate(selected, (b) => timeThenIdKey(b.createdAtMs, b.backupId), page, ctx, scopeKey);
  return { Backups: result.items.map((b) => backupToWire(b, ctx)), NextToken: result.nextToken };
}
