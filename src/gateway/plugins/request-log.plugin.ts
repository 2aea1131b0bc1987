import type { ApolloServerPlugin } from '@apollo/server';
import { trace } from '@opentelemetry/api';
import type { Principal } from '../auth/principal';
import type { Logger } from '../logging';

/** What the request log needs of the request context. */
export interface RequestLogContext {
  principal: Principal;
  requestId: string;
  /** Filled in once Apollo has resolved the operation. */
  operationName?: string | null;
}

/**
 * One log line per GraphQL request (id, operation, principal, duration, outcome), and in production
 * the masking of unexpected errors: the client gets a correlation id (the request id), the log the cause.
 */
export function requestLogPlugin(production: boolean, logger?: Logger): ApolloServerPlugin<RequestLogContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      // With tracing on, the request's span (HTTP server) carries its id too: a trace leads to its log line.
      trace.getActiveSpan()?.setAttribute('http.request.header.x-request-id', [contextValue.requestId]);
      return {
        async didResolveOperation({ operationName }) {
          contextValue.operationName = operationName;
        },
        async willSendResponse({ response, errors }) {
          const body = response.body;
          if (production && body.kind === 'single' && body.singleResult.errors) {
            body.singleResult.errors = body.singleResult.errors.map((e) =>
              e.extensions?.code === 'INTERNAL_SERVER_ERROR'
                ? { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: contextValue.requestId } }
                : e,
            );
          }
          const unexpected = errors?.filter((e) => !e.extensions?.code || e.extensions.code === 'INTERNAL_SERVER_ERROR');
          if (unexpected?.length)
            logger?.error(
              {
                requestId: contextValue.requestId,
                errors: unexpected.map((e) => ({ message: e.message, path: e.path, stack: e.originalError?.stack })),
              },
              'GraphQL request failed',
            );
          logger?.info(
            {
              requestId: contextValue.requestId,
              operation: contextValue.operationName ?? null,
              principal: contextValue.principal.id,
              status: response.http.status ?? 200,
              errors: errors?.length ?? 0,
              durationMs: Math.round((performance.now() - started) * 100) / 100,
            },
            'graphql',
          );
        },
      };
    },
  };
}
