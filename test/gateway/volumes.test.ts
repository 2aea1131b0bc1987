import { createHash } from 'node:crypto';
import { CreateFileSystemCommand, DescribeStorageVirtualMachinesCommand } from '@aws-sdk/client-fsx';
import { DEMO } from '../../src/emulator';
import { createOpenZfsFileSystems, fsxClientFor } from '../support/emulator';
import { anonymized } from '../support/anonymized';
import { type TestGateway, startTestGateway } from '../support/gateway';

/**
 * Volumes through the graph, against the real HTTP server, SDK and emulator: Query.volume,
 * FileSystem.volumes (batched), Backup.volume, BackupFilter.volumeIds, createBackup(volumeId) and
 * restoreVolume (CreateVolumeFromBackup), with the visibility rules of principals limited to some file
 * systems (a hidden volume, backup or storage virtual machine answers exactly like a missing one).
 */

const VOLUME = /* GraphQL */ `
  query Volume($volumeId: String!, $region: String) {
    volume(volumeId: $volumeId, region: $region) {
      __typename
      ... on Volume {
        volumeId
        name
        fileSystemId
        volumeType
        lifecycle
        region
        resourceARN
        ontapConfiguration {
          storageVirtualMachineId
          junctionPath
        }
      }
      ... on ErrorResult {
        message
        retryable
        requestId
      }
      ... on VolumeNotFound {
        volumeId
      }
      ... on InvalidInput {
        fieldErrors {
          path
          constraint
        }
      }
    }
  }
`;

const RESTORE_VOLUME = /* GraphQL */ `
  mutation Restore($input: RestoreVolumeInput!) {
    restoreVolume(input: $input) {
      __typename
      ... on RestoreVolumeSuccess {
        clientRequestToken
        volume {
          volumeId
          name
          fileSystemId
          lifecycle
          volumeType
          region
          tags {
            key
            value
          }
          ontapConfiguration {
            storageVirtualMachineId
            junctionPath
            securityStyle
          }
        }
      }
      ... on ErrorResult {
        message
        retryable
        requestId
      }
      ... on BackupNotFound {
        backupId
      }
      ... on StorageVirtualMachineNotFound {
        storageVirtualMachineId
      }
      ... on IncompatibleParameterError {
        parameter
      }
      ... on FsxServiceError {
        code
      }
      ... on Forbidden {
        missingScopes
      }
      ... on InvalidInput {
        fieldErrors {
          path
          constraint
        }
      }
    }
  }
`;

const VOLUME_BACKUP = /* GraphQL */ `
  mutation Create($input: CreateBackupInput!) {
    createBackup(input: $input) {
      __typename
      ... on CreateBackupSuccess {
        backup {
          backupId
          resourceType
          type
          lifecycle
          fileSystem {
            fileSystemId
            fileSystemType
          }
          volume {
            volumeId
            name
            region
          }
        }
      }
      ... on ErrorResult {
        message
        retryable
        requestId
      }
      ... on VolumeNotFound {
        volumeId
      }
      ... on BackupInProgress {
        fileSystemId
        volumeId
      }
      ... on InvalidInput {
        fieldErrors {
          path
          constraint
          message
        }
      }
    }
  }
`;

const SVM = DEMO.storageVirtualMachines.ontap;
const restoreInput = (extra: Record<string, unknown> = {}) => ({
  backupId: DEMO.backups.ontapVolume,
  name: 'vol1_restored',
  ontapConfiguration: { storageVirtualMachineId: SVM, junctionPath: '/vol1_restored' },
  ...extra,
});

