import { type DocumentNode, Kind, type OperationDefinitionNode, OperationTypeNode, isInterfaceType, parse, print } from 'graphql';
import { buildGatewaySchema } from '../../src/gateway/schema';
import { EMULATOR_DEFAULTS } from '../../src/emulator';
import { type TestGateway, startTestGateway } from '../support/gateway';
import { readmeGraphqlBlocks } from '../support/readme';
import { Recorder, wsClient } from '../support/ws';

/**
 * The README's GraphQL examples, read from the file and run as written, in the order shown, on a
 * fresh gateway with the embedded emulator's defaults (what `npm start` serves). Each one must get
 * its success type, so the README cannot rot: an example that breaks a later one (a deletion too
 * early, a placeholder id) fails here.
 */
/** Every operation of every ```graphql block of the README, in order. */
function readmeOperations(): OperationDefinitionNode[] {
  const documents: DocumentNode[] = readmeGraphqlBlocks().map((block) => parse(block));
  return documents.flatMap((document) =>
    document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION),
  );
}

/** Each root field's `__typename` (which every example selects, so a reader sees what came back). */
function typenamesOf(data: Record<string, { __typename?: string } | null>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(data).map(([field, value]) => [field, value?.__typename]));
}

const operations = readmeOperations();
let t: TestGateway;
/** The result types that are failures: every implementation of ErrorResult. */
let errorTypes: Set<string>;
beforeAll(async () => {
  const schema = await buildGatewaySchema();
  const errorResult = schema.getType('ErrorResult');
  if (!isInterfaceType(errorResult)) throw new Error('the schema has no ErrorResult interface');
  errorTypes = new Set(schema.getPossibleTypes(errorResult).map((type) => type.name));
  t = await startTestGateway({
    backupDurationMs: EMULATOR_DEFAULTS.backupDurationMs,
    fileSystemDurationMs: EMULATOR_DEFAULTS.fileSystemDurationMs,
  });
});
afterAll(() => t.stop());

test('the README shows a dozen examples, the deletion last among the queries and mutations', () => {
  const names = operations.map((operation) => operation.name?.value);
  expect(names.length).toBeGreaterThanOrEqual(10);
  const nonSubscriptions = operations.filter((operation) => operation.operation !== OperationTypeNode.SUBSCRIPTION);
  expect(nonSubscriptions.at(-1)?.name?.value).toBe('DeleteBackup');
});

test('every example runs as written, in the README order, and gets its success type', async () => {
  const answers: Record<string, Record<string, string | undefined>> = {};
  for (const operation of operations) {
    const name = operation.name?.value ?? '(anonymous)';
    const query = print(operation);
    let data: Record<string, { __typename?: string } | null>;
    if (operation.operation === OperationTypeNode.SUBSCRIPTION) {
      const client = wsClient(t.gateway.url);
      try {
        const events = Recorder.subscribe(client, query);
        expect(await events.done).toBe('complete');
        expect(events.events.length).toBeGreaterThan(0);
        for (const event of events.events) expect(event.errors).toBeUndefined();
        data = events.events.at(-1).data;
      } finally {
        await client.dispose();
      }
    } else {
      const res = await t.gql(query);
      expect({ name, status: res.status, errors: res.body.errors }).toEqual({ name, status: 200, errors: undefined });
      data = res.body.data;
    }
    const typenames = typenamesOf(data);
    answers[name] = typenames;
    for (const [field, typename] of Object.entries(typenames)) {
      // Named in the failure message: which example, which field, what came back.
      expect({ example: name, field, typename, error: errorTypes.has(typename ?? '') }).toEqual({
        example: name,
        field,
        typename: expect.any(String),
        error: false,
      });
    }
  }
  expect(Object.keys(answers)).toEqual(operations.map((operation) => operation.name?.value ?? '(anonymous)'));
}, 60_000);
