import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateFileSystemCommand,
  CreateVolumeFromBackupCommand,
  DeleteFileSystemCommand,
  DescribeStorageVirtualMachinesCommand,
  type DescribeStorageVirtualMachinesCommandInput,
  DescribeVolumesCommand,
  type StorageVirtualMachine,
  paginateDescribeStorageVirtualMachines,
} from '@aws-sdk/client-fsx';
import { DEMO, ManualClock, startEmulator } from '../../src/emulator';
import { createOntapFileSystem, fsxClientFor, rawCall, rejection, useTestEmulator } from '../support/emulator';

const SVM = DEMO.storageVirtualMachines.ontap;
const DURATION = 2000;

describe('DescribeStorageVirtualMachines', () => {
  const clock = new ManualClock(Date.UTC(2025, 2, 1, 12));
  const env = useTestEmulator({ clock, fileSystemDurationMs: DURATION, backupDurationMs: 0 });
  afterEach(() => clock.advance(60_000));

  const describe_ = (input: DescribeStorageVirtualMachinesCommandInput = {}) =>
    env.client.send(new DescribeStorageVirtualMachinesCommand(input));
  /** Every SVM a request selects, through the SDK's paginator, a page of `pageSize` at a time. */
  const all = async (input: DescribeStorageVirtualMachinesCommandInput = {}, pageSize?: number): Promise<StorageVirtualMachine[]> => {
    const svms: StorageVirtualMachine[] = [];
    for await (const page of paginateDescribeStorageVirtualMachines({ client: env.client, pageSize }, input))
      svms.push(...page.StorageVirtualMachines!);
    return svms;
  };
  const ids = (svms: StorageVirtualMachine[]) => svms.map((s) => s.StorageVirtualMachineId);
  const bodyOf = async (body: unknown) => (await rawCall(env.emulator.url, 'DescribeStorageVirtualMachines', JSON.stringify(body))).json;

  it('lists the demo SVM as FSx describes one: the SVM the demo ONTAP volumes live in', async () => {
    const { StorageVirtualMachines, NextToken } = await describe_();
    expect(NextToken).toBeUndefined();
    expect(StorageVirtualMachines).toHaveLength(1);
    const [svm] = StorageVirtualMachines!;
    const dns = (endpoint: string) => `${endpoint}.${SVM}.${DEMO.fileSystems.ontap}.fsx.us-east-1.amazonaws.com`;
    expect(svm).toEqual({
      StorageVirtualMachineId: SVM,
      FileSystemId: DEMO.fileSystems.ontap,
      Name: 'svm1',
      Lifecycle: 'CREATED',
      Subtype: 'DEFAULT',
      RootVolumeSecurityStyle: 'UNIX',
      ResourceARN: `arn:aws:fsx:us-east-1:123456789012:storage-virtual-machine/${DEMO.fileSystems.ontap}/${SVM}`,
      // Seeded with its file system, the fifth of the demo estate (an hour apart from 2023-06-01).
      CreationTime: new Date(Date.UTC(2023, 5, 1, 4)),
      UUID: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
      Endpoints: {
        Iscsi: { DNSName: dns('iscsi'), IpAddresses: [expect.any(String), expect.any(String)] },
        Management: { DNSName: dns('management'), IpAddresses: [expect.any(String)] },
        Nfs: { DNSName: dns('nfs'), IpAddresses: svm.Endpoints!.Management!.IpAddresses },
        Smb: { DNSName: dns('smb'), IpAddresses: svm.Endpoints!.Management!.IpAddresses },
      },
    });
    // Every ONTAP volume of the region names an SVM that DescribeStorageVirtualMachines knows.
    const { Volumes } = await env.client.send(new DescribeVolumesCommand({}));
    const named = new Set(Volumes!.flatMap((v) => v.OntapConfiguration?.StorageVirtualMachineId ?? []));
    expect([...named]).toEqual([SVM]);
  });

  it('an SVM belongs to its region: the second region has none, and does not know the first one’s', async () => {
    const west = fsxClientFor(env.emulator, 1, 'us-west-2');
    try {
      expect((await west.send(new DescribeStorageVirtualMachinesCommand({}))).StorageVirtualMachines).toEqual([]);
      const err = await rejection(west.send(new DescribeStorageVirtualMachinesCommand({ StorageVirtualMachineIds: [SVM] })));
      expect(err.name).toBe('StorageVirtualMachineNotFound');
    } finally {
      west.destroy();
    }
  });

  it('an ONTAP file system made by CreateFileSystem comes with one SVM, svm1, CREATING like it; a volume can be restored into it', async () => {
    const fileSystemId = await createOntapFileSystem(env.client);
    const windows = await env.client.send(
      new CreateFileSystemCommand({
        FileSystemType: 'WINDOWS',
        StorageCapacity: 32,
        SubnetIds: ['subnet-0123456789abcdef0'],
        WindowsConfiguration: { ThroughputCapacity: 8 },
      }),
    );
    const of = (id: string) => describe_({ Filters: [{ Name: 'file-system-id', Values: [id] }] });
    expect((await of(windows.FileSystem!.FileSystemId!)).StorageVirtualMachines).toEqual([]);
    const [svm] = (await of(fileSystemId)).StorageVirtualMachines!;
    expect(svm).toMatchObject({
      FileSystemId: fileSystemId,
      Name: 'svm1',
      Lifecycle: 'CREATING',
      StorageVirtualMachineId: expect.stringMatching(/^svm-[0-9a-f]{17}$/),
      ResourceARN: `arn:aws:fsx:us-east-1:123456789012:storage-virtual-machine/${fileSystemId}/${svm.StorageVirtualMachineId}`,
    });
    clock.advance(DURATION);
    expect((await of(fileSystemId)).StorageVirtualMachines![0].Lifecycle).toBe('CREATED');

    const { Volume } = await env.client.send(
      new CreateVolumeFromBackupCommand({
        BackupId: DEMO.backups.ontapVolume,
        Name: 'restored',
        OntapConfiguration: { StorageVirtualMachineId: svm.StorageVirtualMachineId },
      }),
    );
    expect(Volume).toMatchObject({
      FileSystemId: fileSystemId,
      OntapConfiguration: { StorageVirtualMachineId: svm.StorageVirtualMachineId },
    });
  });

  it('filter file-system-id: values OR together, matched exactly; no ONTAP file system, no SVM', async () => {
    const [a, b] = [await createOntapFileSystem(env.client), await createOntapFileSystem(env.client)];
    const byFs = async (...Values: string[]) => (await all({ Filters: [{ Name: 'file-system-id', Values }] })).map((s) => s.FileSystemId);
    expect(await byFs(a)).toEqual([a]);
    expect((await byFs(a, b, DEMO.fileSystems.ontap)).sort()).toEqual([a, b, DEMO.fileSystems.ontap].sort());
    expect(await byFs(DEMO.fileSystems.windows, 'fs-00000000000000000')).toEqual([]);
    expect(await byFs(`${DEMO.fileSystems.ontap.slice(0, 10)}*`)).toEqual([]);
    expect(await all({ Filters: [] })).toHaveLength(3);
  });

  it('by StorageVirtualMachineIds: duplicates once, ids override filters, one unknown id fails the whole call', async () => {
    expect(ids((await describe_({ StorageVirtualMachineIds: [SVM, SVM] })).StorageVirtualMachines!)).toEqual([SVM]);
    const overridden = await describe_({
      StorageVirtualMachineIds: [SVM],
      Filters: [{ Name: 'file-system-id', Values: [DEMO.fileSystems.windows] }],
    });
    expect(ids(overridden.StorageVirtualMachines!)).toEqual([SVM]);
    const missing = 'svm-0000000000000dead';
    const err = await rejection(describe_({ StorageVirtualMachineIds: [SVM, missing] }));
    expect(err).toMatchObject({ name: 'StorageVirtualMachineNotFound', message: `Storage virtual machine '${missing}' does not exist.` });
    expect(await bodyOf({ StorageVirtualMachineIds: [missing] })).toEqual({
      __type: 'StorageVirtualMachineNotFound',
      Message: `Storage virtual machine '${missing}' does not exist.`,
    });
  });

  it('pages with MaxResults (creation time, then id) and a NextToken bound to its request', async () => {
    const created: string[] = [];
    for (let i = 0; i < 3; i++) {
      created.push(await createOntapFileSystem(env.client));
      clock.advance(1);
    }
    const whole = await all();
    expect(whole.map((s) => s.FileSystemId)).toEqual([DEMO.fileSystems.ontap, ...created]);
    expect(await all({}, 1)).toEqual(whole);
    const first = await describe_({ MaxResults: 3 });
    expect(first.StorageVirtualMachines).toHaveLength(3);
    const second = await describe_({ MaxResults: 3, NextToken: first.NextToken });
    expect(ids(second.StorageVirtualMachines!)).toEqual(ids(whole.slice(3)));
    expect(second.NextToken).toBeUndefined();
    // The token is for this request only: with a filter, or altered, it is a BadRequest.
    const other = await bodyOf({ NextToken: first.NextToken, Filters: [{ Name: 'file-system-id', Values: [created[0]] }] });
    expect(other).toEqual({ __type: 'BadRequest', Message: 'NextToken is invalid or was issued for a different request.' });
    const forged = Buffer.from(first.NextToken!, 'base64');
    forged[forged.length - 3] ^= 1;
    expect((await bodyOf({ NextToken: forged.toString('base64') })).__type).toBe('BadRequest');
  });

  it('refuses what breaks the model: BadRequest, naming the member', async () => {
    const cases: Array<[unknown, string]> = [
      [{ StorageVirtualMachineIds: ['svm-1'] }, 'StorageVirtualMachineIds'],
      [
        { StorageVirtualMachineIds: Array.from({ length: 51 }, (_, i) => `svm-${String(i).padStart(17, '0')}`) },
        'StorageVirtualMachineIds',
      ],
      [{ StorageVirtualMachineIds: SVM }, 'StorageVirtualMachineIds'],
      [{ Filters: [{ Name: 'volume-id', Values: ['x'] }] }, 'Filters[0].Name'],
      [{ Filters: [{ Values: [DEMO.fileSystems.ontap] }] }, 'Filters[0].Name'],
      [
        {
          Filters: [
            { Name: 'file-system-id', Values: [DEMO.fileSystems.ontap] },
            { Name: 'file-system-id', Values: [DEMO.fileSystems.windows] },
          ],
        },
        'Filters',
      ],
      [{ Filters: [{ Name: 'file-system-id', Values: Array.from({ length: 21 }, () => DEMO.fileSystems.ontap) }] }, 'Filters[0].Values'],
      [{ Filters: [{ Name: 'file-system-id', Values: ['fs-0a1b2c3d4e5f60005!'] }] }, 'Filters[0].Values[0]'],
      [{ Filters: [{ Name: 'file-system-id', Values: [''] }] }, 'Filters[0].Values[0]'],
      [{ Filters: { Name: 'file-system-id' } }, 'Filters'],
      [{ MaxResults: 0 }, 'MaxResults'],
      [{ MaxResults: 'ten' }, 'MaxResults'],
      [{ NextToken: '!!!' }, 'NextToken'],
    ];
    for (const [body, member] of cases) {
      const answer = await bodyOf(body);
      expect({ body, type: answer.__type }).toEqual({ body, type: 'BadRequest' });
      expect(answer.Message).toContain(member);
    }
  });

  it('DeleteFileSystem takes the SVMs with it: DELETING, then gone; restoring a volume into it is StorageVirtualMachineNotFound', async () => {
    const fileSystemId = await createOntapFileSystem(env.client);
    clock.advance(DURATION);
    const [svm] = (await describe_({ Filters: [{ Name: 'file-system-id', Values: [fileSystemId] }] })).StorageVirtualMachines!;
    await env.client.send(new DeleteFileSystemCommand({ FileSystemId: fileSystemId }));
    const byId = () => describe_({ StorageVirtualMachineIds: [svm.StorageVirtualMachineId!] });
    expect((await byId()).StorageVirtualMachines![0].Lifecycle).toBe('DELETING');
    clock.advance(DURATION);
    expect((await rejection(byId())).name).toBe('StorageVirtualMachineNotFound');
    expect(ids(await all())).toEqual([SVM]);
    const restore = new CreateVolumeFromBackupCommand({
      BackupId: DEMO.backups.ontapVolume,
      Name: 'orphan',
      OntapConfiguration: { StorageVirtualMachineId: svm.StorageVirtualMachineId },
    });
    expect((await rejection(env.client.send(restore))).name).toBe('StorageVirtualMachineNotFound');
  });
});

