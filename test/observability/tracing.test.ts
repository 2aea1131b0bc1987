import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO, type RunningEmulator, startEmulator } from '../../src/emulator';
import { type ReadyChild, builtEntry, startNodeProcess } from '../support/child-process';
import { freePort } from '../support/redis';

/**
 * Traces as a collector receives them: `node dist/main.js` (OpenTelemetry starts first there, as in
 * production) configured only by standard OTEL_* variables, exporting OTLP/HTTP (JSON) to a
 * collector this test plays, over an FSx endpoint (the emulator) that fails once so the SDK retries.
 */
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: Array<{ key: string; value: Record<string, unknown> }>;
  status?: { code?: number };
}
const SERVER = 2;
const CLIENT = 3;

const spans: OtlpSpan[] = [];
const resources: Array<Record<string, unknown>> = [];
let collector: http.Server;
let collectorUrl: string;
let emulator: RunningEmulator;
let gateway: ReadyChild;
let url: string;

const attribute = (span: OtlpSpan, key: string): unknown => {
  const value = span.attributes?.find((a) => a.key === key)?.value;
  return value && Object.values(value)[0];
};

beforeAll(async () => {
  collector = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (req.url === '/v1/traces') {
        const parsed = JSON.parse(body) as {
          resourceSpans: Array<{ resource: { attributes: OtlpSpan['attributes'] }; scopeSpans: Array<{ spans: OtlpSpan[] }> }>;
        };
        for (const rs of parsed.resourceSpans) {
          resources.push(Object.fromEntries((rs.resource.attributes ?? []).map((a) => [a.key, Object.values(a.value)[0]])));
          for (const ss of rs.scopeSpans) spans.push(...ss.spans);
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  collectorUrl = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
  emulator = await startEmulator({ port: 0, backupDurationMs: 0, regions: ['us-east-1'] });
  const port = await freePort();
  gateway = await startNodeProcess(builtEntry('main.js'), {
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HOST: '127.0.0.1',
      FSX_ENDPOINT_URL: emulator.url,
      FSX_MAX_ATTEMPTS: '3',
      METRICS_PORT: '0',
      CURSOR_SECRET: 'tracing-test',
      OTEL_EXPORTER_OTLP_ENDPOINT: collectorUrl,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_SERVICE_NAME: 'fsx-backup-graph-test',
      OTEL_BSP_SCHEDULE_DELAY: '50',
    },
    ready: /fsx-backup-graph ready: (\S+)/,
  });
  url = gateway.ready[1];
  expect(gateway.ready[0]).toBeDefined();
});

afterAll(async () => {
  gateway?.child.kill('SIGTERM');
  await gateway?.exited;
  await emulator?.stop();
  await new Promise((resolve) => collector?.close(resolve));
});

/** The spans of one trace, once the HTTP server span has arrived with at least `count` spans in all (a failure guard, not a speed bound). */
async function traceOf(traceId: string, count: number): Promise<OtlpSpan[]> {
  for (let i = 0; i < 200; i++) {
    const found = spans.filter((s) => s.traceId === traceId);
    if (found.length >= count && found.some((s) => s.kind === SERVER && !found.some((p) => p.spanId === s.parentSpanId))) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`trace ${traceId}: ${JSON.stringify(spans.filter((s) => s.traceId === traceId).map((s) => s.name))}`);
}

const MUTATION = `mutation Make($id: String!) { createBackup(input: { fileSystemId: $id }) { __typename } }`;
const post = (headers: Record<string, string>) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: MUTATION, variables: { id: DEMO.fileSystems.openzfs } }),
  }).then((res) => res.json() as Promise<{ data: { createBackup: { __typename: string } } }>);

