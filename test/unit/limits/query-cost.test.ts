import { ApolloServer } from '@apollo/server';
import { GraphQLInt, GraphQLList, GraphQLObjectType, GraphQLSchema, GraphQLString, buildSchema } from 'graphql';
import type { ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { createCostMeter, queryCostPlugin } from '../../../src/gateway/limits/query-cost';

/** As type-graphql builds it: costs in field extensions (a number for Item.price, a function for Query.items, none elsewhere). */
const Item = new GraphQLObjectType({
  name: 'Item',
  fields: { name: { type: GraphQLString }, price: { type: GraphQLInt, extensions: { complexity: 5 } } },
});
const costed = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      items: {
        type: new GraphQLList(Item),
        args: { first: { type: GraphQLInt } },
        extensions: { complexity: ({ args, childComplexity }: ComplexityEstimatorArgs) => 1 + (args.first ?? 10) * childComplexity },
      },
      cheap: { type: GraphQLInt },
    },
  }),
});
/** As served: the same types rebuilt without their extensions (as the federation rebuild does). */
const served = buildSchema('type Query { items(first: Int): [Item], cheap: Int } type Item { name: String, price: Int }');

let resolved = 0;
const rootValue = {
  items: ({ first }: { first: number }) => (resolved++, Array.from({ length: first }, (_, i) => ({ name: `item-${i}`, price: i }))),
  cheap: () => 1,
};
// items(first: n) { name price } costs 1 + n × (1 + 5): n = 2 is 13, exactly the maximum.
const apollo = new ApolloServer({ schema: served, rootValue, plugins: [queryCostPlugin(createCostMeter(costed), 13)] });
beforeAll(() => apollo.start());
afterAll(() => apollo.stop());
beforeEach(() => void (resolved = 0));

async function run(query: string, variables?: Record<string, unknown>, operationName?: string) {
  const response = await apollo.executeOperation({ query, variables, operationName });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return { status: response.http.status ?? 200, errors: response.body.singleResult.errors };
}

const tooComplex = (cost: number) => ({
  status: 400,
  errors: [
    {
      message: `Query cost ${cost} exceeds the maximum of 13: ask for fewer items (first) or fewer fields`,
      extensions: { code: 'QUERY_TOO_COMPLEX', cost, maxCost: 13 },
    },
  ],
});

test('costs come from the type-graphql schema by type and field name; a cost at the maximum passes', async () => {
  expect(await run('{ items(first: 2) { name price } }')).toEqual({ status: 200, errors: undefined });
  expect(await run('{ cheap items(first: 2) { name price } }')).toEqual(tooComplex(14)); // a field without a cost counts 1
  expect(await run('{ items { name } }')).toEqual({ status: 200, errors: undefined }); // 1 + 10 × 1
});

test('an operation over the maximum is refused before any resolver runs', async () => {
  expect(await run('{ items(first: 3) { name price } }')).toEqual(tooComplex(19));
  expect(resolved).toBe(0);
});

test('one document, several operations: each is costed on its own (the cost cache keys on the operation name)', async () => {
  const document = 'query Small { items(first: 2) { name price } } query Big { items(first: 3) { name price } }';
  expect(await run(document, undefined, 'Small')).toEqual({ status: 200, errors: undefined });
  expect(await run(document, undefined, 'Big')).toEqual(tooComplex(19));
  expect(await run(document, undefined, 'Small')).toEqual({ status: 200, errors: undefined });
});

test('variables that cannot be costed are left to execution, which refuses them as bad input (not a 500)', async () => {
  const { status, errors } = await run('query($n: Int) { items(first: $n) { name } }', { n: 'many' });
  expect(status).toBe(400);
  expect(errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
});
