import { ConfigError, type EnvReader, type EnvVarDoc } from '../../env';

export interface MetricsConfig {
  /** 0: no metrics at all. */
  port: number;
  host: string;
  /** METRICS_PORT was set: a port that cannot be bound then stops start-up (else it is logged, and the gateway serves on). */
  explicit: boolean;
  /** METRICS_OPERATION_NAMES: operation names with a label of their own, beyond the trusted documents'. */
  operationNames: string[];
}

export const OBSERVABILITY_ENV_VARS: readonly EnvVarDoc[] = [
  {
    name: 'METRICS_PORT',
    default: '9464',
    description:
      'Port of the Prometheus metrics listener (GET /metrics), apart from PORT so the public port never exposes them. 0: no metrics. When set explicitly, a port in use stops start-up.',
  },
  {
    name: 'METRICS_HOST',
    default: '127.0.0.1',
    description: 'Interface of the metrics listener; 0.0.0.0 where Prometheus scrapes from another host or container.',
  },
  {
    name: 'METRICS_OPERATION_NAMES',
    default: '(none)',
    description:
      "Comma-separated GraphQL operation names that get their own `operation` label, beyond the names of the trusted documents (client/generated/persisted-documents.json, and PERSISTED_DOCUMENTS' manifest when set). Any other name is `(other)`: clients cannot add labels.",
  },
  {
    name: 'OTEL_EXPORTER_OTLP_ENDPOINT',
    default: '(none: no tracing)',
    description:
      'OpenTelemetry collector (OTLP over HTTP, e.g. http://otel-collector:4318): turns tracing on. Every other standard OTEL_* variable applies too (OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, OTEL_EXPORTER_OTLP_PROTOCOL, OTEL_EXPORTER_OTLP_HEADERS, OTEL_BSP_*, OTEL_RESOURCE_ATTRIBUTES).',
  },
  {
    name: 'OTEL_TRACES_EXPORTER',
    default: 'otlp (when tracing is on)',
    description: '`otlp`, `console` or `none`; `otlp` or `console` turns tracing on even without an endpoint.',
  },
  { name: 'OTEL_SERVICE_NAME', default: 'fsx-backup-graph', description: 'service.name of every span.' },
  {
    name: 'OTEL_TRACES_SAMPLER',
    default: 'parentbased_always_on',
    description:
      '`always_on`, `always_off`, `traceidratio`, `parentbased_always_on`, `parentbased_always_off` or `parentbased_traceidratio` (parent-based: a sampled incoming traceparent is always followed).',
  },
  { name: 'OTEL_TRACES_SAMPLER_ARG', default: '1', description: 'The ratio (0 to 1) of the `traceidratio` samplers.' },
  { name: 'OTEL_SDK_DISABLED', default: 'false', description: '`true` turns tracing off whatever else is set.' },
];

/** The metrics listener's settings; the tracing ones are only checked here (tracing.ts hands them to the SDK). */
export function readMetricsConfig(read: EnvReader, graphqlPort: number): MetricsConfig {
  const port = read.int('METRICS_PORT', 0, 65535);
  if (port && port === graphqlPort)
    throw new ConfigError('METRICS_PORT', `must differ from PORT (${graphqlPort}): metrics are never served on the public port`);
  validateTracing(read);
  const operationNames = read.list('METRICS_OPERATION_NAMES', GRAPHQL_NAME, 'must list GraphQL operation names (letters, digits, _)') ?? [];
  return { port: port ?? 9464, host: read.string('METRICS_HOST') ?? '127.0.0.1', explicit: port !== undefined, operationNames };
}

/** A GraphQL name, as long as a label may be (bounded-label.ts). */
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

const SAMPLERS = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
] as const;

/** The OTEL_* settings the SDK would otherwise reject with a warning nobody reads: a bad one stops start-up. */
function validateTracing(read: EnvReader): void {
  read.url('OTEL_EXPORTER_OTLP_ENDPOINT');
  read.oneOf('OTEL_TRACES_EXPORTER', ['otlp', 'console', 'none'] as const);
  read.oneOf('OTEL_TRACES_SAMPLER', SAMPLERS);
  read.bool('OTEL_SDK_DISABLED');
  const ratio = read.string('OTEL_TRACES_SAMPLER_ARG');
  if (ratio !== undefined && !(/^\d*\.?\d+$/.test(ratio) && Number(ratio) <= 1))
    throw new ConfigError('OTEL_TRACES_SAMPLER_ARG', `must be a ratio between 0 and 1 (got "${ratio}")`);
}
