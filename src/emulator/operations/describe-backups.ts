import type { OperationContext } from '../context';
import { paginate, readPageRequest, scopeHash, timeThenIdKey } from '../pagination';
import { backupNotFound, badRequest } from '../protocol/errors';
import type { BackupRecord } from '../store/records';
import { checkLength, checkPattern, FILTER_VALUE_RE, optionalArray, validateBackupId } from '../validation';
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
  const ids = optionalArray(input, 'BackupIds');
  if (ids === undefined) return undefined;
  if (ids.length > 50) throw badRequest(`BackupIds may contain at most 50 ids (got ${ids.length}).`);
  return ids.map((id, i) => {
    if (typeof id !== 'string') throw badRequest(`BackupIds[${i}] must be a string.`);
    return validateBackupId(id, `BackupIds[${i}]`);
  });
}

function readFilters(input: Record<string, unknown>): Filter[] {
  const raw = optionalArray(input, 'Filters') ?? [];
  if (raw.length > 10) throw badRequest(`Filters may contain at most 10 filters (got ${raw.length}).`);
  return raw.map((f, i) => {
    if (typeof f !== 'object' || f === null || Array.isArray(f)) throw badRequest(`Filters[${i}] must be an object.`);
    const { Name, Values } = f as Record<string, unknown>;
    if (typeof Name !== 'string') throw badRequest(`Filters[${i}].Name is required.`);
    if (!(Name in FILTERS)) {
      throw badRequest(`Filters[${i}].Name '${Name}' is not supported. Use one of: ${Object.keys(FILTERS).join(', ')}.`);
    }
    const values = Values === undefined || Values === null ? [] : Values;
    if (!Array.isArray(values)) throw badRequest(`Filters[${i}].Values must be a list.`);
    if (values.length > 20) throw badRequest(`Filters[${i}].Values may contain at most 20 values (got ${values.length}).`);
    values.forEach((v, j) => {
      const member = `Filters[${i}].Values[${j}]`;
      if (typeof v !== 'string') throw badRequest(`${member} must be a string.`);
      checkLength(member, v, 1, 128);
      checkPattern(member, v, FILTER_VALUE_RE);
    });
    return { name: Name, values: values as string[] };
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
