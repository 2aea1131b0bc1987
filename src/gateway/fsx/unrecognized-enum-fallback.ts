import type { GraphQLEnumType, GraphQLSchema } from 'graphql';
import { isEnumType } from 'graphql';

export const UNRECOGNIZED = 'UNRECOGNIZED';

/** The values a client may send for an FSx enum: all but UNRECOGNIZED, which only FSx's answers can produce. */
export const knownValues = (e: Record<string, string>): string[] => Object.values(e).filter((v) => v !== UNRECOGNIZED);

/**
 * FSx grows its enums (Backup Lifecycle gained PENDING, TRANSFERRING, COPYING; Type gained AWS_BACKUP).
 * graphql-js fails the field when an output value is not a member, which would turn a new FSx value
 * into a query error. Every FSx enum in this schema has an UNRECOGNIZED member; this makes output
 * serialization map any unknown value to it. Input coercion is untouched (clients still get
 * validation errors for values they make up). Applied to every schema we serve, including rebuilt ones.
 */
export function applyUnrecognizedEnumFallback(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isEnumType(type) || type.name.startsWith('__') || !type.getValue(UNRECOGNIZED)) continue;
    patchSerialize(type);
  }
  return schema;
}

function patchSerialize(type: GraphQLEnumType): void {
  const known = new Set(type.getValues().map((v): unknown => v.value));
  const serialize = type.serialize.bind(type);
  type.serialize = (outputValue: unknown) => serialize(known.has(outputValue) ? outputValue : UNRECOGNIZED);
}
