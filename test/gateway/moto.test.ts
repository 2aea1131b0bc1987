import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { CreateFileSystemCommand } from '@aws-sdk/client-fsx';
import { type RunningGateway, startGateway } from '../../src/app';
import { fsxClientFor } from '../support/emulator';
import { CREATE_BACKUP, postGraphQL, testConfig } from '../support/gateway';

/**
 * moto's server as "any FSx-compatible endpoint": its answers are thinner than FSx's (no Type, no
 * FileSystem snapshot on backups, ResourceNotFoundException instead of FileSystemNotFound), and the
 * gateway must still answer every query without an error. Skipped where Python's moto is absent.
 */
const motoAvailable = spawnSync('python3', ['-c', 'import moto.server'], { stdio: 'ignore' }).status === 0;
const describeMoto = motoAvailable ? describe : describe.skip;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fetch(url);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

describeMoto('against moto_server', () => {
  let moto: ChildProcess;
  let gateway: RunningGateway;
  let fileSystemId: string;
  beforeAll(async () => {
    const port = await freePort();
    moto = spawn('python3', ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
    const endpoint = `http://127.0.0.1:${port}`;
    await waitFor(endpoint, 20_000);
    const client = fsxClientFor(endpoint, 3);
    const out = await client.send(
      new CreateFileSystemCommand({
        FileSystemType: 'WINDOWS',
        StorageCapacity: 32,
        SubnetIds: ['subnet-0123456789abcdef0'],
        WindowsConfiguration: { ThroughputCapacity: 8 },
      }),
    );
    fileSystemId = out.FileSystem!.FileSystemId!;
    client.destroy();
    gateway = await startGateway(testConfig({ FSX_ENDPOINT_URL: endpoint }));
  }, 30_000);
  afterAll(async () => {
    await gateway?.stop();
    moto?.kill();
  });

  test('createBackup, then backup(backupId) and backups: thin answers, no errors', async () => {
    const created = await postGraphQL(gateway.url, CREATE_BACKUP, { input: { fileSystemId, tags: [{ key: 'Name', value: 'moto' }] } });
    expect(created.body.errors).toBeUndefined();
    const r = created.body.data.createBackup;
    expect(r.__typename).toBe('CreateBackupSuccess');
    expect(r.backup).toMatchObject({ lifecycle: 'CREATING', type: null, fileSystem: null });

    const one = await postGraphQL(
      gateway.url,
      `{ backup(backupId: "${r.backup.backupId}") { __typename ... on Backup { backupId lifecycle type progressPercent fileSystem { fileSystemId } } } }`,
    );
    expect(one.body.errors).toBeUndefined();
    expect(one.body.data.backup).toMatchObject({ __typename: 'Backup', backupId: r.backup.backupId });

    const list = await postGraphQL(
      gateway.url,
      `{ backups(first: 10) { ... on BackupConnection { edges { node { backupId type fileSystem { fileSystemId } } } pageInfo { hasNextPage } } } }`,
    );
    expect(list.body.errors).toBeUndefined();
    expect(list.body.data.backups.edges.map((e: any) => e.node.backupId)).toContain(r.backup.backupId);
  });

  test('an unknown backup is BackupNotFound, an unknown file system FileSystemNotFound', async () => {
    const res = await postGraphQL(
      gateway.url,
      `{
      backup(backupId: "backup-0000000000000000f") { __typename }
      fileSystem(fileSystemId: "fs-0000000000000000f") { __typename }
      known: fileSystem(fileSystemId: "${fileSystemId}") { __typename ... on FileSystem { fileSystemType windowsConfiguration { throughputCapacity } } }
    }`,
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({
      backup: { __typename: 'BackupNotFound' },
      fileSystem: { __typename: 'FileSystemNotFound' },
      known: { __typename: 'FileSystem', fileSystemType: 'WINDOWS', windowsConfiguration: { throughputCapacity: 8 } },
    });
    const created = await postGraphQL(gateway.url, CREATE_BACKUP, { input: { fileSystemId: 'fs-0000000000000000f' } });
    expect(created.body.data.createBackup).toMatchObject({ __typename: 'FileSystemNotFound', fileSystemId: 'fs-0000000000000000f' });
  });
});
