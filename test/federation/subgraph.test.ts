import { DEMO } from '../../src/emulator';
import { type TestGateway, startTestGateway } from '../support/gateway';
import { createBackups, createOpenZfsFileSystems, fsxClientFor } from '../support/emulator';

/** The direct-subgraph checks of Apollo's subgraph compatibility suite that apply to us. */
let t: TestGateway;
let backups: string[];
beforeAll(async () => {
  t = await startTestGateway({ backupQuota: 1_000_000 });
  const client = fsxClientFor(t.emulator);
  const [fs] = await createOpenZfsFileSystems(client, 1);
  backups = await createBackups(client, fs, 50);
  client.destroy();
});
afterAll(() => t.stop());
beforeEach(() => t.emulator.calls.clear());

const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) {
  __typename ... on Backup { backupId lifecycle fileSystem { fileSystemId } } ... on FileSystem { fileSystemId fileSystemType } } }`;

test('_service { sdl } carries the Federation 2 @link and the @key of each entity', async () => {
  const res = await t.gql('{ _service { sdl } }');
  const sdl: string = res.body.data._service.sdl;
  expect(sdl).toMatch(/extend schema\s+@link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.\d+", import: \[[^\]]*"@key"/);
  expect(sdl).toMatch(/type Backup implements Node\s+@key\(fields: "backupId"\)/);
  expect(sdl).toMatch(/type FileSystem implements Node\s+@key\(fields: "fileSystemId"\)/);
  expect(sdl).toMatch(/type Volume implements Node\s+@key\(fields: "volumeId"\)/);
  expect(sdl).toMatch(/type PageInfo\s+@shareable/);
});

test('_entities: Backup and FileSystem, found and unknown keys mixed; unknown ones are null, alone', async () => {
  const res = await t.gql(ENTITIES, {
    representations: [
      { __typename: 'Backup', backupId: DEMO.backups.windowsUser },
      { __typename: 'FileSystem', fileSystemId: DEMO.fileSystems.openzfs },
      { __typename: 'Backup', backupId: 'backup-00000000000000bad' },
      { __typename: 'FileSystem', fileSystemId: 'fs-00000000000000bad' },
      { __typename: 'Backup', backupId: 'not-a-backup-id' },
    ],
  });
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data._entities).toEqual([
    {
      __typename: 'Backup',
      backupId: DEMO.backups.windowsUser,
      lifecycle: 'AVAILABLE',
      fileSystem: { fileSystemId: DEMO.fileSystems.windows },
    },
    { __typename: 'FileSystem', fileSystemId: DEMO.fileSystems.openzfs, fileSystemType: 'OPENZFS' },
    null,
    null,
    null,
  ]);
  // The malformed key never reaches FSx; each entity type is one batch in the default region (plus one
  // retry without the unknown id there), then one call in the other region for the id still unknown.
  expect(t.calls('DescribeBackups')).toBe(3);
  expect(t.calls('DescribeFileSystems')).toBe(3);
  const west = t.emulator.calls.filter((c) => c.region === 'us-west-2').map((c) => c.input);
  expect(west).toHaveLength(2);
  expect(west).toEqual(
    expect.arrayContaining([
      { BackupIds: ['backup-00000000000000bad'], MaxResults: 1 },
      { FileSystemIds: ['fs-00000000000000bad'], MaxResults: 1 },
    ]),
  );
});

test('_entities: Volume by volumeId, through the same loader as volume(volumeId): one DescribeVolumes for the known ones', async () => {
  const res = await t.gql(
    `query($representations: [_Any!]!) { _entities(representations: $representations) {
      __typename ... on Volume { volumeId name fileSystemId } } }`,
    {
      representations: [
        { __typename: 'Volume', volumeId: DEMO.volumes.ontap },
        { __typename: 'Volume', volumeId: DEMO.volumes.openzfsChild },
        { __typename: 'Volume', volumeId: 'not-a-volume-id' },
      ],
    },
  );
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data._entities).toEqual([
    { __typename: 'Volume', volumeId: DEMO.volumes.ontap, name: 'vol1', fileSystemId: DEMO.fileSystems.ontap },
    { __typename: 'Volume', volumeId: DEMO.volumes.openzfsChild, name: expect.any(String), fileSystemId: DEMO.fileSystems.openzfs },
    null,
  ]);
  expect(t.calls('DescribeVolumes')).toBe(1);
  expect(t.calls()).toBe(1);
});

test('50 Backup representations in one _entities call: one DescribeBackups', async () => {
  const res = await t.gql(ENTITIES, { representations: backups.map((backupId) => ({ __typename: 'Backup', backupId })) });
  expect(res.body.data._entities.map((e: { backupId: string }) => e.backupId)).toEqual(backups);
  expect(t.calls()).toBe(1);
});

test('inline traces (ftv1) when the router asks for them, and only then', async () => {
  const ask = async (headers: Record<string, string>) =>
    (await t.gql(`{ backup(backupId: "${DEMO.backups.windowsUser}") { __typename } }`, undefined, headers)).body;
  const traced = await ask({ 'apollo-federation-include-trace': 'ftv1' });
  expect(typeof traced.extensions?.ftv1).toBe('string');
  expect(Buffer.from(traced.extensions!.ftv1, 'base64').length).toBeGreaterThan(10);
  const plain = await ask({});
  expect(plain.extensions?.ftv1).toBeUndefined();
});
