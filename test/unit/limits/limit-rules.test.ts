import { ApolloServer } from '@apollo/server';
import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { keepLimitCodes, limitRules } from '../../../src/gateway/limits/limits';

const schema = buildSchema('type Query { node: Node, n: Int } type Node { node: Node, n: Int }');
const rules = limitRules({ maxDepth: 3, maxAliases: 2 });
const errorsOf = (query: string) =>
  validate(schema, parse(query), [...specifiedRules, ...rules]).map((e) => ({ message: e.message, extensions: e.extensions }));

const tooDeep = (found: number) => ({
  message: `Query depth limit of 3 exceeded, found ${found}.`,
  extensions: { code: 'QUERY_TOO_DEEP' },
});
const tooManyAliases = (found: number) => ({
  message: `Aliases limit of 2 exceeded, found ${found}.`,
  extensions: { code: 'TOO_MANY_ALIASES' },
});

describe('depth', () => {
  test('up to the limit passes; one more level is a validation error naming the limit, with no "Syntax Error:" prefix', () => {
    expect(errorsOf('{ node { node { n } } }')).toEqual([]);
    expect(errorsOf('{ node { node { node { n } } } }')).toEqual([tooDeep(4)]);
  });

  test('fragments count at the depth they are spread to', () => {
    expect(errorsOf('{ node { ...Two } } fragment Two on Node { node { n } }')).toEqual([]);
    expect(errorsOf('{ node { ...Three } } fragment Three on Node { node { node { n } } }')).toEqual([tooDeep(4)]);
  });
});

describe('aliases', () => {
  test('up to the limit passes; one more is a validation error naming the limit', () => {
    expect(errorsOf('{ a: n b: n }')).toEqual([]);
    expect(errorsOf('{ a: n b: n c: n }')).toEqual([tooManyAliases(3)]);
  });

  test('aliases are counted across the whole operation, nested ones too', () => {
    expect(errorsOf('{ node { a: n } b: n c: n }')).toEqual([tooManyAliases(3)]);
  });
});

describe('served by Apollo', () => {
  const apollo = new ApolloServer({ schema, rootValue: { n: () => 1 }, validationRules: rules, formatError: keepLimitCodes });
  beforeAll(() => apollo.start());
  afterAll(() => apollo.stop());

  const run = async (query: string) => {
    const response = await apollo.executeOperation({ query });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return { status: response.http.status, errors: response.body.singleResult.errors?.map((e) => e.message) };
  };

  test('a refusal is a 400 that names the limit, not a 500', async () => {
    expect(await run('{ node { node { node { n } } } }')).toEqual({ status: 400, errors: [tooDeep(4).message] });
    expect(await run('{ a: n b: n c: n }')).toEqual({ status: 400, errors: [tooManyAliases(3).message] });
    expect(await run('{ a: n b: n }')).toEqual({ status: undefined, errors: undefined });
  });

  // Apollo wraps every validation error in its ValidationError, whose code GRAPHQL_VALIDATION_FAILED
  // replaces the rule's; keepLimitCodes (the server's formatError) puts the limit's code back.
  test('clients see the limit codes', async () => {
    for (const [query, expected] of [
      ['{ node { node { node { n } } } }', tooDeep(4)],
      ['{ a: n b: n c: n }', tooManyAliases(3)],
    ] as const) {
      const response = await apollo.executeOperation({ query });
      expect(response.body.kind === 'single' && response.body.singleResult.errors).toEqual([expected]);
    }
  });

  test('other validation errors keep their own code', async () => {
    const response = await apollo.executeOperation({ query: '{ nope }' });
    expect(response.body.kind === 'single' && response.body.singleResult.errors?.map((e) => e.extensions?.code)).toEqual([
      'GRAPHQL_VALIDATION_FAILED',
    ]);
  });
});