describe('a traced request, FSx failing once', () => {
  const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
  const clientSpanId = '00f067aa0ba902b7';
  let trace: OtlpSpan[];

  beforeAll(async () => {
    emulator.faults.set([{ operation: 'CreateBackup', error: 'InternalServerError', times: 1 }]);
    const answer = await post({ traceparent: `00-${traceId}-${clientSpanId}-01`, 'x-request-id': 'traced-request-1' });
    expect(answer.data.createBackup.__typename).toBe('CreateBackupSuccess');
    // HTTP server, execute, createBackup, FSx.CreateBackup, two attempts (and parse, validate).
    trace = await traceOf(traceId, 6);
  });

  test("continues the client's trace: the HTTP server span's parent is the client's span", () => {
    const server = trace.filter((s) => s.kind === SERVER);
    expect(server).toHaveLength(1);
    expect(server[0].parentSpanId).toBe(clientSpanId);
    expect(attribute(server[0], 'http.request.header.x-request-id')).toEqual({ values: [{ stringValue: 'traced-request-1' }] });
  });

  test('the parent chain HTTP → GraphQL operation → root field → FSx call → one client span per SDK attempt', () => {
    const byId = new Map(trace.map((s) => [s.spanId, s]));
    const parent = (s: OtlpSpan) => byId.get(s.parentSpanId ?? '');
    const fsx = trace.filter((s) => s.name === 'FSx.CreateBackup');
    expect(fsx).toHaveLength(1);
    const field = parent(fsx[0])!;
    expect(field.name).toBe('graphql.resolve createBackup');
    const operation = parent(field)!;
    expect(operation.name).toBe('mutation Make');
    expect(parent(operation)!.kind).toBe(SERVER);
    const attempts = trace.filter((s) => s.parentSpanId === fsx[0].spanId && s.kind === CLIENT);
    expect(attempts.map((s) => Number(attribute(s, 'http.response.status_code') ?? attribute(s, 'http.status_code')))).toEqual([500, 200]);
    expect(attempts[0].status?.code).toBe(2);
  });

  test('the request log line carries the trace and span ids of the HTTP server span', () => {
    const server = trace.find((s) => s.kind === SERVER)!;
    const line = gateway
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.requestId === 'traced-request-1' && l.msg === 'graphql');
    expect(line).toMatchObject({ msg: 'graphql', operation: 'Make', trace_id: traceId, span_id: server.spanId });
  });

  test("the mutation's audit line carries the trace id, and the FSx request id the AWS SDK span recorded", () => {
    const fsxSpan = trace.find((s) => s.name === 'FSx.CreateBackup')!;
    const audit = gateway
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.requestId === 'traced-request-1' && l.msg === 'mutation');
    expect(attribute(fsxSpan, 'aws.request.id')).toEqual(expect.any(String));
    expect(audit).toMatchObject({
      operation: 'createBackup',
      outcome: 'CreateBackupSuccess',
      trace_id: traceId,
      fsxRequestId: attribute(fsxSpan, 'aws.request.id'),
      account: '123456789012',
      region: 'us-east-1',
    });
  });

  test('service.name comes from OTEL_SERVICE_NAME', () => {
    expect(resources.some((r) => r['service.name'] === 'fsx-backup-graph-test')).toBe(true);
  });
});

test('a request without traceparent starts one trace of its own, holding all its spans', async () => {
  const before = new Set(spans.map((s) => s.traceId));
  await post({ 'x-request-id': 'untraced-request-2' });
  let server: OtlpSpan | undefined;
  for (let i = 0; i < 200 && !server; i++) {
    server = spans.find((s) => s.kind === SERVER && !before.has(s.traceId) && attribute(s, 'http.request.header.x-request-id'));
    if (!server) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(server).toBeDefined();
  expect(server!.parentSpanId ?? '').toBe('');
  const trace = await traceOf(server!.traceId, 4);
  expect(trace.map((s) => s.name)).toEqual(expect.arrayContaining(['mutation Make', 'graphql.resolve createBackup', 'FSx.CreateBackup']));
  // Nothing of this request landed in another trace.
  const fsxCalls = spans.filter((s) => s.name === 'FSx.CreateBackup' && !before.has(s.traceId));
  expect(fsxCalls.map((s) => s.traceId)).toEqual([server!.traceId]);
});
