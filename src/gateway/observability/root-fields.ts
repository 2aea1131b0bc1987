import { SpanStatusCode, trace } from '@opentelemetry/api';
import {
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type GraphQLUnionType,
  getNullableType,
  isUnionType,
} from 'graphql';
import type { GatewayMetrics } from './metrics';
import type { MutationAudit } from './mutation-audit';

/** The result label of a root field that threw instead of returning a union member. */
export const THREW = '(error)';

const OBSERVED = Symbol('observeRootFields');
const tracer = trace.getTracer('fsx-backup-graph');

/**
 * The root query and mutation fields, observed once each, where the work of an operation is:
 * - a span `graphql.resolve <field>` (attributes as the GraphQL instrumentation names them, plus
 *   `graphql.result.type`, the union member returned), child of the operation's span and parent of
 *   the FSx calls the field makes. The GraphQL instrumentation's own field spans are off: it wraps
 *   every field of every object, at any depth, in a context switch (a read of 50 backups is ~750 of
 *   them), which alone cost more than the whole tracing budget.
 * - graphql_results_total{field, result} for union fields: what each returns, by __typename
 *   (`(error)` when it threw), so refusals become a labelled counter.
 * - with `audit`, one audit line per mutation field (mutation-audit.ts), whatever it returned.
 * A wrap of these few resolvers, not a plugin hook: Apollo instruments every field of the schema once
 * any plugin has willResolveField. With tracing off the span is the API's no-op. Wraps in place, once.
 */
export function observeRootFields(schema: GraphQLSchema, metrics?: GatewayMetrics, audit?: MutationAudit): GraphQLSchema {
  const mutation = schema.getMutationType();
  for (const root of [schema.getQueryType(), mutation]) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      if (!field.resolve || (field as { [OBSERVED]?: true })[OBSERVED]) continue;
      const type = getNullableType(field.type);
      wrap(field, isUnionType(type) ? type : undefined, metrics, root === mutation ? audit : undefined);
    }
  }
  return schema;
}

function wrap(
  field: GraphQLField<unknown, unknown>,
  union: GraphQLUnionType | undefined,
  metrics: GatewayMetrics | undefined,
  audit: MutationAudit | undefined,
): void {
  const resolve = audit ? audited(field.resolve!, field.name, union, audit) : field.resolve!;
  const counted = union && metrics;
  const attributes = { 'graphql.field.name': field.name, 'graphql.field.path': field.name, 'graphql.field.type': String(field.type) };
  field.resolve = (source, args, context, info) =>
    tracer.startActiveSpan(
      `graphql.resolve ${field.name}`,
      { attributes: { ...attributes, 'graphql.parent.name': info.parentType.name } },
      async (span) => {
        try {
          const value = await resolve(source, args, context, info);
          if (union && value != null && (counted || span.isRecording())) {
            const result = (await typeName(union, value, context, info)) ?? THREW;
            if (counted) metrics.graphqlResults.inc({ field: field.name, result });
            span.setAttribute('graphql.result.type', result);
          }
          return value;
        } catch (error) {
          if (counted) metrics.graphqlResults.inc({ field: field.name, result: THREW });
          span.recordException(error as Error);
          span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
          throw error;
        } finally {
          span.end();
        }
      },
    );
  (field as { [OBSERVED]?: true })[OBSERVED] = true;
}

async function typeName(union: GraphQLUnionType, value: unknown, context: unknown, info: GraphQLResolveInfo): Promise<string | undefined> {
  const typename = (value as { __typename?: unknown }).__typename;
  if (typeof typename === 'string') return typename;
  const resolved = await union.resolveType?.(value, context, info, union);
  if (typeof resolved === 'string') return resolved;
  return union.getTypes().find((member) => member.isTypeOf?.(value, context, info) === true)?.name;
}

/** A mutation's resolver, writing its audit line once it has answered (or thrown). */
function audited(
  resolve: GraphQLFieldResolver<unknown, unknown>,
  operation: string,
  union: GraphQLUnionType | undefined,
  audit: MutationAudit,
): GraphQLFieldResolver<unknown, unknown> {
  return async (source, args, context, info) => {
    const { record, value } = audit.run(async () => resolve(source, args, context, info));
    try {
      const answer = await value;
      const outcome = (union && answer != null ? await typeName(union, answer, context, info) : undefined) ?? THREW;
      audit.write(operation, args as Record<string, unknown>, context, record, outcome, answer);
      return answer;
    } catch (error) {
      audit.write(operation, args as Record<string, unknown>, context, record, THREW, undefined);
      throw error;
    }
  };
}
