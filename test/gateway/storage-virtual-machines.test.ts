import { CreateFileSystemCommand, DescribeStorageVirtualMachinesCommand, type FSxClient } from '@aws-sdk/client-fsx';
import { DEMO, type RunningEmulator, startEmulator } from '../../src/emulator';
import type { RunningGateway } from '../../src/app';
import { testApiKeys } from '../support/api-keys';
import { createOntapFileSystem, fsxClientFor } from '../support/emulator';
import { type TestGateway, postGraphQL, startGatewayWithLog, startTestGateway } from '../support/gateway';

/**
 * FileSystem.storageVirtualMachines through the graph, against the real HTTP server, SDK and emulator:
 * DescribeStorageVirtualMachines (filter file-system-id, at most 20 values) for ONTAP file systems only,
 * batched across every file system of an operation. Upstream calls are counted at the emulator.
 */

const SVMS = 'storageVirtualMachines { storageVirtualMachineId name lifecycle fileSystemId resourceARN }';
/**
 * What the batching tests select: few fields, so many file systems fit the query cost (a file system's
 * SVM list counts as 50, the most one FSx answer holds).
 */
const FEW = 'storageVirtualMachines { name lifecycle fileSystemId }';

async function createOntapFileSystems(client: FSxClient, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(await createOntapFileSystem(client));
  }
  return ids;
}

/** The file-system-id values of each DescribeStorageVirtualMachines call the emulator received. */
const filterValuesOf = (emulator: RunningEmulator): string[][] =>
  emulator.calls
    .filter((c) => c.operation === 'DescribeStorageVirtualMachines')
    .map((c) => (c.input as { Filters: Array<{ Name: string; Values: string[] }> }).Filters)
    .map((filters) => {
      expect(filters).toEqual([{ Name: 'file-system-id', Values: expect.any(Array) }]);
      return filters[0].Values;
    });

describe('on the demo estate', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway();
  });
  afterAll(() => t.stop());
  beforeEach(() => t.emulator.calls.clear());

  const fileSystem = async (id: string) => {
    const res = await t.gql(`{ fileSystem(fileSystemId: "${id}") { ... on FileSystem { fileSystemType ${SVMS} } } }`);
    expect(res.body.errors).toBeUndefined();
    return res.body.data.fileSystem;
  };

  test('an ONTAP file system lists its SVM: the one its volumes live in', async () => {
    expect(await fileSystem(DEMO.fileSystems.ontap)).toEqual({
      fileSystemType: 'ONTAP',
      storageVirtualMachines: [
        {
          storageVirtualMachineId: DEMO.storageVirtualMachines.ontap,
          name: 'svm1',
          lifecycle: 'CREATED',
          fileSystemId: DEMO.fileSystems.ontap,
          resourceARN: `arn:aws:fsx:us-east-1:123456789012:storage-virtual-machine/${DEMO.fileSystems.ontap}/${DEMO.storageVirtualMachines.ontap}`,
        },
      ],
    });
    expect(t.calls('DescribeStorageVirtualMachines')).toBe(1);
    const volumes = await t.gql(
      `{ fileSystem(fileSystemId: "${DEMO.fileSystems.ontap}") { ... on FileSystem { volumes { ... on VolumeConnection { edges { node { ontapConfiguration { storageVirtualMachineId } } } } } } } }`,
    );
    const named = volumes.body.data.fileSystem.volumes.edges.map((e: any) => e.node.ontapConfiguration.storageVirtualMachineId);
    expect(new Set(named)).toEqual(new Set([DEMO.storageVirtualMachines.ontap]));
  });

  test('a Lustre (or any other non-ONTAP) file system: an empty list, and no DescribeStorageVirtualMachines', async () => {
    for (const id of [DEMO.fileSystems.lustrePersistent, DEMO.fileSystems.windows, DEMO.fileSystems.openzfs]) {
      expect((await fileSystem(id)).storageVirtualMachines).toEqual([]);
    }
    expect(t.calls('DescribeStorageVirtualMachines')).toBe(0);
  });

  test('the whole estate at once: one call, naming only the ONTAP file system', async () => {
    const res = await t.gql(`{ fileSystems(first: 10) { ... on FileSystemConnection { edges { node { fileSystemId ${SVMS} } } } } }`);
    expect(res.body.errors).toBeUndefined();
    const counts = Object.fromEntries(
      res.body.data.fileSystems.edges.map((e: any) => [e.node.fileSystemId, e.node.storageVirtualMachines.length]),
    );
    expect(counts).toEqual({ ...Object.fromEntries(Object.values(DEMO.fileSystems).map((id) => [id, 0])), [DEMO.fileSystems.ontap]: 1 });
    expect(filterValuesOf(t.emulator)).toEqual([[DEMO.fileSystems.ontap]]);
  });

  test("a backup's file system snapshot has the field too (an ONTAP volume backup's: its file system's SVMs)", async () => {
    const res = await t.gql(
      `{ backup(backupId: "${DEMO.backups.ontapVolume}") { ... on Backup { fileSystem { storageVirtualMachines { storageVirtualMachineId } } } } }`,
    );
    expect(res.body.data.backup.fileSystem.storageVirtualMachines).toEqual([
      { storageVirtualMachineId: DEMO.storageVirtualMachines.ontap },
    ]);
  });

  test('an FSx failure is a top-level FSX_ERROR naming what FSx said (the list is not a result union)', async () => {
    t.emulator.faults.set([{ operation: 'DescribeStorageVirtualMachines', error: 'InternalServerError', times: 1 }]);
    try {
      const res = await t.gql(`{ fileSystem(fileSystemId: "${DEMO.fileSystems.ontap}") { ... on FileSystem { ${SVMS} } } }`);
      expect(res.body.errors).toEqual([
        expect.objectContaining({
          path: ['fileSystem', 'storageVirtualMachines'],
          extensions: expect.objectContaining({ code: 'FSX_ERROR', fsxError: 'InternalServerError', retryable: true }),
        }),
      ]);
    } finally {
      t.emulator.faults.clear();
    }
  });
});

