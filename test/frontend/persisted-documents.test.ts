import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { ApolloClient, HttpLink, InMemoryCache, type NormalizedCacheObject, split } from '@apollo/client/core';
import { createPersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { Kind, OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { DEMO } from '../../src/emulator/demo-estate';
import { BackupChangedDocument, BackupDocument, CreateBackupDocument, FileSystemsDocument } from '../../client/generated/graphql';
import possibleTypes from '../../client/generated/possible-types';
import { type TestGateway, startTestGateway } from '../support/gateway';

/**
 * client/generated/persisted-documents.json holds what Apollo Client really sends: the console's
 * operations run against a gateway that accepts nothing else (PERSISTED_DOCUMENTS_ONLY), by text
 * and, with Apollo's persisted-queries link, by hash alone.
 */
describe('the console against PERSISTED_DOCUMENTS_ONLY=true', () => {
  let t: TestGateway;
  const disposers: Array<() => unknown> = [];
  beforeAll(async () => {
    t = await startTestGateway(
      {},
      {
        PERSISTED_DOCUMENTS: join(__dirname, '..', '..', 'client', 'generated', 'persisted-documents.json'),
        PERSISTED_DOCUMENTS_ONLY: 'true',
      },
    );
  });
  afterAll(async () => {
    for (const dispose of disposers) await dispose();
    await t.stop();
  });

  function newClient(byHash: boolean): ApolloClient<NormalizedCacheObject> {
    const sent: Array<{ query?: string; extensions?: unknown }> = [];
    const ws = createClient({ url: t.gateway.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, lazy: true, retryAttempts: 0 });
    disposers.push(() => ws.dispose());
    let http = new HttpLink({
      uri: t.gateway.url,
      fetch: async (input, init) => {
        sent.push(JSON.parse(init?.body as string));
        return fetch(input, init);
      },
    });
    if (byHash)
      http = createPersistedQueryLink({ sha256: (text) => createHash('sha256').update(text).digest('hex') }).concat(http) as HttpLink;
    const link = split(
      ({ query }) => {
        const definition = getMainDefinition(query);
        return definition.kind === Kind.OPERATION_DEFINITION && definition.operation === OperationTypeNode.SUBSCRIPTION;
      },
      new GraphQLWsLink(ws),
      http,
    );
    const client = new ApolloClient({ link, cache: new InMemoryCache({ possibleTypes: possibleTypes.possibleTypes }) });
    disposers.push(() => client.stop());
    return Object.assign(client, { sent });
  }

  test.each([false, true])('queries, mutations and subscriptions run (by hash: %s)', async (byHash) => {
    const client = newClient(byHash);
    const sent = (client as unknown as { sent: Array<{ query?: string }> }).sent;
    const backup = await client.query({ query: BackupDocument, variables: { backupId: DEMO.backups.windowsUser } });
    expect(backup.data.backup).toMatchObject({ __typename: 'Backup', backupId: DEMO.backups.windowsUser });
    const list = await client.query({ query: FileSystemsDocument });
    expect(list.data.fileSystems.__typename).toBe('FileSystemConnection');
    const created = await client.mutate({ mutation: CreateBackupDocument, variables: { input: { fileSystemId: 'fs-invalid' } } });
    expect(created.data?.createBackup.__typename).toBe('InvalidInput');
    const event = await new Promise<any>((resolve, reject) => {
      const subscription = client
        .subscribe({ query: BackupChangedDocument, variables: { backupIds: [DEMO.backups.windowsUser] } })
        .subscribe({
          next: (value) => {
            subscription.unsubscribe();
            resolve(value);
          },
          error: reject,
        });
    });
    expect(event.errors).toBeUndefined();
    expect(event.data.backupChanged.__typename).toBeDefined();
    // By hash, the documents never crossed the wire as text.
    expect(sent.every((body) => (body.query === undefined) === byHash)).toBe(true);
  });
});
