import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FSxClient } from '@aws-sdk/client-fsx';
import { type RunningEmulator, startEmulator } from '../../../src/emulator';
import { FsxPlaces } from '../../../src/gateway/fsx/fsx-places';
import { answerReadiness, probeFsx } from '../../../src/gateway/http/readiness';
import { fsxClientFor, HeldLatency } from '../../support/emulator';

/** An address nothing listens on: a port that was free a moment ago. */
async function closedPortUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

let emulator: RunningEmulator;
let downUrl: string;
const clients: FSxClient[] = [];
/** Calls held at their fault latency until the suite ends: an FSx that never answers, without a timer. */
const latency = new HeldLatency();
let probes: http.Server;
let probesUrl: string;
/** The regions the next /readyz answer probes. */
let served: FsxPlaces;

/** Regions by name, each a client of the emulator (the region is the SigV4 scope it signs with) or of `endpoint`. */
function regions(spec: Record<string, string>): FsxPlaces {
  const map = new Map(Object.entries(spec).map(([region, endpoint]) => [region, fsxClientFor(endpoint, 1, region)]));
  clients.push(...map.values());
  return FsxPlaces.ofClients(map);
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, faultSleep: latency.sleep });
  downUrl = await closedPortUrl();
  probes = http.createServer(
    (_req, res) => void answerReadiness(res, served).catch((error: unknown) => res.writeHead(500).end(String(error))),
  );
  await new Promise<void>((resolve) => probes.listen(0, '127.0.0.1', resolve));
  probesUrl = `http://127.0.0.1:${(probes.address() as AddressInfo).port}/readyz`;
});
afterAll(async () => {
  await latency.release();
  const closed = new Promise((resolve) => probes.close(resolve));
  probes.closeAllConnections();
  await closed;
  clients.forEach((client) => client.destroy());
  await emulator.stop();
});
beforeEach(() => emulator.reset());

async function readyz() {
  const res = await fetch(probesUrl);
  return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as { status: string; checks: object } };
}
const unavailable = (reason: unknown) => ({
  status: 503,
  type: 'application/json',
  body: { status: 'unavailable', reason, checks: expect.any(Object) },
});
const up = { status: 'up', required: true, latencyMs: expect.any(Number) };
const down = (error: unknown) => ({ status: 'down', required: true, latencyMs: expect.any(Number), error });

describe('probeFsx', () => {
  test('resolves when FSx answers, after exactly one DescribeFileSystems of one item', async () => {
    await expect(probeFsx(regions({ 'us-east-1': emulator.url }).client(), 2000)).resolves.toBeUndefined();
    expect(emulator.calls).toEqual([
      {
        service: 'fsx',
        operation: 'DescribeFileSystems',
        region: 'us-east-1',
        input: { MaxResults: 1 },
        requestId: expect.any(String),
        account: '123456789012',
        sourceIdentity: null,
      },
    ]);
  });

  test('rejects when nothing listens', async () => {
    await expect(probeFsx(regions({ 'us-east-1': downUrl }).client(), 2000)).rejects.toThrow(/ECONNREFUSED/);
  });

  test('rejects when FSx does not answer within the timeout', async () => {
    emulator.faults.set([{ operation: 'DescribeFileSystems', latencyMs: 1 }]);
    // FSx holds the call until afterAll: only the timeout can end this probe (without it, the test would hang).
    await expect(probeFsx(regions({ 'us-east-1': emulator.url }).client(), 1)).rejects.toMatchObject({
      name: 'AbortError',
      message: expect.stringMatching(/timeout/),
    });
  });
});

