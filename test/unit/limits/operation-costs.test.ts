import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLInputType,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  parse,
  typeFromAST,
  valueFromAST,
  visit,
} from 'graphql';
import { addTypenameToDocument } from '@apollo/client/utilities';
import { DEFAULT_LIMITS } from '../../../src/gateway/limits/limits';
import { createCostMeter } from '../../../src/gateway/limits/query-cost';
import { MAX_PAGE_SIZE } from '../../../src/gateway/pagination/connection.args';
import { buildGatewaySchemas } from '../../../src/gateway/schema';
import { readmeGraphqlBlocks } from '../../support/readme';

const ROOT = join(__dirname, '..', '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

interface Operation {
  name: string;
  source: string;
  document: DocumentNode;
}

/** Each operation of `text` alone, with the fragments it spreads (from `fragments`, e.g. every file's). */
function operationsOf(text: string, source: string, fragments: Map<string, FragmentDefinitionNode>): Operation[] {
  const document = parse(text);
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  return document.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => ({
      name: operation.name?.value ?? `(anonymous ${operation.operation})`,
      source,
      document: { kind: Kind.DOCUMENT, definitions: [operation, ...usedFragments(operation, fragments)] },
    }));
}

function usedFragments(
  node: OperationDefinitionNode | FragmentDefinitionNode,
  all: Map<string, FragmentDefinitionNode>,
  seen = new Set<string>(),
) {
  visit(node, {
    FragmentSpread(spread) {
      const fragment = all.get(spread.name.value);
      if (!fragment || seen.has(spread.name.value)) return;
      seen.add(spread.name.value);
      usedFragments(fragment, all, seen);
    },
  });
  return [...seen].map((name) => all.get(name)!);
}

/** The console's operations (client/operations/*.graphql; fragments are shared across files) and the README's examples. */
function documentedOperations(): Operation[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const files = readdirSync(join(ROOT, 'client/operations')).sort();
  // Every file's fragments first: an operation may spread one from another file.
  for (const file of files) operationsOf(read(`client/operations/${file}`), '', fragments);
  // As the console sends them: Apollo Client's cache adds __typename to every selection (50 tags: 50 more).
  const console = files
    .flatMap((file) => operationsOf(read(`client/operations/${file}`), `client/operations/${file}`, fragments))
    .map((operation) => ({ ...operation, document: addTypenameToDocument(operation.document) }));
  const readme = readmeGraphqlBlocks().flatMap((block) => operationsOf(block, 'README.md', new Map()));
  return [...console, ...readme];
}

/** Variables as a client would send them: defaults where declared (the console's page size), else a value of the right type. */
function variablesOf(schema: GraphQLSchema, operation: OperationDefinitionNode): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, definition.type as never) as GraphQLInputType;
    const value = definition.defaultValue ? valueFromAST(definition.defaultValue, type) : isNonNullType(type) ? sample(type) : undefined;
    if (value !== undefined) variables[definition.variable.name.value] = value;
  }
  return variables;
}

function sample(type: GraphQLInputType): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return [];
  const named = getNamedType(nullable);
  if (isEnumType(named)) return named.getValues()[0].value;
  if (isInputObjectType(named))
    return Object.fromEntries(Object.values(named.getFields()).flatMap((f) => (isNonNullType(f.type) ? [[f.name, sample(f.type)]] : [])));
  return named.name === 'Int' || named.name === 'SafeInt' ? 1 : named.name === 'Boolean' ? false : 'x';
}

let schemas: { served: GraphQLSchema; typeGraphQL: GraphQLSchema };
beforeAll(async () => void (schemas = await buildGatewaySchemas()));

/** The table of docs/security.md, as the cost meter counts today. */
function costTable(): string {
  const costOf = createCostMeter(schemas.typeGraphQL);
  const rows = documentedOperations().map(({ name, source, document }) => {
    const operation = document.definitions[0] as OperationDefinitionNode;
    const variables = variablesOf(schemas.served, operation);
    const cost = costOf(schemas.served, document, undefined, variables);
    if (cost === undefined) throw new Error(`${source} ${name}: no cost (variables?)`);
    // Where the operation takes its page size as a variable: the largest page within the default MAX_COST.
    let largest: number | undefined;
    if ('first' in variables)
      for (let first = 1; first <= MAX_PAGE_SIZE; first++)
        if (costOf(schemas.served, document, undefined, { ...variables, first })! <= DEFAULT_LIMITS.maxCost) largest = first;
    return { name, source, cost, largest };
  });
  const number = (n: number | undefined) => (n === undefined ? '–' : n.toLocaleString('en-US'));
  return [
    '| Operation | From | Cost | Largest `first` |',
    '| --- | --- | ---: | ---: |',
    ...rows.map((r) => `| \`${r.name}\` | ${r.source} | ${number(r.cost)} | ${number(r.largest)} |`),
  ].join('\n');
}

test(`every operation of the console and of the README costs less than the default MAX_COST (${DEFAULT_LIMITS.maxCost})`, () => {
  const costs = costTable()
    .split('\n')
    .slice(2)
    .map((row) => Number(row.split('|')[3].replace(/,/g, '')));
  expect(costs.length).toBeGreaterThan(20);
  for (const cost of costs) expect(cost).toBeLessThan(DEFAULT_LIMITS.maxCost);
});

test("docs/security.md's table of costs is the one the cost meter computes (the expected table is printed on failure)", () => {
  const page = read('docs/security.md');
  const table = page
    .split('\n')
    .filter((line) => /^\| (`|Operation|---)/.test(line))
    .join('\n');
  expect(table).toBe(costTable());
});
