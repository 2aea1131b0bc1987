import { refusal } from './refusal';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import { type DocumentNode, type GraphQLSchema, Kind, type ValueNode, getNullableType, isListType, isObjectType, visit } from 'graphql';
import { type ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { listCost } from '../pagination/page-complexity';
import { ARGUMENT_LIST_BOUNDS, GATEWAY_LIST_BOUNDS, listBound, unboundedLists } from './list-bounds';
import { LIST_BOUNDS } from '../fsx/shapes.generated';

type Complexity = number | ((args: Parameters<ComplexityEstimator>[0]) => number);

/** The cost of an operation (undefined when its variables are unusable: execution refuses them). */
export type CostMeter = (
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown>,
) => number | undefined;

/**
 * Costs of operations, counting what can come back:
 * - the type-graphql field `complexity` options (connections: 1 + `first` × their selection);
 * - a list field costs 1 + its bound × its selection (at least 1): the FSx model's maximum (LIST_BOUNDS,
 *   e.g. 50 tags), the gateway's own (GATEWAY_LIST_BOUNDS), or its argument's length (`_entities`);
 * - 1 for any other field, plus its selection.
 * Aliases repeat fields, so each alias is counted. The federation rebuild of the served schema drops
 * field extensions, so they are read from the type-graphql schema and looked up by type and field name
 * while walking the served one (which also has _entities). Cached per parsed document. Throws when a
 * list field of the schema has no bound (see list-bounds.ts): none may cost one item's worth.
 */
export function createCostMeter(typeGraphQLSchema: GraphQLSchema): CostMeter {
  const costs = new Map<string, Complexity>();
  for (const type of Object.values(typeGraphQLSchema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const complexity = field.extensions?.complexity as Complexity | undefined;
      if (complexity !== undefined) costs.set(`${type.name}.${field.name}`, complexity);
    }
  }
  const fromTypeGraphQL: ComplexityEstimator = (args) => {
    const complexity = costs.get(`${args.type.name}.${args.field.name}`);
    // A number on a list field is no bound: the list estimator counts it.
    if (complexity === undefined || (typeof complexity === 'number' && isListType(getNullableType(args.field.type)))) return undefined;
    return typeof complexity === 'number' ? complexity + args.childComplexity : complexity(args);
  };
  const unbounded = unboundedLists(typeGraphQLSchema);
  if (unbounded.length)
    throw new Error(`List fields without a bound for the query cost: ${unbounded.join(', ')} (see limits/list-bounds.ts)`);
  const estimators = [fromTypeGraphQL, listEstimator, simpleEstimator({ defaultComplexity: 1 })];
  const cache = new CostCache();
  return (schema, document, operationName, variables) => {
    let cost = cache.get(document, operationName, variables);
    if (cost === undefined) {
      try {
        cost = getComplexity({ schema, query: document, operationName, variables, estimators });
      } catch {
        return undefined;
      }
      cache.set(document, operationName, variables, cost);
    }
    return cost;
  };
}

/** Unreachable for the schemas createCostMeter accepts; were a list unknown, it costs as the longest one. */
const LONGEST_LIST = Math.max(...Object.values(LIST_BOUNDS), ...Object.values(GATEWAY_LIST_BOUNDS));

/** List fields: 1 + bound × their selection. Introspection's lists are left to the other estimators (as long as the schema). */
const listEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (type.name.startsWith('__') || !isListType(getNullableType(field.type))) return undefined;
  const argument = ARGUMENT_LIST_BOUNDS[`${type.name}.${field.name}`];
  const bound = argument ? lengthOf(args[argument]) : (listBound(type.name, field.name) ?? LONGEST_LIST);
  return listCost(bound, childComplexity);
};

const lengthOf = (value: unknown): number => (Array.isArray(value) ? value.length : 1);

/** The error of an operation that costs more than `maxCost`. */
export function tooCostly(cost: number, maxCost: number): GraphQLError {
  return refusal(`Query cost ${cost} exceeds the maximum of ${maxCost}: ask for fewer items (first) or fewer fields`, {
    code: 'QUERY_TOO_COMPLEX',
    cost,
    maxCost,
    http: { status: 400 },
  });
}

/** Refuses operations whose cost exceeds `maxCost`, before any resolver runs. */
export function queryCostPlugin(meter: CostMeter, maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const cost = meter(schema, document, request.operationName ?? undefined, request.variables ?? {});
          if (cost !== undefined && cost > maxCost) throw tooCostly(cost, maxCost);
        },
      };
    },
  };
}

/**
 * Costs per parsed document (Apollo hands the same DocumentNode back for a query it has cached),
 * keyed by the only variables a cost can depend on: those in `first` and `representations` arguments
 * and in @skip/@include.
 * Walking a document for its cost takes ~85 µs; a lookup, next to nothing.
 */
class CostCache {
  private readonly documents = new WeakMap<DocumentNode, { variables: string[]; costs: Map<string, number> }>();

  get(document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): number | undefined {
    const entry = this.documents.get(document);
    return entry?.costs.get(this.key(entry.variables, operationName, variables));
  }

  set(document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>, cost: number): void {
    let entry = this.documents.get(document);
    if (!entry) {
      entry = { variables: costVariables(document), costs: new Map() };
      this.documents.set(document, entry);
    }
    if (entry.costs.size >= 100) entry.costs.clear(); // a document paged with ever new sizes must not grow without bound
    entry.costs.set(this.key(entry.variables, operationName, variables), cost);
  }

  private key(names: string[], operationName: string | undefined, variables: Record<string, unknown>): string {
    // A list's value counts by its length (representations), never by its content.
    const value = (v: unknown) => (Array.isArray(v) ? { length: v.length } : v && typeof v === 'object' ? null : (v ?? null));
    return JSON.stringify([operationName ?? null, ...names.map((name) => value(variables[name]))]);
  }
}

/** The arguments a cost depends on: a connection's `first`, and the lists sized by an argument. */
const COST_ARGUMENTS = new Set(['first', ...Object.values(ARGUMENT_LIST_BOUNDS)]);

function costVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  const collect = (node: ValueNode) =>
    visit(node, {
      Variable(variable) {
        names.add(variable.name.value);
      },
    });
  visit(document, {
    Argument(argument, _key, _parent, _path, ancestors) {
      const owner = ancestors[ancestors.length - 1] as { kind?: string } | undefined;
      if (COST_ARGUMENTS.has(argument.name.value) || owner?.kind === Kind.DIRECTIVE) collect(argument.value);
    },
  });
  return [...names].sort();
}
