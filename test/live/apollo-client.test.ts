import { ApolloClient, HttpLink, InMemoryCache, gql, split } from '@apollo/client/core';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { Kind, OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { DEMO } from '../../src/emulator/demo-estate';
import { type TestGateway, startTestGateway } from '../support/gateway';

/** docs/live.md's client, as a frontend developer would write it: Apollo Client 3, a split link, GraphQLWsLink. */
describe('Apollo Client with a split link (HTTP for operations, GraphQLWsLink for subscriptions)', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ backupDurationMs: 1500 }, { SUBSCRIPTION_POLL_INTERVAL_MS: '100' });
  });
  afterAll(() => t.stop());

  test('creates a backup over HTTP and follows it over WebSocket until it is AVAILABLE', async () => {
    const wsClient = createClient({ url: t.gateway.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: {} });
    const client = new ApolloClient({
      link: split(
        ({ query }) => {
          const definition = getMainDefinition(query);
          return definition.kind === Kind.OPERATION_DEFINITION && definition.operation === OperationTypeNode.SUBSCRIPTION;
        },
        new GraphQLWsLink(wsClient),
        new HttpLink({ uri: t.gateway.url }),
      ),
      cache: new InMemoryCache(),
    });
    try {
      const created = await client.mutate({
        mutation: gql`
          mutation Create($fs: String!) {
            createBackup(input: { fileSystemId: $fs }) {
              __typename
              ... on CreateBackupSuccess {
                backup {
                  backupId
                }
              }
            }
          }
        `,
        variables: { fs: DEMO.fileSystems.lustrePersistent },
      });
      const backupId: string = created.data.createBackup.backup.backupId;
      const lifecycles: string[] = [];
      await new Promise<void>((resolve, reject) => {
        client
          .subscribe({
            query: gql`
              subscription Watch($ids: [String!]) {
                backupChanged(backupIds: $ids) {
                  __typename
                  ... on BackupChanged {
                    final
                    backup {
                      backupId
                      lifecycle
                      progressPercent
                    }
                  }
                }
              }
            `,
            variables: { ids: [backupId] },
          })
          .subscribe({
            next: ({ data }) => lifecycles.push(data.backupChanged.backup.lifecycle),
            error: reject,
            complete: resolve,
          });
      });
      expect(lifecycles[lifecycles.length - 1]).toBe('AVAILABLE');
      expect(lifecycles).toEqual([...lifecycles].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b)));
    } finally {
      client.stop();
      await wsClient.dispose();
    }
  });
});

const ORDER = ['PENDING', 'CREATING', 'TRANSFERRING', 'AVAILABLE'];