describe('volumes (demo estate, full access)', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway();
  });
  afterAll(() => t.stop());
  beforeEach(() => {
    t.emulator.reset();
    t.emulator.calls.clear();
  });

  test('volume(volumeId): the ONTAP volume with its region, one DescribeVolumes call', async () => {
    const res = await t.gql(VOLUME, { volumeId: DEMO.volumes.ontap });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.volume).toMatchObject({
      __typename: 'Volume',
      volumeId: DEMO.volumes.ontap,
      name: 'vol1',
      fileSystemId: DEMO.fileSystems.ontap,
      volumeType: 'ONTAP',
      region: t.emulator.region,
      ontapConfiguration: { storageVirtualMachineId: SVM, junctionPath: '/vol1' },
    });
    expect(res.body.data.volume.resourceARN).toContain(`:volume/${DEMO.fileSystems.ontap}/${DEMO.volumes.ontap}`);
    expect(t.calls()).toBe(1);
    expect(t.calls('DescribeVolumes')).toBe(1);
  });

  test('an unknown volume is VolumeNotFound; a malformed id is InvalidInput and FSx is not called', async () => {
    const unknown = 'fsvol-0000000000000dead';
    expect((await t.gql(VOLUME, { volumeId: unknown })).body.data.volume).toEqual({
      __typename: 'VolumeNotFound',
      message: `Volume ${unknown} does not exist in us-east-1`,
      retryable: false,
      requestId: expect.any(String),
      volumeId: unknown,
    });
    t.emulator.calls.clear();
    const bad = await t.gql(VOLUME, { volumeId: 'vol-1' });
    expect(bad.body.data.volume).toMatchObject({
      __typename: 'InvalidInput',
      fieldErrors: expect.arrayContaining([{ path: ['volumeId'], constraint: 'matches' }]),
    });
    expect(t.calls()).toBe(0);
  });

  test('aliased volume lookups: one DescribeVolumes; one unknown id among them fails nothing else', async () => {
    const ids = [DEMO.volumes.ontap, DEMO.volumes.ontapSecond, DEMO.volumes.openzfsRoot, 'fsvol-0000000000000dead', DEMO.volumes.ontap];
    const q = `{ ${ids.map((id, i) => `v${i}: volume(volumeId: "${id}") { __typename ... on Volume { volumeId } ... on VolumeNotFound { volumeId } }`).join(' ')} }`;
    const res = await t.gql(q);
    expect(Object.values(res.body.data).map((v: any) => v.__typename)).toEqual(['Volume', 'Volume', 'Volume', 'VolumeNotFound', 'Volume']);
    // FSx fails the whole call on the unknown id; the loader retries without it.
    expect(t.calls('DescribeVolumes')).toBe(2);
  });

  test('FileSystem.volumes: ONTAP volumes, the OpenZFS root and child, none for Windows', async () => {
    const q = `query($id: String!) { fileSystem(fileSystemId: $id) { ... on FileSystem { volumes(first: 10) {
      __typename ... on VolumeConnection { edges { node { volumeId name region } } pageInfo { hasNextPage } } } } } }`;
    const ids = async (fileSystemId: string) =>
      (await t.gql(q, { id: fileSystemId })).body.data.fileSystem.volumes.edges.map((e: any) => e.node.volumeId);
    expect(await ids(DEMO.fileSystems.ontap)).toEqual([DEMO.volumes.ontap, DEMO.volumes.ontapSecond]);
    expect(new Set(await ids(DEMO.fileSystems.openzfs))).toEqual(new Set([DEMO.volumes.openzfsRoot, DEMO.volumes.openzfsChild]));
    expect(await ids(DEMO.fileSystems.windows)).toEqual([]);
  });

  test('FileSystem.volumes pages with cursors bound to their file system', async () => {
    const q = `query($id: String!, $after: String) { fileSystem(fileSystemId: $id) { ... on FileSystem { volumes(first: 1, after: $after) {
      __typename ... on VolumeConnection { edges { node { volumeId } } pageInfo { hasNextPage endCursor } }
      ... on InvalidInput { fieldErrors { path constraint } } } } } }`;
    const first = (await t.gql(q, { id: DEMO.fileSystems.ontap })).body.data.fileSystem.volumes;
    expect(first.edges.map((e: any) => e.node.volumeId)).toEqual([DEMO.volumes.ontap]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await t.gql(q, { id: DEMO.fileSystems.ontap, after: first.pageInfo.endCursor })).body.data.fileSystem.volumes;
    expect(second.edges.map((e: any) => e.node.volumeId)).toEqual([DEMO.volumes.ontapSecond]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const elsewhere = (await t.gql(q, { id: DEMO.fileSystems.openzfs, after: first.pageInfo.endCursor })).body.data.fileSystem.volumes;
    expect(elsewhere).toEqual({ __typename: 'InvalidInput', fieldErrors: [{ path: ['after'], constraint: 'cursor' }] });
  });

  test('Backup.volume is the snapshot kept with a volume backup; BackupFilter.volumeIds finds volume backups', async () => {
    const res = await t.gql(
      `query($v: [String!]) { backups(first: 50, filter: { volumeIds: $v }) { ... on BackupConnection { edges { node {
        backupId resourceType volume { volumeId name region fileSystemId } fileSystem { fileSystemId } } } } } }`,
      { v: [DEMO.volumes.ontap] },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.backups.edges.map((e: any) => e.node)).toEqual([
      {
        backupId: DEMO.backups.ontapVolume,
        resourceType: 'VOLUME',
        volume: { volumeId: DEMO.volumes.ontap, name: 'vol1', region: t.emulator.region, fileSystemId: DEMO.fileSystems.ontap },
        fileSystem: { fileSystemId: DEMO.fileSystems.ontap },
      },
    ]);
    const none = await t.gql(
      `{ backups(first: 5, filter: { volumeIds: ["${DEMO.volumes.ontapSecond}"] }) { ... on BackupConnection { edges { node { backupId } } } } }`,
    );
    expect(none.body.data.backups.edges).toEqual([]);
    const fsBackup = await t.gql(`{ backup(backupId: "${DEMO.backups.windowsUser}") { ... on Backup { volume { volumeId } } } }`);
    expect(fsBackup.body.data.backup).toEqual({ volume: null });
  });

  test('createBackup(volumeId): an ONTAP volume backup, ResourceType VOLUME, with the volume and file system snapshots', async () => {
    const res = await t.gql(VOLUME_BACKUP, { input: { volumeId: DEMO.volumes.ontapSecond, clientRequestToken: 'vol2-once' } });
    expect(res.body.errors).toBeUndefined();
    const { backup } = res.body.data.createBackup;
    expect(backup).toMatchObject({
      resourceType: 'VOLUME',
      type: 'USER_INITIATED',
      fileSystem: { fileSystemId: DEMO.fileSystems.ontap, fileSystemType: 'ONTAP' },
      volume: { volumeId: DEMO.volumes.ontapSecond, name: 'vol2', region: t.emulator.region },
    });
    expect(t.emulator.calls.filter((c) => c.operation === 'CreateBackup').map((c) => c.input)).toEqual([
      expect.objectContaining({ VolumeId: DEMO.volumes.ontapSecond, ClientRequestToken: 'vol2-once' }),
    ]);
    expect(t.calls('CreateBackup')).toBe(1);
    expect(t.calls()).toBe(1);
    // Idempotent per token: the same backup again.
    const again = await t.gql(VOLUME_BACKUP, { input: { volumeId: DEMO.volumes.ontapSecond, clientRequestToken: 'vol2-once' } });
    expect(again.body.data.createBackup.backup.backupId).toBe(backup.backupId);
  });

  test.each([
    ['both', { fileSystemId: DEMO.fileSystems.windows, volumeId: DEMO.volumes.ontap }, 'not both'],
    ['neither', {}, 'none was'],
  ])('createBackup with %s of fileSystemId and volumeId: InvalidInput naming both, FSx not called', async (_name, input, why) => {
    const res = await t.gql(VOLUME_BACKUP, { input });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.createBackup).toMatchObject({ __typename: 'InvalidInput', retryable: false, requestId: null });
    expect(res.body.data.createBackup.fieldErrors).toEqual([
      { path: ['input', 'fileSystemId'], constraint: 'exactlyOneOf', message: expect.stringContaining(why) },
      { path: ['input', 'volumeId'], constraint: 'exactlyOneOf', message: expect.stringContaining(why) },
    ]);
    expect(t.calls()).toBe(0);
  });

  test('createBackup: a malformed volumeId is refused by the model constraint', async () => {
    const res = await t.gql(VOLUME_BACKUP, { input: { volumeId: 'fsvol-XYZ' } });
    expect(res.body.data.createBackup.fieldErrors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: ['input', 'volumeId'], constraint: 'matches' })]),
    );
    expect(t.calls()).toBe(0);
  });

  test('createBackup: an unknown volume is VolumeNotFound; an OpenZFS volume is UnsupportedOperation', async () => {
    const unknown = 'fsvol-0000000000000dead';
    expect((await t.gql(VOLUME_BACKUP, { input: { volumeId: unknown } })).body.data.createBackup).toEqual({
      __typename: 'VolumeNotFound',
      message: `Volume ${unknown} does not exist in us-east-1`,
      retryable: false,
      requestId: expect.any(String),
      volumeId: unknown,
    });
    expect((await t.gql(VOLUME_BACKUP, { input: { volumeId: DEMO.volumes.openzfsChild } })).body.data.createBackup).toMatchObject({
      __typename: 'UnsupportedOperation',
      retryable: false,
      requestId: expect.any(String),
    });
  });

  test('restoreVolume: a new ONTAP volume in the SVM, idempotent per token, IncompatibleParameterError on a changed request', async () => {
    const input = restoreInput({ clientRequestToken: 'restore-vol1', tags: [{ key: 'Name', value: 'restored' }] });
    const res = await t.gql(RESTORE_VOLUME, { input });
    expect(res.body.errors).toBeUndefined();
    const { volume, clientRequestToken } = res.body.data.restoreVolume;
    expect(clientRequestToken).toBe('restore-vol1');
    expect(volume).toMatchObject({
      name: 'vol1_restored',
      fileSystemId: DEMO.fileSystems.ontap,
      volumeType: 'ONTAP',
      region: t.emulator.region,
      tags: [{ key: 'Name', value: 'restored' }],
      ontapConfiguration: { storageVirtualMachineId: SVM, junctionPath: '/vol1_restored' },
    });
    expect(volume.volumeId).toMatch(/^fsvol-[0-9a-f]{17}$/);
    expect(t.calls('CreateVolumeFromBackup')).toBe(1);
    expect(t.calls()).toBe(1);

    const again = await t.gql(RESTORE_VOLUME, { input });
    expect(again.body.data.restoreVolume.volume.volumeId).toBe(volume.volumeId);
    const changed = await t.gql(RESTORE_VOLUME, { input: { ...input, name: 'another' } });
    expect(changed.body.data.restoreVolume).toMatchObject({ __typename: 'IncompatibleParameterError', parameter: expect.any(String) });

    // The restored volume is there: among its file system's volumes, and backed up like any ONTAP volume.
    const listed = await t.gql(
      `{ fileSystem(fileSystemId: "${DEMO.fileSystems.ontap}") { ... on FileSystem { volumes { ... on VolumeConnection { edges { node { volumeId } } } } } } }`,
    );
    expect(listed.body.data.fileSystem.volumes.edges.map((e: any) => e.node.volumeId)).toContain(volume.volumeId);
    const backedUp = await t.gql(VOLUME_BACKUP, { input: { volumeId: volume.volumeId } });
    expect(backedUp.body.data.createBackup.backup.volume.volumeId).toBe(volume.volumeId);
  });

  test('an ONTAP volume backed up through the graph, then restored from that backup to a new volume in the SVM', async () => {
    const created = (await t.gql(VOLUME_BACKUP, { input: { volumeId: DEMO.volumes.ontap, tags: [{ key: 'Name', value: 'vol1-now' }] } }))
      .body.data.createBackup;
    expect(created.__typename).toBe('CreateBackupSuccess');
    const { backupId } = created.backup;
    const status = await t.gql(`{ backup(backupId: "${backupId}") { ... on Backup { lifecycle resourceType volume { volumeId } } } }`);
    expect(status.body.data.backup).toEqual({ lifecycle: 'AVAILABLE', resourceType: 'VOLUME', volume: { volumeId: DEMO.volumes.ontap } });
    t.emulator.calls.clear();
    const input = restoreInput({
      backupId,
      name: 'vol1_from_graph',
      ontapConfiguration: { storageVirtualMachineId: SVM, junctionPath: '/vol1_from_graph' },
    });
    const restored = (await t.gql(RESTORE_VOLUME, { input })).body.data.restoreVolume;
    expect(restored).toMatchObject({
      __typename: 'RestoreVolumeSuccess',
      volume: {
        name: 'vol1_from_graph',
        fileSystemId: DEMO.fileSystems.ontap,
        volumeType: 'ONTAP',
        ontapConfiguration: { storageVirtualMachineId: SVM, junctionPath: '/vol1_from_graph' },
      },
    });
    expect(restored.volume.volumeId).not.toBe(DEMO.volumes.ontap);
    expect(t.emulator.calls.filter((c) => c.operation === 'CreateVolumeFromBackup').map((c) => c.input)).toEqual([
      expect.objectContaining({ BackupId: backupId, Name: 'vol1_from_graph' }),
    ]);
    expect(t.calls()).toBe(1);
    // The new volume is there through the graph, CREATING until CREATED on the emulator's clock (duration 0: at once).
    const found = (await t.gql(VOLUME, { volumeId: restored.volume.volumeId })).body.data.volume;
    expect(found).toMatchObject({
      __typename: 'Volume',
      name: 'vol1_from_graph',
      fileSystemId: DEMO.fileSystems.ontap,
      lifecycle: 'CREATED',
    });
  });

  test('restoreVolume: the model error list as typed results', async () => {
    const restore = async (input: Record<string, unknown>) => (await t.gql(RESTORE_VOLUME, { input })).body.data.restoreVolume;
    expect(await restore(restoreInput({ ontapConfiguration: undefined }))).toMatchObject({
      __typename: 'MissingVolumeConfiguration',
      retryable: false,
      requestId: expect.any(String),
    });
    const svm = 'svm-0000000000000dead';
    expect(await restore(restoreInput({ ontapConfiguration: { storageVirtualMachineId: svm } }))).toMatchObject({
      __typename: 'StorageVirtualMachineNotFound',
      storageVirtualMachineId: svm,
      requestId: expect.any(String),
    });
    expect(await restore(restoreInput({ backupId: 'backup-00000000000000dead' }))).toMatchObject({
      __typename: 'BackupNotFound',
      backupId: 'backup-00000000000000dead',
      requestId: expect.any(String),
    });
    // A file system backup is restored with restoreBackup, not as a volume.
    expect(await restore(restoreInput({ backupId: DEMO.backups.windowsUser }))).toMatchObject({ __typename: 'BadRequest' });
  });

  test('restoreVolume: the model constraints, checked before FSx is called', async () => {
    const res = await t.gql(RESTORE_VOLUME, {
      input: restoreInput({
        name: 'x'.repeat(204),
        ontapConfiguration: { storageVirtualMachineId: 'svm-1', tieringPolicy: { coolingPeriod: 1 }, snapshotPolicy: '' },
        clientRequestToken: 'bad token',
      }),
    });
    expect(res.body.data.restoreVolume.__typename).toBe('InvalidInput');
    expect(res.body.data.restoreVolume.fieldErrors).toEqual(
      expect.arrayContaining([
        { path: ['input', 'name'], constraint: 'isLength' },
        { path: ['input', 'ontapConfiguration', 'storageVirtualMachineId'], constraint: 'matches' },
        { path: ['input', 'ontapConfiguration', 'tieringPolicy', 'coolingPeriod'], constraint: 'min' },
        { path: ['input', 'ontapConfiguration', 'snapshotPolicy'], constraint: 'isLength' },
        { path: ['input', 'clientRequestToken'], constraint: 'matches' },
      ]),
    );
    expect(t.calls()).toBe(0);
  });
});

