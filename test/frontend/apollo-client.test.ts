import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloClient, HttpLink, InMemoryCache, type NormalizedCacheObject, gql, split } from '@apollo/client/core';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { Kind, OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { DEMO } from '../../src/emulator/demo-estate';
import {
  BackupChangedDocument,
  BackupDocument,
  CreateBackupDocument,
  FileSystemBackupsDocument,
  NodeDocument,
} from '../../client/generated/graphql';
import { type TestGateway, startTestGateway } from '../support/gateway';
import { send } from '../support/http';

type PossibleTypes = Record<string, string[]>;

/**
 * Apollo Client 3 as a frontend uses it, against the real HTTP server and the emulator: a plain
 * InMemoryCache fed with /possible-types.json, the generated documents of client/generated/.
 */
describe('Apollo Client 3 with InMemoryCache({ possibleTypes })', () => {
  let t: TestGateway;
  let possibleTypes: PossibleTypes;
  const clients: Array<ApolloClient<NormalizedCacheObject>> = [];
  const disposers: Array<() => unknown> = [];

  /** A fresh client as an app would build it: possibleTypes, HTTP for queries, graphql-ws for subscriptions. */
  function newClient(types: PossibleTypes | undefined = possibleTypes): ApolloClient<NormalizedCacheObject> {
    const ws = createClient({ url: t.gateway.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, lazy: true, retryAttempts: 0 });
    disposers.push(() => ws.dispose());
    const link = split(
      ({ query }) => {
        const definition = getMainDefinition(query);
        return definition.kind === Kind.OPERATION_DEFINITION && definition.operation === OperationTypeNode.SUBSCRIPTION;
      },
      new GraphQLWsLink(ws),
      new HttpLink({ uri: t.gateway.url, fetch }),
    );
    const client = new ApolloClient({ link, cache: new InMemoryCache(types ? { possibleTypes: types } : {}) });
    clients.push(client);
    return client;
  }

  beforeAll(async () => {
    // Backups take 1.5 s here, so a list can hold one while it is still CREATING.
    t = await startTestGateway({ backupDurationMs: 1500 });
    const answer = await send(t.gateway.url.replace(/\/graphql$/, '/possible-types.json'));
    expect(answer.status).toBe(200);
    possibleTypes = answer.json.possibleTypes;
  });
  afterAll(async () => {
    for (const client of clients) client.stop();
    for (const dispose of disposers) await dispose();
    await t?.stop();
  });

  test('/possible-types.json is the committed client/generated/possible-types.json, and covers every union and interface', async () => {
    const committed = JSON.parse(readFileSync(join(__dirname, '../../client/generated/possible-types.json'), 'utf8'));
    expect(possibleTypes).toEqual(committed.possibleTypes);
    expect(possibleTypes.Node).toEqual(['Backup', 'FileSystem', 'Volume']);
    expect(possibleTypes.ErrorResult).toContain('BackupNotFound');
    expect(Object.keys(possibleTypes)).toEqual(
      expect.arrayContaining([
        'BackupResult',
        'BackupsResult',
        'CreateBackupResult',
        'DeleteBackupResult',
        'CopyBackupResult',
        'RestoreBackupResult',
        'BackupChangedResult',
      ]),
    );
  });

  test("the issue's example: BackupNotFound keeps message and retryable", async () => {
    const query = gql`
      query Missing {
        backup(backupId: "backup-00000000deadbeef") {
          __typename
          ... on Backup {
            backupId
          }
          ... on ErrorResult {
            message
            retryable
          }
        }
      }
    `;
    const { data } = await newClient().query({ query });
    expect(data.backup).toEqual({
      __typename: 'BackupNotFound',
      message: expect.stringContaining('backup-00000000deadbeef'),
      retryable: false,
    });
  });

  test('every error member of every union keeps its ... on ErrorResult fields through the cache', () => {
    const cache = new InMemoryCache({ possibleTypes });
    const errorTypes = new Set(possibleTypes.ErrorResult);
    let pairs = 0;
    for (const [union, members] of Object.entries(possibleTypes)) {
      if (union === 'ErrorResult' || union === 'Node') continue;
      for (const member of members.filter((m) => errorTypes.has(m))) {
        const query = gql(
          `query Q_${union}_${member} { r_${union}_${member} { __typename ... on ${union} { ... on ErrorResult { message retryable requestId } } } }`,
        );
        const value = { __typename: member, message: `${member} in ${union}`, retryable: true, requestId: 'req-1' };
        cache.writeQuery({ query, data: { [`r_${union}_${member}`]: value } });
        expect({ union, member, read: cache.readQuery<Record<string, unknown>>({ query })?.[`r_${union}_${member}`] }).toEqual({
          union,
          member,
          read: value,
        });
        pairs += 1;
      }
    }
    expect(pairs).toBeGreaterThan(50);
  });

  test('real error results through the generated documents: InvalidInput, FileSystemNotFound, UnsupportedOperation, InternalServerError', async () => {
    const client = newClient();
    const invalid = await client.mutate({
      mutation: CreateBackupDocument,
      variables: {
        input: {
          fileSystemId: DEMO.fileSystems.windows,
          tags: [
            { key: 'Name', value: 'ok' },
            { key: 'bad key!', value: 'x' },
          ],
        },
      },
    });
    expect(invalid.data?.createBackup).toMatchObject({
      __typename: 'InvalidInput',
      message: expect.any(String),
      retryable: false,
      fieldErrors: [expect.objectContaining({ path: ['input', 'tags', '1', 'key'] })],
    });
    const notFound = await client.mutate({
      mutation: CreateBackupDocument,
      variables: { input: { fileSystemId: 'fs-00000000deadbeef0' } },
    });
    expect(notFound.data?.createBackup).toMatchObject({ __typename: 'FileSystemNotFound', message: expect.any(String), retryable: false });
    const unsupported = await client.mutate({
      mutation: CreateBackupDocument,
      variables: { input: { fileSystemId: DEMO.fileSystems.ontap } },
    });
    expect(unsupported.data?.createBackup).toMatchObject({
      __typename: 'UnsupportedOperation',
      message: expect.any(String),
      retryable: false,
    });
    t.emulator.faults.set([{ operation: 'CreateBackup', error: 'InternalServerError' }]);
    try {
      const failed = await client.mutate({
        mutation: CreateBackupDocument,
        variables: { input: { fileSystemId: DEMO.fileSystems.windows } },
      });
      expect(failed.data?.createBackup).toMatchObject({ __typename: 'InternalServerError', message: expect.any(String), retryable: true });
    } finally {
      t.emulator.faults.clear();
    }
  });

  test('a createBackup result updates the same backup already in the cache (normalized by id)', async () => {
    const client = newClient();
    const clientRequestToken = `apollo-${Date.now()}`;
    const first = await client.mutate({
      mutation: CreateBackupDocument,
      variables: { input: { fileSystemId: DEMO.fileSystems.openzfs, clientRequestToken } },
    });
    if (first.data?.createBackup.__typename !== 'CreateBackupSuccess') throw new Error(`not created: ${JSON.stringify(first.data)}`);
    const created = first.data.createBackup.backup;
    expect(created.lifecycle).toBe('CREATING');

    // The file system's list, read into the cache while the backup is still in progress (a page of the
    // console's size: 100 backups with up to 50 tags each cost more than the default MAX_COST).
    const list = await client.query({
      query: FileSystemBackupsDocument,
      variables: { fileSystemId: DEMO.fileSystems.openzfs, first: 20 },
    });
    const listed = () => {
      const read = client.readQuery({
        query: FileSystemBackupsDocument,
        variables: { fileSystemId: DEMO.fileSystems.openzfs, first: 20 },
      });
      if (read?.fileSystem.__typename !== 'FileSystem' || read.fileSystem.backups.__typename !== 'BackupConnection')
        throw new Error('no list');
      return read.fileSystem.backups.edges.map((e) => e.node).find((b) => b.id === created.id);
    };
    expect(list.data.fileSystem.__typename).toBe('FileSystem');
    expect(listed()?.lifecycle).not.toBe('AVAILABLE');

    // The idempotent retry (same token) answers the same backup, finished: the listed entry follows.
    await new Promise((resolve) => setTimeout(resolve, 1800));
    const again = await client.mutate({
      mutation: CreateBackupDocument,
      variables: { input: { fileSystemId: DEMO.fileSystems.openzfs, clientRequestToken } },
    });
    expect(again.data?.createBackup.__typename === 'CreateBackupSuccess' && again.data.createBackup.backup.id).toBe(created.id);
    expect(listed()).toMatchObject({ id: created.id, lifecycle: 'AVAILABLE', progressPercent: 100 });
    expect(client.cache.identify({ __typename: 'Backup', id: created.id })).toBe(`Backup:${created.id}`);
  });

  test('node(id) returns a backup and a file system, into the same cache entries', async () => {
    const client = newClient();
    const { data } = await client.query({ query: BackupDocument, variables: { backupId: DEMO.backups.windowsUser } });
    if (data.backup.__typename !== 'Backup') throw new Error(`no backup: ${JSON.stringify(data)}`);
    const backup = data.backup;
    expect(backup.id).toMatch(/^arn:aws:fsx:[a-z0-9-]+:\d{12}:backup\/backup-0a1b2c3d4e5f60002$/);

    const byId = await client.query({ query: NodeDocument, variables: { id: backup.id } });
    expect(byId.data.node).toMatchObject({
      __typename: 'Backup',
      id: backup.id,
      backupId: DEMO.backups.windowsUser,
      lifecycle: 'AVAILABLE',
    });
    const fileSystemId = backup.fileSystem!.id;
    const fs = await client.query({ query: NodeDocument, variables: { id: fileSystemId } });
    expect(fs.data.node).toMatchObject({
      __typename: 'FileSystem',
      id: fileSystemId,
      fileSystemId: DEMO.fileSystems.windows,
      fileSystemType: 'WINDOWS',
    });
    const unknown = await client.query({
      query: NodeDocument,
      variables: { id: backup.id.replace(/backup-[0-9a-f]+$/, 'backup-00000000deadbeef') },
    });
    expect(unknown.data.node).toBeNull();
    // One entry per resource: the Node answer and the backup() answer are the same cache object.
    expect(Object.keys(client.cache.extract()).filter((key) => key.startsWith('Backup:'))).toEqual([`Backup:${backup.id}`]);
  });

  test('backupChanged over the split link: events land in the normalized cache', async () => {
    const client = newClient();
    const created = await client.mutate({
      mutation: CreateBackupDocument,
      variables: { input: { fileSystemId: DEMO.fileSystems.windows } },
    });
    if (created.data?.createBackup.__typename !== 'CreateBackupSuccess') throw new Error(JSON.stringify(created.data));
    const { backupId, id } = created.data.createBackup.backup;
    const events: string[] = [];
    await new Promise<void>((resolve, reject) => {
      const subscription = client.subscribe({ query: BackupChangedDocument, variables: { backupIds: [backupId] } }).subscribe({
        next: ({ data }) => {
          const event = data?.backupChanged;
          if (event?.__typename !== 'BackupChanged') return reject(new Error(JSON.stringify(event)));
          events.push(`${event.backup.lifecycle}:${event.backup.progressPercent}`);
          if (event.final) {
            subscription.unsubscribe();
            resolve();
          }
        },
        error: reject,
        complete: resolve,
      });
    });
    expect(events.at(-1)).toBe('AVAILABLE:100');
    expect(client.cache.extract()[`Backup:${id}`]).toMatchObject({ lifecycle: 'AVAILABLE', progressPercent: 100 });
  }, 20_000);
});
