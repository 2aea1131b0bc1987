import { DEMO, DEMO_SECOND_REGION } from '../../src/emulator';
import { CREATE_BACKUP, type TestGateway, startTestGateway } from '../support/gateway';

/**
 * Regions: one FSx client per region the gateway serves, each answering from its own region's state
 * (the emulator reads the region from the request's SigV4 scope, as FSx's regional endpoints are).
 */
let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(() => t.stop());
beforeEach(() => t.emulator.calls.clear());

const callsIn = (region: string, operation: string) =>
  t.emulator.calls.filter((c) => c.region === region && c.operation === operation).length;

test('the emulator serves two regions by default, and the gateway serves what it serves', () => {
  expect(t.emulator.regions).toEqual(['us-east-1', 'us-west-2']);
});

test('a region argument reads that region only: its own estate, ARNs and region fields', async () => {
  const res = await t.gql(`{
    east: fileSystems(first: 50) { ... on FileSystemConnection { edges { node { fileSystemId region } } } }
    west: fileSystems(first: 50, region: "us-west-2") { ... on FileSystemConnection { edges { node { fileSystemId region resourceARN } } } }
  }`);
  expect(res.body.errors).toBeUndefined();
  const east = res.body.data.east.edges.map((e: any) => e.node);
  const west = res.body.data.west.edges.map((e: any) => e.node);
  expect(east.map((f: any) => f.fileSystemId)).toContain(DEMO.fileSystems.windows);
  expect(east.every((f: any) => f.region === 'us-east-1')).toBe(true);
  expect(west.map((f: any) => f.fileSystemId)).toEqual(expect.arrayContaining(Object.values(DEMO_SECOND_REGION.fileSystems)));
  expect(west.map((f: any) => f.fileSystemId)).not.toContain(DEMO.fileSystems.windows);
  for (const f of west) expect(f).toMatchObject({ region: 'us-west-2', resourceARN: expect.stringContaining(':us-west-2:') });
  expect(callsIn('us-east-1', 'DescribeFileSystems')).toBe(1);
  expect(callsIn('us-west-2', 'DescribeFileSystems')).toBe(1);
});

test('a backup of one region is not found in the other', async () => {
  const res = await t.gql(
    `query($id: String!) {
    east: backup(backupId: $id) { __typename ... on Backup { region fileSystem { region } } }
    west: backup(backupId: $id, region: "us-west-2") { __typename ... on BackupNotFound { backupId } }
  }`,
    { id: DEMO.backups.windowsUser },
  );
  expect(res.body.data).toEqual({
    east: { __typename: 'Backup', region: 'us-east-1', fileSystem: { region: 'us-east-1' } },
    west: { __typename: 'BackupNotFound', backupId: DEMO.backups.windowsUser },
  });
});

test('createBackup in a region creates it there', async () => {
  const created = await t.gql(CREATE_BACKUP, {
    input: { fileSystemId: DEMO_SECOND_REGION.fileSystems.openzfs, region: 'us-west-2', clientRequestToken: 'regions-1' },
  });
  expect(created.body.data.createBackup).toMatchObject({
    __typename: 'CreateBackupSuccess',
    backup: { resourceARN: expect.stringContaining(':us-west-2:') },
  });
  expect(callsIn('us-west-2', 'CreateBackup')).toBe(1);
  expect(callsIn('us-east-1', 'CreateBackup')).toBe(0);
});

test.each([
  ['a region the gateway does not serve', 'eu-central-1', 'isServedRegion'],
  ['a malformed region', 'Mars!', 'matches'],
])('%s is InvalidInput on the argument, and nothing is sent', async (_what, region, constraint) => {
  const res = await t.gql(
    `query($region: String) {
    backup(backupId: "${DEMO.backups.windowsUser}", region: $region) { __typename ... on InvalidInput { fieldErrors { path constraint message } } }
    fileSystems(region: $region) { __typename }
  }`,
    { region },
  );
  expect(res.body.data.backup).toEqual({
    __typename: 'InvalidInput',
    fieldErrors: [expect.objectContaining({ path: ['region'], constraint })],
  });
  expect(res.body.data.fileSystems).toEqual({ __typename: 'InvalidInput' });
  expect(t.calls()).toBe(0);
});

test('a region not served on a mutation input names the input field', async () => {
  const res = await t.gql(CREATE_BACKUP, { input: { fileSystemId: DEMO.fileSystems.windows, region: 'ap-south-1' } });
  expect(res.body.data.createBackup).toMatchObject({
    __typename: 'InvalidInput',
    fieldErrors: [{ path: ['input', 'region'], constraint: 'isServedRegion', message: expect.stringContaining('us-east-1, us-west-2') }],
  });
  expect(t.calls()).toBe(0);
});

test('Backup.sourceBackup resolves a copy to its source in the source region, one call per region', async () => {
  const res = await t.gql(`{ backups(first: 50, region: "us-west-2") { ... on BackupConnection { edges { node {
    backupId sourceBackupId sourceBackupRegion sourceBackup { backupId region lifecycle }
  } } } } }`);
  expect(res.body.errors).toBeUndefined();
  const copy = res.body.data.backups.edges
    .map((e: any) => e.node)
    .find((b: any) => b.backupId === DEMO_SECOND_REGION.backups.copyOfWindowsUser);
  expect(copy).toEqual({
    backupId: DEMO_SECOND_REGION.backups.copyOfWindowsUser,
    sourceBackupId: DEMO.backups.windowsUser,
    sourceBackupRegion: 'us-east-1',
    sourceBackup: { backupId: DEMO.backups.windowsUser, region: 'us-east-1', lifecycle: 'AVAILABLE' },
  });
  expect(callsIn('us-west-2', 'DescribeBackups')).toBe(1);
  expect(callsIn('us-east-1', 'DescribeBackups')).toBe(1);
});

test("a cross-region copy's file system is in the source region, and its backups are read there", async () => {
  const res = await t.gql(
    `query($id: String!) { backup(backupId: $id, region: "us-west-2") { ... on Backup { region fileSystem { fileSystemId region
      backups(first: 20) { ... on BackupConnection { edges { node { backupId region } } } } } } } }`,
    { id: DEMO_SECOND_REGION.backups.copyOfWindowsUser },
  );
  expect(res.body.errors).toBeUndefined();
  const { region, fileSystem } = res.body.data.backup;
  expect({ region, fileSystem: { fileSystemId: fileSystem.fileSystemId, region: fileSystem.region } }).toEqual({
    region: 'us-west-2',
    fileSystem: { fileSystemId: DEMO.fileSystems.windows, region: 'us-east-1' },
  });
  const own = fileSystem.backups.edges.map((e: any) => e.node);
  expect(own).toEqual(expect.arrayContaining([{ backupId: DEMO.backups.windowsUser, region: 'us-east-1' }]));
});

test('regions lists the regions served, the default first, without an FSx call', async () => {
  const res = await t.gql('{ regions }');
  expect(res.body).toEqual({ data: { regions: ['us-east-1', 'us-west-2'] } });
  expect(t.emulator.calls.length).toBe(0);
});
