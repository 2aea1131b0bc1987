import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, GraphQLError, type GraphQLSchema, Kind, type ValueNode, isObjectType, visit } from 'graphql';
import { type ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

type Complexity = number | ((args: Parameters<ComplexityEstimator>[0]) => number);

/** The cost of an operation (undefined when its variables are unusable: execution refuses them). */
export type CostMeter = (
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown>,
) => number | undefined;

/**
 * Costs of operations: the type-graphql field `complexity` options (connections: `first` × their
 * selection), 1 for any other field. The federation rebuild of the served schema drops field
 * extensions, so they are read from the type-graphql schema and looked up by type and field name
 * while walking the served one (which also has _entities). Cached per parsed document.
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
    if (complexity === undefined) return undefined;
    return typeof complexity === 'number' ? complexity + args.childComplexity : complexity(args);
  };
  const estimators = [fromTypeGraphQL, simpleEstimator({ defaultComplexity: 1 })];
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

/** The error of an operation that costs more than `maxCost`. */
export function tooCostly(cost: number, maxCost: number): GraphQLError {
  return new GraphQLError(`Query cost ${cost} exceeds the maximum of ${maxCost}: ask for fewer items (first) or fewer fields`, {
    extensions: { code: 'QUERY_TOO_COMPLEX', cost, maxCost, http: { status: 400 } },
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
 * keyed by the only variables a cost can depend on: those in `first` arguments and in @skip/@include.
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
    return JSON.stringify([operationName ?? null, ...names.map((name) => variables[name] ?? null)]);
  }
}

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
      if (argument.name.value === 'first' || owner?.kind === Kind.DIRECTIVE) collect(argument.value);
    },
  });
  return [...names].sort();
}
