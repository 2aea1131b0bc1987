import { type GraphQLSchema, getNullableType, isInterfaceType, isListType, isObjectType } from 'graphql';
import { FSX } from '../../fsx-model';
import { SCOPES } from '../auth/principal';
import { MAX_ACCOUNTS } from '../fsx/accounts';
import { LIST_BOUNDS } from '../fsx/shapes.generated';
import { DeletionRule } from '../results/deletion-rule';

/**
 * The most items each of the gateway's own list fields can hold, for the query cost. FSx's lists are
 * bounded by the FSx model (LIST_BOUNDS, generated: tags 50, ...).
 */
export const GATEWAY_LIST_BOUNDS: Readonly<Record<string, number>> = {
  // A connection costs `first` × its whole selection (pagination/page-complexity.ts): its edges are
  // already counted once per item, and must not be multiplied a second time.
  'BackupConnection.edges': 1,
  'FileSystemConnection.edges': 1,
  'VolumeConnection.edges': 1,
  // One error per argument the client got wrong, and its path within those arguments: their length is
  // bounded by the client's own input (MAX_BODY_BYTES, MAX_TOKENS), so they cannot amplify. A nominal
  // size: a few bad arguments, as deep as ["input", "tags", "3", "key"]. (A connection's `first` also
  // multiplies the error members of its result union: a larger bound would price them as pages.)
  'InvalidInput.fieldErrors': 3,
  'FieldError.path': 4,
  // A file system's SVMs: at most what one DescribeStorageVirtualMachines answer holds (the model's list bound).
  'FileSystem.storageVirtualMachines': FSX.StorageVirtualMachines.max,
  // The scopes a field needs and the caller lacks: at most every scope there is.
  'Forbidden.missingScopes': Object.keys(SCOPES).length,
  // The caller's own: the scopes of this API it has, and the file systems it is limited to (one FSx filter's worth).
  'Viewer.scopes': Object.keys(SCOPES).length,
  'Viewer.fileSystemIds': 20,
  // The regions served are configured, never more than AWS has (about 35 in 2026).
  'Query.regions': 40,
  'Account.regions': 40,
  // The accounts served are configured: FSX_ACCOUNTS refuses more than MAX_ACCOUNTS.
  'Query.accounts': MAX_ACCOUNTS,
  // The deletion guards that keep a backup: at most every rule there is.
  'Backup.deletionBlockedBy': Object.keys(DeletionRule).length,
};

/**
 * Lists sized by an argument rather than a table: federation's `_entities` returns one entity per
 * representation the router sent (the client's own input again, but each one a full lookup).
 */
export const ARGUMENT_LIST_BOUNDS: Readonly<Record<string, string>> = {
  'Query._entities': 'representations',
};

/** The bound of `Type.field`, from the FSx model or the gateway's table (undefined: not a known list). */
export function listBound(type: string, field: string): number | undefined {
  const key = `${type}.${field}`;
  return LIST_BOUNDS[key] ?? GATEWAY_LIST_BOUNDS[key];
}

/**
 * The list fields of `schema` (object and interface types) that have no bound: none may be left, or
 * their cost would be one item's whatever they return. A field whose type-graphql `complexity` is a
 * function is its own bound. Introspection's own types (`__Schema.types`...)
 * are left out: their lists are as long as the schema, not the data.
 */
export function unboundedLists(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.values(type.getFields())) {
      const key = `${type.name}.${field.name}`;
      if (!isListType(getNullableType(field.type)) || listBound(type.name, field.name) !== undefined || key in ARGUMENT_LIST_BOUNDS)
        continue;
      // A type-graphql `complexity` function sizes its list itself (from its arguments, as connections do from `first`).
      if (typeof field.extensions?.complexity !== 'function') missing.push(key);
    }
  }
  return missing;
}
