import { type GraphQLField, type GraphQLResolveInfo, type GraphQLSchema, type GraphQLUnionType, isUnionType } from 'graphql';
import type { GatewayMetrics } from './metrics';

/** The result label of a root field that threw instead of returning a union member. */
export const THREW = '(error)';

const COUNTED = Symbol('countResults');

/**
 * graphql_results_total{field, result}: every root query and mutation field whose type is a union
 * counts what it returns by __typename (e.g. createBackup → BackupInProgress), so refusals become a
 * labelled counter. A wrap of those few resolvers, not a per-field plugin hook: Apollo instruments
 * every field of the schema once any plugin has willResolveField. Wraps `schema` in place, once.
 */
export function countResults(schema: GraphQLSchema, metrics: GatewayMetrics): GraphQLSchema {
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      const type = field.type;
      const union = isUnionType(type) ? type : 'ofType' in type && isUnionType(type.ofType) ? type.ofType : undefined;
      if (union && field.resolve && !(field as { [COUNTED]?: true })[COUNTED]) wrap(field, union, metrics);
    }
  }
  return schema;
}

function wrap(field: GraphQLField<unknown, unknown>, union: GraphQLUnionType, metrics: GatewayMetrics): void {
  const resolve = field.resolve!;
  const count = (result: string) => metrics.graphqlResults.inc({ field: field.name, result });
  field.resolve = async (source, args, context, info) => {
    let value: unknown;
    try {
      value = await resolve(source, args, context, info);
    } catch (error) {
      count(THREW);
      throw error;
    }
    if (value != null) count((await typeName(union, value, context, info)) ?? THREW);
    return value;
  };
  (field as { [COUNTED]?: true })[COUNTED] = true;
}

async function typeName(union: GraphQLUnionType, value: unknown, context: unknown, info: GraphQLResolveInfo): Promise<string | undefined> {
  const typename = (value as { __typename?: unknown }).__typename;
  if (typeof typename === 'string') return typename;
  const resolved = await union.resolveType?.(value, context, info, union);
  if (typeof resolved === 'string') return resolved;
  return union.getTypes().find((member) => member.isTypeOf?.(value, context, info) === true)?.name;
}
