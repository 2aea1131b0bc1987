import { type TestGateway, startTestGateway } from '../support/gateway';
import { createBackups, createOpenZfsFileSystems, fsxClientFor } from '../support/emulator';

/**
 * Upstream call counts are deterministic: counted at the emulator, per GraphQL operation. These are
 * the minimums the FSx API allows (DescribeBackups takes 50 BackupIds, a Filter 20 values).
 */
let t: TestGateway;
let fileSystems: string[];
let backups: string[];
beforeAll(async () => {
  t = await startTestGateway({ seed: false, backupQuota: 1_000_000 });
  const client = fsxClientFor(t.emulator);
  fileSystems = await createOpenZfsFileSystems(client, 20);
  backups = [];
  for (const fs of fileSystems) backups.push(...(await createBackups(client, fs, 6)));
  client.destroy();
});
afterAll(() => t.stop());
beforeEach(() => t.emulator.calls.clear());

const lookups = (ids: string[]) =>
  `{ ${ids.map((id, i) => `b${i}: backup(backupId: "${id}") { __typename ... on Backup { backupId } ... on BackupNotFound { backupId } }`).join('\n')} }`;

function describeBackupsInputs(): Array<{ BackupIds?: string[]; Filters?: unknown }> {
  return t.emulator.calls.filter((c) => c.operation === 'DescribeBackups').map((c) => c.input as { BackupIds?: string[] });
}

test('50 aliased backup(backupId) lookups: 1 DescribeBackups call', async () => {
  const res = await t.gql(lookups(backups.slice(0, 50)));
  expect(res.body.errors).toBeUndefined();
  expect(Object.values(res.body.data).map((b: any) => b.backupId)).toEqual(backups.slice(0, 50));
  expect(t.calls()).toBe(1);
});

test('120 backups by id: 3 calls, no id sent twice', async () => {
  const res = await t.gql(lookups(backups.slice(0, 120)));
  expect(Object.values(res.body.data).every((b: any) => b.__typename === 'Backup')).toBe(true);
  expect(t.calls()).toBe(3);
  const sent = describeBackupsInputs().flatMap((i) => i.BackupIds ?? []);
  expect(sent).toHaveLength(120);
  expect(new Set(sent).size).toBe(120);
});

test('the same id asked for several times in one operation is sent once', async () => {
  const res = await t.gql(lookups([backups[0], backups[1], backups[0], backups[0]]));
  expect(Object.values(res.body.data).map((b: any) => b.backupId)).toEqual([backups[0], backups[1], backups[0], backups[0]]);
  expect(describeBackupsInputs()).toEqual([expect.objectContaining({ BackupIds: [backups[0], backups[1]] })]);
});

test('one unknown id among 50 does not fail the other 49: one retry without it', async () => {
  const ids = [...backups.slice(0, 25), 'backup-0000000000000dead', ...backups.slice(25, 49)];
  const res = await t.gql(lookups(ids));
  const results: any[] = Object.values(res.body.data);
  expect(results.filter((b) => b.__typename === 'Backup')).toHaveLength(49);
  expect(results[25]).toEqual({ __typename: 'BackupNotFound', backupId: 'backup-0000000000000dead' });
  expect(t.calls('DescribeBackups')).toBe(2);
});

test('100 listed backups with their nested fileSystem: 1 call (the snapshot travels with the backup)', async () => {
  const res = await t.gql(
    `{ backups(first: 100) { ... on BackupConnection { edges { node { backupId fileSystem { fileSystemId fileSystemType } } } } } }`,
  );
  expect(res.body.data.backups.edges).toHaveLength(100);
  expect(t.calls()).toBe(1);
});

test('20 file systems with backups(first: 5) each: one filtered DescribeBackups per page of data, not per file system', async () => {
  const res = await t.gql(`{ fileSystems(first: 20) { ... on FileSystemConnection { edges { node { fileSystemId
      backups(first: 5) { __typename ... on BackupConnection { edges { node { backupId } } pageInfo { hasNextPage } } } } } } } }`);
  expect(res.body.errors).toBeUndefined();
  const nodes = res.body.data.fileSystems.edges.map((e: any) => e.node);
  expect(nodes).toHaveLength(20);
  for (const node of nodes) {
    expect(node.backups.edges).toHaveLength(5);
    expect(node.backups.pageInfo.hasNextPage).toBe(true);
  }
  expect(t.calls('DescribeFileSystems')).toBe(1);
  // 120 backups, 100 per page: two pages of data, whatever the number of file systems.
  expect(t.calls('DescribeBackups')).toBe(2);
  for (const input of describeBackupsInputs()) {
    expect(input.Filters).toEqual([{ Name: 'file-system-id', Values: fileSystems }]);
  }
});

test('fileSystem lookups are batched and deduplicated too', async () => {
  const q = `{ ${[...fileSystems, fileSystems[0]].map((id, i) => `f${i}: fileSystem(fileSystemId: "${id}") { ... on FileSystem { fileSystemId } }`).join(' ')} }`;
  const res = await t.gql(q);
  expect(Object.keys(res.body.data)).toHaveLength(21);
  expect(t.calls()).toBe(1);
  expect((t.emulator.calls[0].input as { FileSystemIds: string[] }).FileSystemIds).toHaveLength(20);
});

test('loaders live for one request: a second identical request calls FSx again', async () => {
  await t.gql(lookups([backups[0]]));
  await t.gql(lookups([backups[0]]));
  expect(t.calls()).toBe(2);
});