describe('storage virtual machines in the data file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fsx-emulator-svm-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const svmsOf = async (dataFile: string): Promise<StorageVirtualMachine[]> => {
    const emulator = await startEmulator({ dataFile, fileSystemDurationMs: 0 });
    const client = fsxClientFor(emulator);
    try {
      return (await client.send(new DescribeStorageVirtualMachinesCommand({}))).StorageVirtualMachines!;
    } finally {
      client.destroy();
      await emulator.stop();
    }
  };

  it('are kept across a restart, with the file system that made them', async () => {
    const dataFile = join(dir, 'state.json');
    const first = await startEmulator({ dataFile, fileSystemDurationMs: 0 });
    const client = fsxClientFor(first);
    const fileSystemId = await createOntapFileSystem(client);
    const before = (await client.send(new DescribeStorageVirtualMachinesCommand({}))).StorageVirtualMachines!;
    client.destroy();
    await first.stop();
    const file = JSON.parse(readFileSync(dataFile, 'utf8'));
    expect(file.accounts['123456789012']['us-east-1'].storageVirtualMachines.map((s: { fileSystemId: string }) => s.fileSystemId)).toEqual([
      DEMO.fileSystems.ontap,
      fileSystemId,
    ]);
    expect(await svmsOf(dataFile)).toEqual(before);
  });

  it('a data file written before SVMs were records: each ONTAP file system’s SVM ids become its SVMs', async () => {
    const dataFile = join(dir, 'state.json');
    await (await startEmulator({ dataFile })).stop();
    const file = JSON.parse(readFileSync(dataFile, 'utf8'));
    const east = file.accounts['123456789012']['us-east-1'];
    // As such a file held them: no SVM records, the ids on the ONTAP file system.
    delete east.storageVirtualMachines;
    east.fileSystems.find((f: { fileSystemId: string }) => f.fileSystemId === DEMO.fileSystems.ontap).storageVirtualMachineIds = [SVM];
    writeFileSync(dataFile, JSON.stringify(file));
    const svms = await svmsOf(dataFile);
    expect(svms).toEqual([expect.objectContaining({ StorageVirtualMachineId: SVM, FileSystemId: DEMO.fileSystems.ontap, Name: 'svm1' })]);
  });
});
