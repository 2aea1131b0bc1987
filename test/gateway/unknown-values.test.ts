import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type RunningGateway, startGateway } from '../../src/app';
import { postGraphQL, testConfig } from '../support/gateway';

/**
 * What the emulator never sends but real FSx (or a thinner compatible endpoint) can: enum values
 * added after this build, members missing, error codes nobody modeled. A tiny FSx endpoint that
 * answers with hand-written AWS JSON 1.1 bodies stands in for that future.
 */
const answers: Record<string, { status: number; body: unknown }> = {
  DescribeBackups: {
    status: 200,
    body: {
      Backups: [
        {
          BackupId: 'backup-0123456789abcdef0',
          Lifecycle: 'ARCHIVED_TO_GLACIER',
          Type: 'CONTINUOUS',
          CreationTime: 1617954808.068,
          ResourceType: 'FILE_SYSTEM',
          FileSystem: { FileSystemId: 'fs-0123456789abcdef0', FileSystemType: 'QUANTUM', Lifecycle: 'AVAILABLE', StorageType: 'CRYSTAL' },
        },
        { BackupId: 'backup-0123456789abcdef1' }, // a thin endpoint: only the id
        { Lifecycle: 'AVAILABLE' }, // no id at all: cannot be shown, skipped
        {
          BackupId: 'backup-0123456789abcdef2',
          ResourceType: 'VOLUME',
          FileSystem: { FileSystemId: 'fs-0123456789abcdef2', FileSystemType: 'ONTAP' },
        },
      ],
    },
  },
  DescribeStorageVirtualMachines: {
    status: 200,
    body: {
      StorageVirtualMachines: [
        { StorageVirtualMachineId: 'svm-0123456789abcdef2', FileSystemId: 'fs-0123456789abcdef2', Lifecycle: 'HIBERNATING' },
        { FileSystemId: 'fs-0123456789abcdef2', Name: 'no id: skipped' },
      ],
    },
  },
  DescribeFileSystems: { status: 400, body: { __type: 'com.amazonaws.fsx#RegionDisabledException', Message: 'Region is disabled' } },
  CreateBackup: { status: 400, body: { __type: 'ServiceLimitExceeded', Message: 'Too many', Limit: 'TOTAL_BACKUP_VAULTS' } },
};

let endpoint: http.Server;
let gateway: RunningGateway;
beforeAll(async () => {
  endpoint = http.createServer((req, res) => {
    req.resume();
    const op = String(req.headers['x-amz-target'] ?? '').split('.')[1];
    const answer = answers[op] ?? { status: 400, body: { __type: 'UnknownOperationException' } };
    res.writeHead(answer.status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'req-1' });
    res.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
  gateway = await startGateway(testConfig({ FSX_ENDPOINT_URL: `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}` }));
});
afterAll(async () => {
  await gateway.stop();
  endpoint.close();
});

test('enum values FSx adds later come back as UNRECOGNIZED; missing members as null; no query error', async () => {
  const res = await postGraphQL(
    gateway.url,
    `{ backups(first: 10) { ... on BackupConnection { edges { node {
    backupId lifecycle type creationTime resourceType progressPercent tags { key }
    fileSystem { fileSystemId fileSystemType lifecycle storageType } } } } } }`,
  );
  expect(res.body.errors).toBeUndefined();
  const nodes = res.body.data.backups.edges.map((e: any) => e.node);
  expect(nodes).toHaveLength(3);
  expect(nodes[0]).toEqual({
    backupId: 'backup-0123456789abcdef0',
    lifecycle: 'UNRECOGNIZED',
    type: 'UNRECOGNIZED',
    creationTime: '2021-04-09T07:53:28.068Z',
    resourceType: 'FILE_SYSTEM',
    progressPercent: null,
    tags: null,
    fileSystem: {
      fileSystemId: 'fs-0123456789abcdef0',
      fileSystemType: 'UNRECOGNIZED',
      lifecycle: 'AVAILABLE',
      storageType: 'UNRECOGNIZED',
    },
  });
  expect(nodes[1]).toMatchObject({ backupId: 'backup-0123456789abcdef1', lifecycle: null, fileSystem: null });
});

test('an SVM lifecycle FSx adds later is UNRECOGNIZED; an SVM without its id is skipped', async () => {
  const res = await postGraphQL(
    gateway.url,
    `{ backup(backupId: "backup-0123456789abcdef2") { ... on Backup { fileSystem { storageVirtualMachines { storageVirtualMachineId name lifecycle subtype } } } } }`,
  );
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data.backup.fileSystem.storageVirtualMachines).toEqual([
    { storageVirtualMachineId: 'svm-0123456789abcdef2', name: null, lifecycle: 'UNRECOGNIZED', subtype: null },
  ]);
});

test('an unknown error code (in the namespaced __type form) is a typed FsxServiceError', async () => {
  const res = await postGraphQL(gateway.url, `{ fileSystems { __typename ... on FsxServiceError { code message requestId retryable } } }`);
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data.fileSystems).toEqual({
    __typename: 'FsxServiceError',
    code: 'RegionDisabledException',
    message: 'Region is disabled',
    requestId: 'req-1',
    retryable: false,
  });
});

test('a ServiceLimit value the gateway does not know is UNRECOGNIZED, still a ServiceLimitExceeded', async () => {
  const res = await postGraphQL(
    gateway.url,
    `mutation { createBackup(input: { fileSystemId: "fs-0123456789abcdef0" }) { __typename ... on ServiceLimitExceeded { limit } } }`,
  );
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data.createBackup).toEqual({ __typename: 'ServiceLimitExceeded', limit: 'UNRECOGNIZED' });
});
