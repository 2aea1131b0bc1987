import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { MODEL_ERROR_MEMBERS } from '../../fsx-model';
import { BoundedLabel } from './bounded-label';
import { committedOperationNames, operationNamesIn } from './known-operations';
import { observeLoaderBatches } from './loader-batches';
import {
  type BudgetSource,
  COMMON_AWS_ERRORS,
  type KnownOperations,
  type LiveSource,
  type MetricsOptions,
  type SubscriptionSource,
} from './metric-sources';

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The gateway's Prometheus metrics (prom-client), in one registry per gateway, served on the separate
 * metrics listener (metrics-server.ts). Every label value is bounded: operation names to those the
 * gateway knows (its trusted documents' and METRICS_OPERATION_NAMES, never a client's choice), FSx
 * operations by the SDK's command set, error codes by the model's list (others collapse), fields and
 * result types by the schema, loaders by the code.
 */
export class GatewayMetrics {
  readonly registry = new Registry();
  readonly operations: BoundedLabel;
  readonly errorCodes = new BoundedLabel(20, new Set([...Object.keys(MODEL_ERROR_MEMBERS), ...COMMON_AWS_ERRORS]));

  readonly graphqlRequests = new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL requests over HTTP, by operation name ((other): anonymous, or a name the gateway does not know) and status (ok, or the first error code).',
    labelNames: ['operation', 'status'] as const,
    registers: [this.registry],
  });

  readonly graphqlDuration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'Time from Apollo receiving a GraphQL request to its response, by operation name.',
    labelNames: ['operation'] as const,
    buckets: SECONDS,
    registers: [this.registry],
  });

  readonly graphqlResults = new Counter({
    name: 'graphql_results_total',
    help: 'Results returned by root fields whose type is a union, by field and __typename ((error): the field threw).',
    labelNames: ['field', 'result'] as const,
    registers: [this.registry],
  });

  /** `region`, or `account` and `region` (MetricsOptions.accountLabel): the labels of a place. */
  private readonly placeLabelNames: readonly string[];

  readonly fsxRequests: Counter<string>;
  readonly fsxDuration: Histogram<string>;
  readonly fsxRetries: Counter<string>;

  readonly batchSize = new Histogram({
    name: 'dataloader_batch_size',
    help: 'Distinct keys per DataLoader batch (one Describe call each, at most 50 backups or file systems), by loader.',
    labelNames: ['loader'] as const,
    buckets: [1, 2, 5, 10, 20, 30, 40, 50, 100],
    registers: [this.registry],
  });

  readonly fsxBudgetWait: Histogram<string>;

  private readonly stopObserving: () => void;

  constructor(known: KnownOperations = {}, options: MetricsOptions = {}) {
    this.placeLabelNames = options.accountLabel ? ['account', 'region'] : ['region'];
    const place = this.placeLabelNames;
    const by = options.accountLabel ? 'account, region' : 'region';
    this.fsxRequests = new Counter({
      name: 'fsx_requests_total',
      help: `FSx API calls (each including its retries), by ${by}, operation and outcome (success, the FSx error code, transport, budget: held back by FSX_MAX_CALLS_PER_SECOND, or credentials: STS refused the account's role).`,
      labelNames: [...place, 'operation', 'outcome'],
      registers: [this.registry],
    });
    this.fsxDuration = new Histogram({
      name: 'fsx_request_duration_seconds',
      help: `Duration of FSx API calls, retries and backoff included, by ${by} and operation.`,
      labelNames: [...place, 'operation'],
      buckets: [...SECONDS, 30],
      registers: [this.registry],
    });
    this.fsxRetries = new Counter({
      name: 'fsx_retries_total',
      help: `Attempts beyond the first made by the SDK (standard retry mode), by ${by} and operation.`,
      labelNames: [...place, 'operation'],
      registers: [this.registry],
    });
    this.fsxBudgetWait = new Histogram({
      name: 'fsx_budget_wait_seconds',
      help: `Time FSx call attempts waited for their turn in the gateway's FSx call budget (FSX_MAX_CALLS_PER_SECOND), by ${by}; 0 for those that went at once.`,
      labelNames: [...place],
      buckets: [0, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
      registers: [this.registry],
    });
    this.operations = BoundedLabel.only([
      ...committedOperationNames().names,
      ...operationNamesIn(known.documents ?? []),
      ...(known.operationNames ?? []),
    ]);
    collectDefaultMetrics({ register: this.registry });
    // Gauges named like counters, which Prometheus' own lint (promtool check metrics) refuses; the same
    // numbers stay available by type as nodejs_active_handles, nodejs_active_requests, nodejs_active_resources.
    for (const name of ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total'])
      this.registry.removeSingleMetric(name);
    this.stopObserving = observeLoaderBatches((loader, size) => this.batchSize.observe({ loader }, size));
  }

  /**
   * The labels of a place, from its key (`<account>:<region>`; a bare region is a place of the one
   * account): `{ region }`, or `{ account, region }` with MetricsOptions.accountLabel.
   */
  placeLabels(placeKey: string): Record<string, string> {
    const at = placeKey.indexOf(':');
    const region = at < 0 ? placeKey : placeKey.slice(at + 1);
    return this.placeLabelNames.length === 2 ? { account: at < 0 ? '' : placeKey.slice(0, at), region } : { region };
  }

  /** The FSx call budget's queue (read at scrape time) and the waits of the turns it gives. */
  trackFsxBudget(budget: BudgetSource): void {
    const labels = (place: string) => this.placeLabels(place);
    new Gauge({
      name: 'fsx_budget_waiting_calls',
      help: "FSx call attempts waiting now for their turn in the gateway's FSx call budget, by place (FSX_BUDGET_QUEUE bounds it).",
      labelNames: [...this.placeLabelNames],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [place, waiting] of budget.waitingByPlace()) this.set(labels(place), waiting);
      },
    });
    budget.onTurn((place, waitedMs) => this.fsxBudgetWait.observe(this.placeLabels(place), waitedMs / 1000));
  }

  /** The live-progress metrics, read from the hub and the WebSocket transport at scrape time. */
  trackLive(live: LiveSource, subscriptions: SubscriptionSource): void {
    const registers = [this.registry];
    new Gauge({
      name: 'graphql_subscriptions_active',
      help: 'GraphQL operations running over WebSocket (subscriptions), on every socket of this replica.',
      registers,
      collect() {
        this.set(subscriptions.activeSubscriptions);
      },
    });
    new Gauge({
      name: 'live_watchers',
      help: "Subscriptions registered with this replica's live hub (each watches backups and/or file systems).",
      registers,
      collect() {
        this.set(live.index.size);
      },
    });
    const labels = (place: string) => this.placeLabels(place);
    const watched = (name: string, help: string, key: 'backupIds' | 'fileSystemIds') =>
      new Gauge({
        name,
        help,
        labelNames: [...this.placeLabelNames],
        registers,
        collect() {
          this.reset();
          for (const place of live.places()) this.set(labels(place.key), 0);
          for (const [place, watches] of Object.entries(live.index.snapshot())) this.set(labels(place), watches[key].length);
        },
      });
    watched('live_watched_backups', "Distinct backups this replica's subscribers watch, by place.", 'backupIds');
    watched('live_watched_file_systems', "Distinct file systems this replica's subscribers watch, by place.", 'fileSystemIds');
    new Counter({
      name: 'live_poll_ticks_total',
      help: 'Polls of FSx for watched backups completed by this replica (only the lease holder polls).',
      registers,
      collect() {
        this.reset();
        this.inc(live.ticks);
      },
    });
    new Gauge({
      name: 'live_poller_lease_held',
      help: '1 while this replica holds the polling lease (with Redis, one replica at a time), else 0.',
      registers,
      collect() {
        this.set(live.polling ? 1 : 0);
      },
    });
  }

  /** The Prometheus text exposition of every metric. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  close(): void {
    this.stopObserving();
  }
}
