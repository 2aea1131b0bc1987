/** What the metrics read of the rest of the gateway (rooms above this one), and how they are labelled. */

/** What the live-progress metrics read of the live hub (live/live-hub.ts), at scrape time. */
export interface LiveSource {
  /** The places served (their keys, `<account>:<region>`): each has its watched-backups series, 0 while nothing is watched there. */
  places(): ReadonlyArray<{ readonly key: string }>;
  /** The hub's watchers (one per subscription watching backups or file systems) and what they watch. */
  readonly index: { readonly size: number; snapshot(): Record<string, { backupIds: string[]; fileSystemIds: string[] }> };
  /** Polls completed so far. */
  readonly ticks: number;
  /** Whether this replica holds the polling lease (alone: whenever it has something to poll). */
  readonly polling: boolean;
}

/** What the budget metrics read of the FSx call budget (fsx/call-budget.ts, a room above this one), by place key. */
export interface BudgetSource {
  waitingByPlace(): ReadonlyMap<string, number>;
  onTurn(listener: (place: string, waitedMs: number) => void): void;
}

export interface MetricsOptions {
  /**
   * Whether FSx and live series carry an `account` label beside `region`: when the gateway serves
   * several accounts. With one, the series stay as they were without accounts, so an upgrade keeps
   * every series (and rate() across it) continuous.
   */
  accountLabel?: boolean;
}

/** What the subscription metric reads of the WebSocket transport (http/graphql-ws.ts). */
export interface SubscriptionSource {
  readonly activeSubscriptions: number;
}

/** The GraphQL operation names the gateway knows, beyond those of its committed trusted documents (read at start). */
export interface KnownOperations {
  /** METRICS_OPERATION_NAMES */
  operationNames?: Iterable<string>;
  /** Documents whose operations' names are known too: the PERSISTED_DOCUMENTS manifest's. */
  documents?: Iterable<string>;
}

/** Error codes an endpoint may answer beyond the model's own: AWS's common errors. */
export const COMMON_AWS_ERRORS = [
  'AccessDeniedException',
  'ExpiredTokenException',
  'IncompleteSignature',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'RequestExpired',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'ThrottlingException',
  'TooManyRequestsException',
  'UnrecognizedClientException',
  'ValidationException',
];
