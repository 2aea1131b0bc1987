import { DescribeBackupsCommand } from '@aws-sdk/client-fsx';
import { loadConfig } from '../../src/config';
import { BoundedLabel, OTHER } from '../../src/gateway/observability/bounded-label';
import { instrumentFsxClient } from '../../src/gateway/observability/fsx-metrics';
import { GatewayMetrics } from '../../src/gateway/observability/metrics';
import { tracingWanted } from '../../src/gateway/observability/tracing';
import { fsxClientFor } from '../support/emulator';
import { freePort } from '../support/redis';
import { parseMetrics, series } from './support';

describe('BoundedLabel', () => {
  test('names up to the bound are their own label; later ones, missing ones and odd ones are (other); the allow-list always passes', () => {
    const label = new BoundedLabel(2, new Set(['Allowed']));
    expect([label.of('A'), label.of('B'), label.of('C'), label.of('A'), label.of('Allowed')]).toEqual(['A', 'B', OTHER, 'A', 'Allowed']);
    expect([label.of(undefined), label.of(null), label.of('')]).toEqual([OTHER, OTHER, OTHER]);
    expect(new BoundedLabel(5).of('x'.repeat(65))).toBe(OTHER);
    expect(new BoundedLabel(5).of('has space')).toBe(OTHER);
  });
  test('only: the allow-list alone, however many names come first', () => {
    const label = BoundedLabel.only(['Backups']);
    for (let i = 0; i < 300; i++) expect(label.of(`Random${i}`)).toBe(OTHER);
    expect([label.of('Backups'), label.of(undefined)]).toEqual(['Backups', OTHER]);
  });
});

describe('tracingWanted: off unless an exporter is configured', () => {
  test.each([
    [{}, false],
    [{ OTEL_SERVICE_NAME: 'x' }, false],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, true],
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' }, true],
    [{ OTEL_TRACES_EXPORTER: 'console' }, true],
    [{ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, false],
    [{ OTEL_SDK_DISABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, false],
  ])('%j → %s', (env, wanted) => expect(tracingWanted(env)).toBe(wanted));
});

describe('configuration', () => {
  test('metrics default to 127.0.0.1:9464; 0 turns them off; an explicit port is marked so', () => {
    expect(loadConfig({}).metrics).toEqual({ port: 9464, host: '127.0.0.1', explicit: false, operationNames: [] });
    expect(loadConfig({ METRICS_PORT: '0' }).metrics.port).toBe(0);
    expect(loadConfig({ METRICS_PORT: '9100', METRICS_HOST: '0.0.0.0' }).metrics).toEqual({
      port: 9100,
      host: '0.0.0.0',
      explicit: true,
      operationNames: [],
    });
  });
  test('METRICS_OPERATION_NAMES: a comma-separated list of GraphQL names', () => {
    expect(loadConfig({ METRICS_OPERATION_NAMES: 'Nightly, audit_2' }).metrics.operationNames).toEqual(['Nightly', 'audit_2']);
  });
  test.each([
    [{ METRICS_PORT: '4000' }, 'METRICS_PORT must differ from PORT'],
    [{ METRICS_PORT: 'x' }, 'METRICS_PORT must be a whole number'],
    [{ OTEL_TRACES_SAMPLER: 'sometimes' }, 'OTEL_TRACES_SAMPLER must be one of'],
    [{ OTEL_TRACES_SAMPLER_ARG: '1.5' }, 'OTEL_TRACES_SAMPLER_ARG must be a ratio'],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }, 'OTEL_EXPORTER_OTLP_ENDPOINT must'],
    [{ METRICS_OPERATION_NAMES: 'Nightly,has space' }, 'METRICS_OPERATION_NAMES must list GraphQL operation names'],
    [{ METRICS_OPERATION_NAMES: 'A,A' }, 'METRICS_OPERATION_NAMES lists a value twice'],
  ])('%j is refused', (env, message) => expect(() => loadConfig(env)).toThrow(message));
});

describe('FSx call metrics at the SDK', () => {
  test('no answer at all (connection refused) is outcome "transport"', async () => {
    const metrics = new GatewayMetrics();
    const client = fsxClientFor(`http://127.0.0.1:${await freePort()}`, 2);
    instrumentFsxClient(client, 'eu-west-1', metrics);
    try {
      await expect(client.send(new DescribeBackupsCommand({}))).rejects.toThrow();
      const samples = parseMetrics(await metrics.text());
      expect(series(samples, 'fsx_requests_total')).toEqual({ 'eu-west-1,DescribeBackups,transport': 1 });
      expect(series(samples, 'fsx_retries_total')).toEqual({ 'eu-west-1,DescribeBackups': 1 });
    } finally {
      client.destroy();
      metrics.close();
    }
  });
});