describe('answerReadiness', () => {
  test('200 {status: ready} once every region served has answered its probe', async () => {
    served = regions({ 'us-east-1': emulator.url, 'us-west-2': emulator.url });
    expect(await readyz()).toEqual({
      status: 200,
      type: 'application/json',
      body: { status: 'ready', checks: { 'fsx:us-east-1': up, 'fsx:us-west-2': up } },
    });
    expect(emulator.calls.map((call) => call.region).sort()).toEqual(['us-east-1', 'us-west-2']);
  });

  test('503 naming the region whose endpoint is down, while the others answer', async () => {
    served = regions({ 'us-east-1': emulator.url, 'us-west-2': downUrl });
    // A refused connection is a bare Error: its code says what happened. (Under Jest the SDK's retry
    // layer sees a foreign realm's Error and wraps it, keeping the code in the message only.)
    const answer = await readyz();
    expect(answer).toEqual(unavailable('FSx endpoint not reachable in us-west-2: ECONNREFUSED'));
    expect(answer.body.checks).toEqual({ 'fsx:us-east-1': up, 'fsx:us-west-2': down('ECONNREFUSED') });
  });

  test('503 naming the error FSx answers with; when several regions fail, the first served is named', async () => {
    served = regions({ 'us-west-2': emulator.url, 'us-east-1': emulator.url });
    emulator.faults.set([{ operation: 'DescribeFileSystems', error: 'ServiceUnavailable' }]);
    expect(await readyz()).toEqual(unavailable('FSx endpoint not reachable in us-west-2: ServiceUnavailable'));
  });

  test('503 for a region the endpoint does not serve', async () => {
    served = regions({ 'us-east-1': emulator.url, 'eu-north-1': emulator.url });
    expect(await readyz()).toEqual(unavailable('FSx endpoint not reachable in eu-north-1: InvalidSignatureException'));
  });
});

describe('answerReadiness with other dependencies', () => {
  const answer = async (others: Parameters<typeof answerReadiness>[2]) => {
    served = regions({ 'us-east-1': emulator.url });
    const server = http.createServer((_req, res) => void answerReadiness(res, served, others));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/readyz`);
      return { status: res.status, body: (await res.json()) as { status: string; checks: object } };
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  };
  const failing = (name: string) => async () => {
    throw Object.assign(new Error('no answer'), { name });
  };

  test('an optional one that is down: 200 degraded, and the check says why', async () => {
    expect(await answer([{ name: 'redis', required: false, probe: failing('TimeoutError') }])).toEqual({
      status: 200,
      body: {
        status: 'degraded',
        checks: {
          'fsx:us-east-1': { status: 'up', required: true, latencyMs: expect.any(Number) },
          redis: { status: 'down', required: false, latencyMs: expect.any(Number), error: 'TimeoutError' },
        },
      },
    });
  });

  test('an optional one that answers: ready; a required one that is down: 503 naming it', async () => {
    expect((await answer([{ name: 'redis', required: false, probe: async () => 'PONG' }])).body.status).toBe('ready');
    expect(await answer([{ name: 'ledger', required: true, probe: failing('ECONNREFUSED') }])).toMatchObject({
      status: 503,
      body: { status: 'unavailable', reason: 'ledger not reachable: ECONNREFUSED' },
    });
  });

  test('one still making its first connection is `connecting`, not down; an error is named by its code or name, never its message', async () => {
    expect((await answer([{ name: 'redis', required: false, probe: failing('StillConnecting') }])).body).toEqual({
      status: 'degraded',
      checks: {
        'fsx:us-east-1': { status: 'up', required: true, latencyMs: expect.any(Number) },
        redis: { status: 'connecting', required: false, latencyMs: expect.any(Number) },
      },
    });
    expect(await answer([{ name: 'ledger', required: true, probe: failing('StillConnecting') }])).toMatchObject({
      status: 503,
      body: { status: 'unavailable', reason: 'ledger still connecting' },
    });
    // Never the message (it can name internal hosts): the code, else the name.
    expect((await answer([{ name: 'redis', required: false, probe: failing('Error') }])).body.checks).toMatchObject({
      redis: { status: 'down', error: 'Error' },
    });
  });
});
