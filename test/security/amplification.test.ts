import { DEMO, type RunningEmulator, startEmulator } from '../../src/emulator';
import { CREATE_BACKUP, type TestGateway, postGraphQL, startGatewayWithLog, startTestGateway } from '../support/gateway';

/** `n` aliases of a backup's tags (up to 50 each, keys up to 128 characters, values up to 256). */
const tagAliases = (n: number) => Array.from({ length: n }, (_, i) => `t${i}: tags { key value }`).join(' ');

/** The amplification: 199 aliases of the 50 tags of each of 16 backups, in 4.9 KB. */
const AMPLIFICATION = `{ backups(first: 16) { ... on BackupConnection { edges { node { ${tagAliases(199)} } } } } }`;

/** The same under one file system: 4 aliased pages of its backups, 49 aliases of their tags each (200 aliases). */
const UNDER_FILE_SYSTEM = `{ fileSystem(fileSystemId: "${DEMO.fileSystems.windows}") { ... on FileSystem { ${[0, 1, 2, 3]
  .map((p) => `p${p}: backups(first: 16) { ... on BackupConnection { edges { node { ${tagAliases(49)} } } } }`)
  .join(' ')} } } }`;

const tooComplex = (cost: number, maxCost = 10_000) => ({
  message: `Query cost ${cost} exceeds the maximum of ${maxCost}: ask for fewer items (first) or fewer fields`,
  extensions: { code: 'QUERY_TOO_COMPLEX', cost, maxCost },
});

/** The errors as the client reads them (a development gateway adds each one's stack trace). */
const errorsOf = (body: { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }) =>
  body.errors?.map(({ extensions: { stacktrace: _stack, ...extensions } = {}, ...error }) => ({ ...error, extensions }));

describe('query cost counts what can come back: every list costs its selection times its largest length', () => {
  let t: TestGateway;
  beforeAll(async () => void (t = await startTestGateway()));
  afterAll(() => t.stop());
  beforeEach(() => t.emulator.calls.clear());

  test('199 aliases of tags over 16 backups (4.9 KB, 65 MB of answer) are refused before any FSx call', async () => {
    expect(AMPLIFICATION.length).toBeLessThan(5000);
    const res = await t.gql(AMPLIFICATION);
    // 1 + 16 × (edges 1 + node (1 + 199 × (tags 1 + 50 × (key + value)))).
    const cost = 1 + 16 * (1 + 1 + 199 * (1 + 50 * 2));
    expect({ status: res.status, errors: errorsOf(res.body), data: res.body.data }).toEqual({
      status: 400,
      errors: [tooComplex(cost)],
      data: undefined,
    });
    expect(cost).toBe(321_617);
    expect(t.calls()).toBe(0);
  });

  test('the same under fileSystem(fileSystemId) with aliased pages of its backups', async () => {
    const res = await t.gql(UNDER_FILE_SYSTEM);
    // fileSystem costs 1 + its selection; each page 1 + 16 × (2 + 49 × 101).
    const cost = 1 + 4 * (1 + 16 * (1 + 1 + 49 * (1 + 50 * 2)));
    expect({ status: res.status, errors: errorsOf(res.body) }).toEqual({ status: 400, errors: [tooComplex(cost)] });
    expect(t.calls()).toBe(0);
  });

  test('a page of backups with their tags, as the console asks for it, runs', async () => {
    const res = await t.gql(`{ backups(first: 20) { ... on BackupConnection { edges { node { backupId tags { key value } } } } } }`);
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.backups.edges.length).toBeGreaterThan(0);
  });
});

describe('MAX_RESPONSE_BYTES: a larger answer is not sent', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => void (emulator = await startEmulator({ backupDurationMs: 0, fileSystemDurationMs: 0 })));
  afterAll(() => emulator.stop());

  test('the client gets RESPONSE_TOO_LARGE (200, data null); the log names the operation and the request', async () => {
    const { gateway, lines } = await startGatewayWithLog(emulator, { MAX_RESPONSE_BYTES: '2048' });
    try {
      const page = `backups(first: 20) { ... on BackupConnection { edges { node { backupId resourceARN tags { key value } } } } }`;
      const query = `query Listing { a: ${page} b: ${page} c: ${page} d: ${page} }`; // about 3 KB
      const small = await postGraphQL(gateway.url, `query Small { backups(first: 1) { __typename } }`);
      expect(small).toMatchObject({ status: 200, body: { data: { backups: { __typename: 'BackupConnection' } } } });
      const res = await postGraphQL(gateway.url, query, undefined, { 'x-request-id': 'big-answer-1' });
      const bytes = res.body.errors?.[0]?.extensions?.bytes as number;
      expect(bytes).toBeGreaterThan(2048);
      expect({ status: res.status, body: res.body }).toEqual({
        status: 200,
        body: {
          data: null,
          errors: [
            {
              message: `The answer (${bytes} bytes) is larger than the 2048 bytes allowed: ask for fewer items or fields`,
              extensions: { code: 'RESPONSE_TOO_LARGE', bytes, maxBytes: 2048 },
            },
          ],
        },
      });
      expect(lines.filter((l) => l.msg === 'answer not sent: larger than MAX_RESPONSE_BYTES')).toEqual([
        expect.objectContaining({ level: 40, requestId: 'big-answer-1', operationName: 'Listing', bytes, maxResponseBytes: 2048 }),
      ]);
    } finally {
      await gateway.stop();
    }
  });

  test('with the cost limit raised, the amplification over 16 backups of 50 full-length tags stops at the default 8 MiB', async () => {
    const { gateway, lines } = await startGatewayWithLog(emulator, { MAX_COST: '1000000' });
    try {
      const tags = Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`.padEnd(128, 'k'), value: 'v'.repeat(256) }));
      for (let i = 0; i < 16; i++) {
        const made = await postGraphQL(gateway.url, CREATE_BACKUP, {
          input: { fileSystemId: DEMO.fileSystems.lustrePersistent, clientRequestToken: `amplified-${i}`, tags },
        });
        expect(made.body.data.createBackup.__typename).toBe('CreateBackupSuccess');
      }
      const res = await postGraphQL(
        gateway.url,
        `query Amplified { backups(first: 16, filter: { fileSystemIds: ["${DEMO.fileSystems.lustrePersistent}"] }) {
          ... on BackupConnection { edges { node { ${tagAliases(40)} } } } } }`,
      );
      expect(res.status).toBe(200);
      expect(res.body.data).toBeNull();
      expect(res.body.errors?.map((e) => [e.extensions?.code, e.extensions?.maxBytes])).toEqual([['RESPONSE_TOO_LARGE', 8 * 1024 * 1024]]);
      expect(res.body.errors?.[0].extensions?.bytes).toBeGreaterThan(8 * 1024 * 1024);
      expect(lines.find((l) => l.level === 40 && l.operationName === 'Amplified')).toBeDefined();
    } finally {
      await gateway.stop();
    }
  });
});
