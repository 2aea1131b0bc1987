import { ApolloClient, HttpLink, InMemoryCache, split } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { Kind, OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';
import possibleTypes from '../generated/possible-types';
import { type Credentials, credentialHeaders } from './credentials';

/** The live (graphql-ws) connection: opened with the first subscription, reopened after a drop. */
export type LiveStatus = 'idle' | 'connecting' | 'connected' | 'closed';

export interface ConsoleClient {
  apollo: ApolloClient<unknown>;
  /** Calls `listener` with each change of the live connection's status; returns the unsubscribe. */
  onLiveStatus(listener: (status: LiveStatus) => void): () => void;
  dispose(): void;
}

/** graphql-ws close codes the gateway uses for credentials: missing or bad (4401), not allowed (4403). */
const UNAUTHORIZED_CLOSE = new Set([4401, 4403]);

/**
 * Apollo Client as a frontend should set it up against this gateway: possibleTypes (generated) so
 * `... on ErrorResult` survives cache reads; queries and mutations over HTTP, subscriptions over
 * graphql-ws on the same /graphql URL, both with the caller's credentials; a 401 (or a WebSocket
 * closed for credentials) calls `onUnauthenticated`.
 */
export function createConsoleClient(credentials: Credentials | null, onUnauthenticated: () => void): ConsoleClient {
  const headers = { ...credentialHeaders(credentials), 'apollo-require-preflight': 'true' };
  // A 401 (missing or refused credentials) asks for credentials; the answer still reaches the caller.
  const http = new HttpLink({
    uri: '/graphql',
    headers,
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      if (response.status === 401) onUnauthenticated();
      return response;
    },
  });
  const wsUrl = new URL('/graphql', window.location.href);
  wsUrl.protocol = wsUrl.protocol === 'https:' ? 'wss:' : 'ws:';
  const listeners = new Set<(status: LiveStatus) => void>();
  const setStatus = (status: LiveStatus) => listeners.forEach((listener) => listener(status));
  const ws = createClient({
    url: wsUrl.href,
    connectionParams: () => credentialHeaders(credentials),
    lazy: true,
    retryAttempts: 8,
    shouldRetry: (event) => !(event instanceof CloseEvent && UNAUTHORIZED_CLOSE.has(event.code)),
    on: {
      connecting: () => setStatus('connecting'),
      connected: () => setStatus('connected'),
      closed: (event) => {
        setStatus('closed');
        if (event instanceof CloseEvent && UNAUTHORIZED_CLOSE.has(event.code)) onUnauthenticated();
      },
    },
  });
  const transport = split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === Kind.OPERATION_DEFINITION && definition.operation === OperationTypeNode.SUBSCRIPTION;
    },
    new GraphQLWsLink(ws),
    http,
  );
  const apollo = new ApolloClient({
    link: transport,
    cache: new InMemoryCache({
      possibleTypes: possibleTypes.possibleTypes,
      typePolicies: {
        // One entry per page list (per region and account): `after` pages are appended (Load more), a first page replaces the list.
        Query: { fields: { fileSystems: { keyArgs: ['region', 'account'], merge: appendPages } } },
        FileSystem: { fields: { backups: { keyArgs: false, merge: appendPages } } },
      },
    }),
  });
  return {
    apollo,
    onLiveStatus: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose: () => {
      void ws.dispose();
      apollo.stop();
    },
  };
}

interface Page {
  __typename: string;
  edges?: Array<{ node: unknown }>;
}

/** Appends a connection page to the one before it; anything else (a first page, an error result) replaces it. */
function appendPages(existing: Page | undefined, incoming: Page, { args }: { args: Record<string, unknown> | null }): Page {
  if (!args?.after || !existing?.edges || !incoming.edges || existing.__typename !== incoming.__typename) return incoming;
  return { ...incoming, edges: [...existing.edges, ...incoming.edges] };
}