describe('batching: ⌈n/20⌉ calls for n ONTAP file systems', () => {
  let t: TestGateway;
  let ontap: string[];
  let lustre: string;
  beforeAll(async () => {
    t = await startTestGateway({ seed: false });
    const client = fsxClientFor(t.emulator);
    ontap = await createOntapFileSystems(client, 45);
    const { FileSystem } = await client.send(
      new CreateFileSystemCommand({
        FileSystemType: 'LUSTRE',
        StorageCapacity: 1200,
        SubnetIds: ['subnet-0123456789abcdef0'],
        LustreConfiguration: { DeploymentType: 'SCRATCH_2' },
      }),
    );
    lustre = FileSystem!.FileSystemId!;
    client.destroy();
  });
  afterAll(() => t.stop());
  beforeEach(() => t.emulator.calls.clear());

  const lookups = (ids: string[]) =>
    `{ ${ids.map((id, i) => `f${i}: fileSystem(fileSystemId: "${id}") { ... on FileSystem { fileSystemId ${FEW} } }`).join('\n')} }`;

  test.each([1, 20, 21, 40, 45])('%i ONTAP file systems (and a Lustre one): ⌈n/20⌉ DescribeStorageVirtualMachines', async (n) => {
    const ids = ontap.slice(0, n);
    const res = await t.gql(lookups([...ids, lustre]));
    expect(res.body.errors).toBeUndefined();
    const found: any[] = Object.values(res.body.data);
    for (const fs of found.slice(0, n)) {
      expect(fs.storageVirtualMachines).toEqual([
        expect.objectContaining({ name: 'svm1', lifecycle: 'CREATED', fileSystemId: fs.fileSystemId }),
      ]);
    }
    expect(found[n]).toEqual({ fileSystemId: lustre, storageVirtualMachines: [] });
    expect(t.calls('DescribeStorageVirtualMachines')).toBe(Math.ceil(n / 20));
    // Each ONTAP file system asked about exactly once, at most 20 to a call; the Lustre one never.
    const sent = filterValuesOf(t.emulator);
    for (const values of sent) expect(values.length).toBeLessThanOrEqual(20);
    expect(sent.flat().sort()).toEqual([...ids].sort());
  });

  test('a listing of every file system: one DescribeFileSystems, and still ⌈n/20⌉ for the SVMs', async () => {
    const res = await t.gql(`{ fileSystems(first: 50) { ... on FileSystemConnection { edges { node { fileSystemId ${FEW} } } } } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.fileSystems.edges).toHaveLength(46);
    expect(t.calls('DescribeFileSystems')).toBe(1);
    expect(t.calls('DescribeStorageVirtualMachines')).toBe(Math.ceil(45 / 20));
  });
});

describe('a caller limited to some file systems', () => {
  let emulator: RunningEmulator;
  let gateway: RunningGateway;
  let own: string;
  let other: string;
  const svmOf: Record<string, string> = {};
  let keyOf: (who: 'team') => string;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, backupDurationMs: 0, fileSystemDurationMs: 0 });
    const client = fsxClientFor(emulator);
    [own, other] = await createOntapFileSystems(client, 2);
    for (const id of [own, other]) {
      const { StorageVirtualMachines } = await client.send(
        new DescribeStorageVirtualMachinesCommand({ Filters: [{ Name: 'file-system-id', Values: [id] }] }),
      );
      svmOf[id] = StorageVirtualMachines![0].StorageVirtualMachineId!;
    }
    client.destroy();
    // Limited to the demo ONTAP file system (whose volume backup it restores) and `own`, which exists only now.
    const keys = testApiKeys({
      team: { scopes: ['backups:read', 'backups:write', 'backups:restore'], fileSystemIds: [DEMO.fileSystems.ontap, own] },
    });
    keyOf = keys.keyOf;
    ({ gateway } = await startGatewayWithLog(emulator, keys.env));
  });
  afterAll(async () => {
    await gateway.stop();
    await emulator.stop();
  });
  beforeEach(() => emulator.calls.clear());

  const as = (query: string, variables?: Record<string, unknown>) =>
    postGraphQL(gateway.url, query, variables, { 'x-api-key': keyOf('team') });
  const restoreInto = (storageVirtualMachineId: string, name: string) =>
    as(
      `mutation($input: RestoreVolumeInput!) { restoreVolume(input: $input) { __typename
        ... on RestoreVolumeSuccess { volume { fileSystemId name ontapConfiguration { storageVirtualMachineId } } }
        ... on StorageVirtualMachineNotFound { storageVirtualMachineId } } }`,
      { input: { backupId: DEMO.backups.ontapVolume, name, ontapConfiguration: { storageVirtualMachineId } } },
    );

  test('sees the SVMs of its own file systems only', async () => {
    const res = await as(
      `{ own: fileSystem(fileSystemId: "${own}") { __typename ... on FileSystem { ${SVMS} } }
         other: fileSystem(fileSystemId: "${other}") { __typename } }`,
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.own.storageVirtualMachines).toEqual([
      expect.objectContaining({ storageVirtualMachineId: svmOf[own], name: 'svm1', fileSystemId: own }),
    ]);
    expect(res.body.data.other).toEqual({ __typename: 'FileSystemNotFound' });
  });

  test('restoreVolume into the svm1 its new ONTAP file system came with; another file system’s SVM answers as a missing one', async () => {
    const restored = await restoreInto(svmOf[own], 'restored');
    expect(restored.body.data.restoreVolume).toEqual({
      __typename: 'RestoreVolumeSuccess',
      volume: { fileSystemId: own, name: 'restored', ontapConfiguration: { storageVirtualMachineId: svmOf[own] } },
    });
    emulator.calls.clear();
    const hidden = await restoreInto(svmOf[other], 'elsewhere');
    expect(hidden.body.data.restoreVolume).toEqual({ __typename: 'StorageVirtualMachineNotFound', storageVirtualMachineId: svmOf[other] });
    // Which file system holds the SVM was asked of DescribeStorageVirtualMachines; nothing was restored.
    expect(emulator.calls.count('DescribeStorageVirtualMachines')).toBe(1);
    expect(emulator.calls.count('CreateVolumeFromBackup')).toBe(0);
  });
});
