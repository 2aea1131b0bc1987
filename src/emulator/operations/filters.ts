/** The `Filters` of DescribeVolumes and DescribeStorageVirtualMachines: named filters, values OR together, filters AND. */
import type { Constraint } from '../../fsx-model';
import { badRequest } from '../protocol/errors';
import { checkCount, checkString, optionalArray } from '../validation';

export interface Filter {
  name: string;
  values: string[];
}

/** The bounds the model puts on an operation's filter list, its values per filter, and each value. */
export interface FilterBounds {
  filters: Constraint;
  values: Constraint;
  value: Constraint;
}

/** Reads `Filters`, each named one of `names`, within `bounds`; anything else is a BadRequest. */
export function readFilters(input: Record<string, unknown>, names: readonly string[], bounds: FilterBounds): Filter[] {
  const raw = optionalArray(input, 'Filters') ?? [];
  checkCount('Filters', raw, bounds.filters);
  return raw.map((f, i) => {
    if (typeof f !== 'object' || f === null || Array.isArray(f)) throw badRequest(`Filters[${i}] must be an object.`);
    const { Name, Values } = f as Record<string, unknown>;
    if (typeof Name !== 'string' || !names.includes(Name)) {
      throw badRequest(`Filters[${i}].Name must be one of: ${names.join(', ')}.`);
    }
    const values = Values === undefined || Values === null ? [] : Values;
    if (!Array.isArray(values)) throw badRequest(`Filters[${i}].Values must be a list.`);
    checkCount(`Filters[${i}].Values`, values, bounds.values);
    return { name: Name, values: values.map((v, j) => checkString(`Filters[${i}].Values[${j}]`, v, bounds.value)) };
  });
}

/** Whether a record passes every filter: one of each filter's values equals (exactly) what `valueOf` reads of it. */
export const matchesAll = <T>(item: T, filters: Filter[], valueOf: (name: string, item: T) => string | undefined): boolean =>
  filters.every((f) => {
    const value = valueOf(f.name, item);
    return value !== undefined && f.values.includes(value);
  });

/** The filters in a canonical order, for a pagination scope: the same filters in any order page alike. */
export const filterScope = (filters: Filter[]): Array<[string, string[]]> =>
  filters.map((f): [string, string[]] => [f.name, [...new Set(f.values)].sort()]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