describe('a volume backup already under way', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ backupDurationMs: 600_000 });
  });
  afterAll(() => t.stop());

  test('BackupInProgress names the volume', async () => {
    const first = await t.gql(VOLUME_BACKUP, { input: { volumeId: DEMO.volumes.ontap } });
    expect(first.body.data.createBackup.backup.lifecycle).toBe('CREATING');
    const second = await t.gql(VOLUME_BACKUP, { input: { volumeId: DEMO.volumes.ontap } });
    expect(second.body.data.createBackup).toMatchObject({
      __typename: 'BackupInProgress',
      retryable: true,
      volumeId: DEMO.volumes.ontap,
    });
  });
});

describe('FileSystem.volumes is batched', () => {
  let t: TestGateway;
  let fileSystems: string[];
  beforeAll(async () => {
    t = await startTestGateway({ seed: false });
    const client = fsxClientFor(t.emulator);
    // Each OpenZFS file system comes with its root volume.
    fileSystems = await createOpenZfsFileSystems(client, 25);
    client.destroy();
  });
  afterAll(() => t.stop());
  beforeEach(() => t.emulator.calls.clear());

  test('25 file systems with volumes(first: 5): 1 DescribeFileSystems and 2 DescribeVolumes (20 + 5 ids per filter)', async () => {
    const res = await t.gql(`{ fileSystems(first: 25) { ... on FileSystemConnection { edges { node { fileSystemId
      volumes(first: 5) { __typename ... on VolumeConnection { edges { node { volumeId fileSystemId name } } pageInfo { hasNextPage } } } } } } } }`);
    expect(res.body.errors).toBeUndefined();
    const nodes = res.body.data.fileSystems.edges.map((e: any) => e.node);
    expect(nodes).toHaveLength(25);
    for (const node of nodes) {
      expect(node.volumes.edges.map((e: any) => e.node)).toEqual([
        { volumeId: expect.any(String), fileSystemId: node.fileSystemId, name: 'fsx' },
      ]);
      expect(node.volumes.pageInfo.hasNextPage).toBe(false);
    }
    expect(t.calls('DescribeFileSystems')).toBe(1);
    expect(t.calls('DescribeVolumes')).toBe(2);
    expect(t.calls()).toBe(3);
    const filters = t.emulator.calls.filter((c) => c.operation === 'DescribeVolumes').map((c) => (c.input as any).Filters);
    expect(filters.map((f: any) => f[0].Values.length).sort()).toEqual([20, 5]);
    expect(new Set(filters.flatMap((f: any) => f[0].Values))).toEqual(new Set(fileSystems));
  });

  test('20 file systems with volumes(first: 5): exactly one DescribeVolumes (one filter of 20 ids), never one per file system', async () => {
    const res = await t.gql(`{ fileSystems(first: 20) { ... on FileSystemConnection { edges { node { fileSystemId
      volumes(first: 5) { ... on VolumeConnection { edges { node { fileSystemId } } } } } } } } }`);
    expect(res.body.errors).toBeUndefined();
    const nodes = res.body.data.fileSystems.edges.map((e: any) => e.node);
    expect(nodes).toHaveLength(20);
    for (const node of nodes) expect(node.volumes.edges).toEqual([{ node: { fileSystemId: node.fileSystemId } }]);
    expect(t.calls('DescribeVolumes')).toBe(1);
    expect(t.calls()).toBe(2);
  });

  test('the volumes a listing returned answer volume(volumeId) lookups in the same operation without a call', async () => {
    const listed = await t.gql(
      `{ fileSystem(fileSystemId: "${fileSystems[0]}") { ... on FileSystem { volumes { ... on VolumeConnection { edges { node { volumeId } } } } } } }`,
    );
    const volumeId = listed.body.data.fileSystem.volumes.edges[0].node.volumeId;
    t.emulator.calls.clear();
    const res = await t.gql(
      `{ a: volume(volumeId: "${volumeId}") { ... on Volume { volumeId } } b: volume(volumeId: "${volumeId}") { ... on Volume { volumeId } } }`,
    );
    expect(res.body.data).toEqual({ a: { volumeId }, b: { volumeId } });
    expect(t.calls('DescribeVolumes')).toBe(1);
  });
});

