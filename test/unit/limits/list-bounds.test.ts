import { type GraphQLSchema, buildSchema, getNullableType, isInterfaceType, isListType, isObjectType, parse } from 'graphql';
import { GATEWAY_LIST_BOUNDS, unboundedLists } from '../../../src/gateway/limits/list-bounds';
import { type CostMeter, createCostMeter } from '../../../src/gateway/limits/query-cost';
import { LIST_BOUNDS } from '../../../src/gateway/fsx/shapes.generated';
import { buildGatewaySchemas } from '../../../src/gateway/schema';

let served: GraphQLSchema;
let typeGraphQL: GraphQLSchema;
let costOf: CostMeter;
beforeAll(async () => {
  ({ served, typeGraphQL } = await buildGatewaySchemas());
  costOf = createCostMeter(typeGraphQL);
});
const cost = (query: string, variables: Record<string, unknown> = {}) => costOf(served, parse(query), undefined, variables);

describe('every list field has a bound (no silent default)', () => {
  test('in the served schema (federation types included) and in the type-graphql one', () => {
    expect(unboundedLists(served)).toEqual([]);
    expect(unboundedLists(typeGraphQL)).toEqual([]);
  });

  test('each bound names a list field the schema has (a renamed field leaves no stale row)', () => {
    const lists = new Set<string>();
    for (const type of Object.values(served.getTypeMap()))
      if ((isObjectType(type) || isInterfaceType(type)) && !type.name.startsWith('__'))
        for (const field of Object.values(type.getFields()))
          if (isListType(getNullableType(field.type))) lists.add(`${type.name}.${field.name}`);
    for (const key of [...Object.keys(LIST_BOUNDS), ...Object.keys(GATEWAY_LIST_BOUNDS)]) expect(lists).toContain(key);
  });

  test('a schema with a list field and no bound is refused when the cost meter is made', () => {
    expect(() => createCostMeter(buildSchema('type Query { names: [String] } type Other { things: [Int!]! }'))).toThrow(
      'List fields without a bound for the query cost: Query.names, Other.things (see limits/list-bounds.ts)',
    );
  });
});

describe('a list costs 1 + its bound × its selection (at least 1)', () => {
  const backup = (selection: string) => `{ backup(backupId: "backup-0") { ... on Backup { ${selection} } } }`;
  // backup(...) costs 10 + its selection (the type-graphql complexity): the lists are the difference.
  let base: number;
  beforeAll(() => void (base = cost(backup('backupId'))!));

  test('FSx lists by the model maximum: tags 50 (× key, value), a scalar list 50 × 1', () => {
    expect(cost(backup('backupId tags { key value }'))! - base).toBe(1 + 50 * 2);
    expect(cost(backup('backupId fileSystem { subnetIds }'))! - base).toBe(1 + (1 + 50 * 1));
    const dnsIps = 'fileSystem { windowsConfiguration { selfManagedActiveDirectoryConfiguration { dnsIps } } }';
    expect(cost(backup(`backupId ${dnsIps}`))! - base).toBe(1 + 1 + 1 + (1 + 3 * 1));
  });

  test("a file system's SVMs by the most one DescribeStorageVirtualMachines answer holds (50)", () => {
    expect(cost(backup('backupId fileSystem { storageVirtualMachines { name lifecycle } }'))! - base).toBe(1 + (1 + 50 * 2));
  });

  test('aliases count once each', () => {
    expect(cost(backup('backupId a: tags { key } b: tags { key }'))! - base).toBe(2 * (1 + 50));
  });

  test("a connection's edges are counted by `first` once, not twice", () => {
    const page = (n: number) => cost(`{ backups(first: ${n}) { ... on BackupConnection { edges { node { backupId } } } } }`)!;
    // 1 (backups) + n × (edges 1 + 1 × (node 1 + backupId 1)).
    expect(page(1)).toBe(1 + 1 * 3);
    expect(page(10)).toBe(1 + 10 * 3);
  });

  test("the gateway's own lists by their small bounds (the client's own input)", () => {
    const invalid = cost(
      `mutation { deleteBackup(input: { backupId: "b" }) { ... on InvalidInput { fieldErrors { path constraint } } } }`,
    )!;
    const plain = cost(`mutation { deleteBackup(input: { backupId: "b" }) { ... on InvalidInput { message } } }`)!;
    expect(invalid - plain).toBe(1 + 3 * (1 + 4 * 1 + 1) - 1);
    const forbidden = cost(`mutation { deleteBackup(input: { backupId: "b" }) { ... on Forbidden { missingScopes } } }`)!;
    // Every scope there is: backups:read, write, restore and hold.
    expect(forbidden - plain).toBe(1 + 4 * 1 - 1);
    const rules = cost(`{ backup(backupId: "b") { ... on Backup { deletionBlockedBy } } }`)!;
    const id = cost(`{ backup(backupId: "b") { ... on Backup { backupId } } }`)!;
    // Every deletion rule there is: LEGAL_HOLD, PROTECTED_TYPE, MIN_AGE, KEEP_LATEST.
    expect(rules - id).toBe(1 + 4 * 1 - 1);
  });

  test('_entities: one entity per representation sent, inline or as a variable (the cache follows its length)', () => {
    const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Backup { backupId tags { key value } } } }`;
    const reps = (n: number) => ({ r: Array.from({ length: n }, (_, i) => ({ __typename: 'Backup', backupId: `backup-${i}` })) });
    expect(cost(entities, reps(1))).toBe(1 + 1 * (1 + 1 + 50 * 2));
    expect(cost(entities, reps(40))).toBe(1 + 40 * (1 + 1 + 50 * 2));
    expect(cost(entities, reps(1))).toBe(1 + 1 * (1 + 1 + 50 * 2));
    expect(
      cost(
        `{ _entities(representations: [{ __typename: "Backup", backupId: "a" }, { __typename: "Backup", backupId: "b" }]) { __typename } }`,
      ),
    ).toBe(1 + 2 * 1);
  });

  test('introspection is left as it was (its lists are as long as the schema, not the data)', () => {
    expect(cost('{ __schema { types { name fields { name } } } }')).toBe(5);
  });
});
