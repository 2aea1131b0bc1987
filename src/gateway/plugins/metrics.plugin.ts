import type { ApolloServerPlugin } from '@apollo/server';
import { BoundedLabel } from '../observability/bounded-label';
import type { GatewayMetrics } from '../observability/metrics';

/** Error codes the gateway and Apollo answer with; a request's status is its first error's code (any other: `(other)`). */
const KNOWN_CODES = [
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'INTERNAL_SERVER_ERROR',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'QUERY_TOO_COMPLEX',
  'FSX_ERROR',
];

/**
 * graphql_requests_total{operation, status} and graphql_request_duration_seconds{operation}: one
 * count and one observation per GraphQL request over HTTP. The operation label is the operation's
 * name, bounded (GatewayMetrics.operations); status is `ok`, or the first error's code. Typed error
 * results are data, not errors: they are counted by graphql_results_total.
 */
export function metricsPlugin(metrics: GatewayMetrics): ApolloServerPlugin {
  const codes = new BoundedLabel(10, new Set(KNOWN_CODES));
  return {
    async requestDidStart() {
      const started = performance.now();
      let operationName: string | null | undefined;
      return {
        async didResolveOperation(request) {
          operationName = request.operationName;
        },
        async willSendResponse({ response }) {
          const body = response.body;
          const errors = body.kind === 'single' ? body.singleResult.errors : undefined;
          const code = errors?.[0]?.extensions?.code;
          const status = !errors?.length ? 'ok' : codes.of(typeof code === 'string' ? code : undefined);
          const operation = metrics.operations.of(operationName);
          metrics.graphqlRequests.inc({ operation, status });
          metrics.graphqlDuration.observe({ operation }, (performance.now() - started) / 1000);
        },
      };
    },
  };
}
