import pino from 'pino';
import { type RunningGateway, startGateway } from '../../src/app';
import { type RunningEmulator, startEmulator } from '../../src/emulator';
import { WARM_UP_HEADER } from '../../src/gateway/http/warm-up';
import { testApiKeys } from '../support/api-keys';
import { postGraphQL, testConfig } from '../support/gateway';

const { keyOf, env } = testApiKeys({ reader: { scopes: ['backups:read'] } });

/**
 * The start-up warm-up runs the success paths (a backup made, read, listed, deleted) over the
 * gateway's own HTTP server against a scratch FSx of its own, so that the first client request does
 * not pay for cold code paths. None of it may reach the FSx the gateway serves, show in its request
 * log, or open a way around authentication.
 */
describe('start-up warm-up', () => {
  let emulator: RunningEmulator;
  let gateway: RunningGateway;
  const lines: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, backupDurationMs: 0 });
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) });
    gateway = await startGateway(
      testConfig({ FSX_ENDPOINT_URL: emulator.url, FSX_REGIONS: emulator.regions.join(','), WARM_UP_ROUNDS: '3', ...env }),
      logger,
    );
  });
  afterAll(async () => {
    await gateway?.stop();
    await emulator?.stop();
  });

  test('the served FSx hears only the start-up probes: nothing is made, read or deleted there', () => {
    expect(new Set(emulator.calls.map((call) => call.operation))).toEqual(new Set(['DescribeFileSystems']));
    expect(emulator.calls.length).toBe(emulator.regions.length);
  });

  test('it ran every round of the success paths, on the scratch FSx; its requests are not in the request log', () => {
    expect(lines.filter((line) => line.msg === 'warm-up: success paths run on a scratch FSx')).toMatchObject([{ rounds: 3 }]);
    expect(lines.filter((line) => line.level === 40)).toEqual([]); // no warning: nothing stopped it short
    expect(lines.filter((line) => line.msg === 'graphql')).toEqual([]);
  });

  test("once warm, the warm-up's header is nothing: credentials are still required, and clients reach the served FSx", async () => {
    const query = '{ backups(first: 1) { __typename ... on BackupConnection { edges { node { backupId } } } } }';
    for (const guess of ['', 'warm-up', '00000000-0000-4000-8000-000000000000']) {
      const refused = await postGraphQL(gateway.url, query, undefined, { [WARM_UP_HEADER]: guess });
      expect(refused.status).toBe(401);
    }
    const answer = await postGraphQL(gateway.url, query, undefined, { [WARM_UP_HEADER]: 'x', 'x-api-key': keyOf('reader') });
    expect(answer.body.data?.backups.__typename).toBe('BackupConnection');
    expect(emulator.calls.count('DescribeBackups')).toBe(1);
    // (The 401s are answered before any GraphQL: only the client's operation has its line.)
    expect(lines.filter((line) => line.msg === 'graphql')).toMatchObject([{ principal: 'reader', status: 200 }]);
  });
});