describe('volumes for principals limited to some file systems (API keys)', () => {
  const KEYS = {
    admin: { scopes: ['backups:read', 'backups:write', 'backups:restore'] },
    writer: { scopes: ['backups:read', 'backups:write'] },
    ontapTeam: { scopes: ['backups:read', 'backups:write', 'backups:restore'], fileSystemIds: [DEMO.fileSystems.ontap] },
    windowsTeam: { scopes: ['backups:read', 'backups:write', 'backups:restore'], fileSystemIds: [DEMO.fileSystems.windows] },
  } as const;
  type Who = keyof typeof KEYS;
  const keyOf = (who: Who) => `key-for-${who}-0123456789abcdef`;
  let t: TestGateway;
  let otherSvm: string;
  beforeAll(async () => {
    const records = Object.entries(KEYS).map(([id, k]) => ({
      id,
      sha256: createHash('sha256')
        .update(keyOf(id as Who))
        .digest('hex'),
      ...k,
    }));
    t = await startTestGateway({}, { AUTH_MODE: 'apikey', API_KEYS: JSON.stringify(records) });
    // A second ONTAP file system (with an SVM of its own) that ontapTeam may not see.
    const client = fsxClientFor(t.emulator);
    const out = await client.send(
      new CreateFileSystemCommand({
        FileSystemType: 'ONTAP',
        StorageCapacity: 1024,
        SubnetIds: ['subnet-0123456789abcdef0'],
        OntapConfiguration: { DeploymentType: 'SINGLE_AZ_1', ThroughputCapacity: 128 },
      }),
    );
    const { StorageVirtualMachines } = await client.send(
      new DescribeStorageVirtualMachinesCommand({ Filters: [{ Name: 'file-system-id', Values: [out.FileSystem!.FileSystemId!] }] }),
    );
    client.destroy();
    otherSvm = StorageVirtualMachines![0].StorageVirtualMachineId!;
  });
  afterAll(() => t.stop());
  beforeEach(() => t.emulator.calls.clear());

  async function as(who: Who, query: string, variables?: Record<string, unknown>) {
    const res = await t.gql(query, variables, { 'x-api-key': keyOf(who) });
    expect(res.status).toBeLessThan(500);
    expect(res.body.errors).toBeUndefined();
    return res.body.data;
  }
  const missingVolume = 'fsvol-0000000000000dead';

  test('volume(volumeId): a volume of a hidden file system answers exactly like a missing one', async () => {
    expect((await as('ontapTeam', VOLUME, { volumeId: DEMO.volumes.ontap })).volume.__typename).toBe('Volume');
    const hidden = (await as('windowsTeam', VOLUME, { volumeId: DEMO.volumes.ontap })).volume;
    const missing = (await as('windowsTeam', VOLUME, { volumeId: missingVolume })).volume;
    expect(hidden.__typename).toBe('VolumeNotFound');
    expect(anonymized(hidden, DEMO.volumes.ontap)).toEqual(anonymized(missing, missingVolume));
  });

  test('createBackup(volumeId) of a hidden volume: VolumeNotFound like a missing one, and no CreateBackup is sent', async () => {
    const hidden = (await as('windowsTeam', VOLUME_BACKUP, { input: { volumeId: DEMO.volumes.ontap } })).createBackup;
    const missing = (await as('windowsTeam', VOLUME_BACKUP, { input: { volumeId: missingVolume } })).createBackup;
    expect(hidden.__typename).toBe('VolumeNotFound');
    expect(anonymized(hidden, DEMO.volumes.ontap)).toEqual(anonymized(missing, missingVolume));
    expect(t.calls('CreateBackup')).toBe(0);
    const own = (await as('ontapTeam', VOLUME_BACKUP, { input: { volumeId: DEMO.volumes.ontap } })).createBackup;
    expect(own.__typename).toBe('CreateBackupSuccess');
  });

  test('a limited principal lists only its own file systems’ volumes, and its volume backups', async () => {
    const q = `query($id: String!) { fileSystem(fileSystemId: $id) { __typename ... on FileSystem { volumes { ... on VolumeConnection { edges { node { volumeId } } } } } } }`;
    expect((await as('windowsTeam', q, { id: DEMO.fileSystems.ontap })).fileSystem).toEqual({ __typename: 'FileSystemNotFound' });
    const backups = `{ backups(first: 50, filter: { volumeIds: ["${DEMO.volumes.ontap}"] }) { ... on BackupConnection { edges { node { backupId } } } } }`;
    expect((await as('windowsTeam', backups)).backups.edges).toEqual([]);
    expect((await as('ontapTeam', backups)).backups.edges.map((e: any) => e.node.backupId)).toContain(DEMO.backups.ontapVolume);
  });

  test('restoreVolume needs backups:restore', async () => {
    const data = await as('writer', RESTORE_VOLUME, { input: restoreInput() });
    expect(data.restoreVolume).toMatchObject({ __typename: 'Forbidden', missingScopes: ['backups:restore'] });
    expect(t.calls()).toBe(0);
  });

  test('restoreVolume: a hidden backup is BackupNotFound, a hidden SVM StorageVirtualMachineNotFound, like missing ones', async () => {
    const hiddenBackup = (await as('windowsTeam', RESTORE_VOLUME, { input: restoreInput() })).restoreVolume;
    const missingBackup = (await as('windowsTeam', RESTORE_VOLUME, { input: restoreInput({ backupId: 'backup-00000000000000dead' }) }))
      .restoreVolume;
    expect(hiddenBackup.__typename).toBe('BackupNotFound');
    expect(anonymized(hiddenBackup, DEMO.backups.ontapVolume)).toEqual(anonymized(missingBackup, 'backup-00000000000000dead'));

    const missingSvm = 'svm-0000000000000dead';
    const into = (svm: string) => restoreInput({ name: 'elsewhere', ontapConfiguration: { storageVirtualMachineId: svm } });
    const hiddenSvm = (await as('ontapTeam', RESTORE_VOLUME, { input: into(otherSvm) })).restoreVolume;
    const absentSvm = (await as('ontapTeam', RESTORE_VOLUME, { input: into(missingSvm) })).restoreVolume;
    expect(hiddenSvm.__typename).toBe('StorageVirtualMachineNotFound');
    expect(anonymized(hiddenSvm, otherSvm)).toEqual(anonymized(absentSvm, missingSvm));
    expect(t.calls('CreateVolumeFromBackup')).toBe(0);

    const own = (await as('ontapTeam', RESTORE_VOLUME, { input: restoreInput({ name: 'mine' }) })).restoreVolume;
    expect(own).toMatchObject({ __typename: 'RestoreVolumeSuccess', volume: { fileSystemId: DEMO.fileSystems.ontap, name: 'mine' } });
  });
});
