import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLSchema, isObjectType } from 'graphql';
import { type ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

type Complexity = number | ((args: Parameters<ComplexityEstimator>[0]) => number);

/**
 * Refuses operations whose cost exceeds `maxCost`, before any resolver runs. The costs are the
 * type-graphql field `complexity` options (connections: `first` × their selection). The federation
 * rebuild of the served schema drops field extensions, so they are read from the type-graphql schema
 * and looked up by type and field name while walking the served one (which also has _entities).
 */
export function queryCostPlugin(typeGraphQLSchema: GraphQLSchema, maxCost: number): ApolloServerPlugin {
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

  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              operationName: request.operationName ?? undefined,
              variables: request.variables ?? {},
              estimators: [fromTypeGraphQL, simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch {
            return; // unusable variables: execution refuses them with BAD_USER_INPUT
          }
          if (cost > maxCost) {
            throw new GraphQLError(`Query cost ${cost} exceeds the maximum of ${maxCost}: ask for fewer items (first) or fewer fields`, {
              extensions: { code: 'QUERY_TOO_COMPLEX', cost, maxCost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
