/**
 * Every error the emulator can emit carries exactly the members the FSx model defines for its error
 * shape (src/fsx-model MODEL_ERROR_MEMBERS), nothing more; and each is one the model lists for the
 * operation (or a protocol-level one). The scenarios below provoke every error code the emulator's
 * source constructs: a test checks that list against the source, so a new error needs a scenario.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  CopyBackupCommand,
  CreateBackupCommand,
  CreateFileSystemCommand,
  type CreateFileSystemCommandInput,
  CreateFileSystemFromBackupCommand,
  type FSxClient,
} from '@aws-sdk/client-fsx';
import { DEMO, DEMO_SECOND_REGION, type EmulatorOptions, FsxError, ManualClock } from '../../src/emulator';
import { MODEL_ERROR_MEMBERS, MODEL_OPERATION_ERRORS, type ModelErrorCode, type ModelOperation } from '../../src/fsx-model';
import { fsxClientFor, rawCall, startTestEmulator, type TestEmulator } from '../support/emulator';

const SUBNET = 'subnet-0123456789abcdef0';
const ACCOUNT = '123456789012';
const signedFor = (region: string) => ({
  Authorization: `AWS4-HMAC-SHA256 Credential=AKID/20260101/${region}/fsx/aws4_request, SignedHeaders=host, Signature=00`,
});
const openZfs = {
  FileSystemType: 'OPENZFS',
  StorageCapacity: 64,
  SubnetIds: [SUBNET],
  OpenZFSConfiguration: { DeploymentType: 'SINGLE_AZ_1', ThroughputCapacity: 64 },
};
const volumeRestore = {
  BackupId: DEMO.backups.ontapVolume,
  Name: 'restored',
  OntapConfiguration: { StorageVirtualMachineId: DEMO.storageVirtualMachines.ontap },
};
const windowsRestore = { BackupId: DEMO.backups.windowsUser, SubnetIds: [SUBNET], WindowsConfiguration: { ThroughputCapacity: 32 } };

/** Answered before any operation runs, whatever the operation. */
// Answered before (or outside) any operation's own errors; ThrottlingException by FSX_EMULATOR_RATE_LIMIT, as AWS does for any call.
const PROTOCOL_ERRORS = [
  'UnknownOperationException',
  'SerializationException',
  'InvalidSignatureException',
  'InternalServerError',
  'ThrottlingException',
  // Credentials from the emulator's STS: expired, or a temporary key it never issued.
  'ExpiredTokenException',
  'UnrecognizedClientException',
];
/**
 * The model's error lists of operations src/fsx-model does not generate lists for (its generator covers the
 * gateway's operations), copied from fsx-2018-03-01.service-2.json.
 */
const MORE_OPERATION_ERRORS: Record<string, string[]> = {
  DescribeVolumes: ['BadRequest', 'InternalServerError', 'VolumeNotFound'],
  CreateVolumeFromBackup: [
    'BackupNotFound',
    'BadRequest',
    'FileSystemNotFound',
    'IncompatibleParameterError',
    'InternalServerError',
    'MissingVolumeConfiguration',
    'ServiceLimitExceeded',
    'StorageVirtualMachineNotFound',
  ],
  DeleteVolume: ['BadRequest', 'IncompatibleParameterError', 'InternalServerError', 'VolumeNotFound', 'ServiceLimitExceeded'],
  UpdateFileSystem: [
    'BadRequest',
    'UnsupportedOperation',
    'IncompatibleParameterError',
    'InvalidNetworkSettings',
    'InternalServerError',
    'FileSystemNotFound',
    'MissingFileSystemConfiguration',
    'ServiceLimitExceeded',
  ],
  DeleteFileSystem: ['BadRequest', 'IncompatibleParameterError', 'FileSystemNotFound', 'ServiceLimitExceeded', 'InternalServerError'],
};
/** Errors the emulator answers outside the model's list for an operation, each a documented guess. */
const OUTSIDE_THE_MODEL_LIST: Record<string, string[]> = {
  // The per-resource tag limit (docs/emulator.md, guesses).
  TagResource: ['ServiceLimitExceeded'],
};

interface Env {
  url: string;
  client: FSxClient;
  west: FSxClient;
  clock: ManualClock;
}
interface Scenario {
  op: string;
  code: string;
  /** The request body (object → JSON), or a function that prepares state and returns it. */
  input: string | Record<string, unknown> | ((env: Env) => Promise<Record<string, unknown>>);
  region?: string;
  /** Headers that sign the request (a credential scope, a session token); prepared like `input`, after it. */
  signedWith?: (env: Env) => Promise<Record<string, string>>;
  options?: EmulatorOptions;
  /** The modelled members this scenario's answer must carry. */
  members?: string[];
}

const tags = (n: number) => Array.from({ length: n }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
const creatingBackup = async ({ client }: Env) =>
  (await client.send(new CreateBackupCommand({ FileSystemId: DEMO.fileSystems.openzfs }))).Backup!.BackupId!;
const twice =
  (
    op:
      | 'CreateBackup'
      | 'DeleteBackup'
      | 'CreateFileSystem'
      | 'CopyBackup'
      | 'CreateFileSystemFromBackup'
      | 'CreateVolumeFromBackup'
      | 'DeleteFileSystem',
    first: object,
    second: object,
  ) =>
  async ({ url }: Env) => {
    await rawCall(url, op, JSON.stringify({ ...first, ClientRequestToken: 'same' }));
    return { ...second, ClientRequestToken: 'same' };
  };

/** A SigV4 Authorization header for `accessKeyId` (the emulator reads the key, not the signature). */
const signedAs = (accessKeyId: string) => ({
  Authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20260101/us-east-1/fsx/aws4_request, SignedHeaders=host, Signature=00`,
});
/** Credentials of the emulator's own STS (AssumeRole, 15 minutes), already expired on its clock. */
const expiredCredentials = async ({ url, clock }: Env) => {
  const body = 'Action=AssumeRole&Version=2011-06-15&RoleArn=arn:aws:iam::123456789012:role/x&RoleSessionName=ab&DurationSeconds=900';
  const xml = await (
    await fetch(`${url}/`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body })
  ).text();
  clock.advance(900_000);
  return { ...signedAs(/<AccessKeyId>([^<]+)/.exec(xml)![1]), 'X-Amz-Security-Token': /<SessionToken>([^<]+)/.exec(xml)![1] };
};

const SCENARIOS: Scenario[] = [
  // Protocol level.
  { op: 'DescribeBackups', code: 'ExpiredTokenException', input: {}, signedWith: expiredCredentials },
  {
    op: 'DescribeBackups',
    code: 'UnrecognizedClientException',
    input: {},
    signedWith: () => Promise.resolve({ ...signedAs('ASIAAAAAAAAAAAAAAAAA'), 'X-Amz-Security-Token': 'never-issued' }),
  },
  { op: 'CreateStorageVirtualMachine', code: 'UnknownOperationException', input: {} },
  { op: 'DescribeBackups', code: 'SerializationException', input: '{not json' },
  // A rate limit whose bucket holds no call: the first one is already over it.
  { op: 'DescribeBackups', code: 'ThrottlingException', input: {}, options: { rateLimit: { callsPerSecond: 0.001, burst: 0 } } },
  { op: 'DescribeBackups', code: 'InvalidSignatureException', input: {}, region: 'eu-west-1' },
  {
    op: 'DescribeBackups',
    code: 'InternalServerError',
    input: {},
    options: { faults: [{ operation: 'DescribeBackups', error: 'InternalServerError' }] },
  },
  // CreateBackup.
  { op: 'CreateBackup', code: 'BadRequest', input: { FileSystemId: 'fs-x' } },
  { op: 'CreateBackup', code: 'FileSystemNotFound', input: { FileSystemId: 'fs-00000000deadbeef0' } },
  { op: 'CreateBackup', code: 'UnsupportedOperation', input: { FileSystemId: DEMO.fileSystems.ontap } },
  {
    op: 'CreateBackup',
    code: 'BackupInProgress',
    input: async (env) => {
      await creatingBackup(env);
      return { FileSystemId: DEMO.fileSystems.openzfs };
    },
  },
  {
    op: 'CreateBackup',
    code: 'IncompatibleParameterError',
    input: twice('CreateBackup', { FileSystemId: DEMO.fileSystems.openzfs }, { FileSystemId: DEMO.fileSystems.windows }),
    members: ['Parameter'],
  },
  {
    op: 'CreateBackup',
    code: 'ServiceLimitExceeded',
    input: { FileSystemId: DEMO.fileSystems.openzfs },
    options: { backupQuota: 3 },
    members: ['Limit'],
  },
  // DescribeBackups, DescribeFileSystems.
  { op: 'DescribeBackups', code: 'BadRequest', input: { MaxResults: 0 } },
  { op: 'DescribeBackups', code: 'BackupNotFound', input: { BackupIds: ['backup-00000000deadbeef0'] } },
  { op: 'DescribeFileSystems', code: 'BadRequest', input: { FileSystemIds: ['x'] } },
  { op: 'DescribeFileSystems', code: 'FileSystemNotFound', input: { FileSystemIds: ['fs-00000000deadbeef0'] } },
  // DeleteBackup.
  { op: 'DeleteBackup', code: 'BadRequest', input: {} },
  { op: 'DeleteBackup', code: 'BackupNotFound', input: { BackupId: 'backup-00000000deadbeef0' } },
  { op: 'DeleteBackup', code: 'BackupInProgress', input: async (env) => ({ BackupId: await creatingBackup(env) }) },
  {
    op: 'DeleteBackup',
    code: 'BackupBeingCopied',
    input: async ({ west }) => {
      await west.send(new CopyBackupCommand({ SourceBackupId: DEMO.backups.windowsUser, SourceRegion: 'us-east-1' }));
      return { BackupId: DEMO.backups.windowsUser };
    },
    members: ['BackupId'],
  },
  {
    op: 'DeleteBackup',
    code: 'BackupRestoring',
    input: async ({ client }) => {
      await client.send(new CreateFileSystemFromBackupCommand(windowsRestore));
      return { BackupId: DEMO.backups.windowsUser };
    },
    members: ['FileSystemId'],
  },
  {
    op: 'DeleteBackup',
    code: 'IncompatibleParameterError',
    input: twice('DeleteBackup', { BackupId: DEMO.backups.windowsUser }, { BackupId: DEMO.backups.openzfsUser }),
    members: ['Parameter'],
  },
  // CreateFileSystem.
  { op: 'CreateFileSystem', code: 'BadRequest', input: { ...openZfs, StorageCapacity: undefined } },
  { op: 'CreateFileSystem', code: 'MissingFileSystemConfiguration', input: { ...openZfs, OpenZFSConfiguration: undefined } },
  {
    op: 'CreateFileSystem',
    code: 'InvalidImportPath',
    input: { FileSystemType: 'LUSTRE', StorageCapacity: 1200, SubnetIds: [SUBNET], LustreConfiguration: { ImportPath: 'http://x' } },
  },
  {
    op: 'CreateFileSystem',
    code: 'InvalidExportPath',
    input: {
      FileSystemType: 'LUSTRE',
      StorageCapacity: 1200,
      SubnetIds: [SUBNET],
      LustreConfiguration: { ImportPath: 's3://b', ExportPath: 'b' },
    },
  },
  {
    op: 'CreateFileSystem',
    code: 'InvalidNetworkSettings',
    input: { ...openZfs, SubnetIds: [SUBNET, 'subnet-0123456789abcdef1'] },
    members: ['InvalidSubnetId'],
  },
  {
    op: 'CreateFileSystem',
    code: 'InvalidPerUnitStorageThroughput',
    input: {
      FileSystemType: 'LUSTRE',
      StorageCapacity: 1200,
      SubnetIds: [SUBNET],
      LustreConfiguration: { DeploymentType: 'PERSISTENT_2', PerUnitStorageThroughput: 50 },
    },
  },
  { op: 'CreateFileSystem', code: 'ServiceLimitExceeded', input: openZfs, options: { fileSystemQuota: 6 }, members: ['Limit'] },
  {
    op: 'CreateFileSystem',
    code: 'IncompatibleParameterError',
    input: twice('CreateFileSystem', openZfs, { ...openZfs, StorageCapacity: 128 }),
    members: ['Parameter'],
  },
  // Tags.
  { op: 'TagResource', code: 'BadRequest', input: { ResourceARN: 'not-an-arn', Tags: tags(1) } },
  {
    op: 'TagResource',
    code: 'NotServiceResourceError',
    input: { ResourceARN: 'arn:aws:s3:::bucket', Tags: tags(1) },
    members: ['ResourceARN'],
  },
  {
    op: 'ListTagsForResource',
    code: 'ResourceNotFound',
    input: { ResourceARN: `arn:aws:fsx:us-east-1:${ACCOUNT}:file-system/fs-00000000deadbeef0` },
    members: ['ResourceARN'],
  },
  {
    op: 'TagResource',
    code: 'ServiceLimitExceeded',
    input: { ResourceARN: `arn:aws:fsx:us-east-1:${ACCOUNT}:file-system/${DEMO.fileSystems.openzfs}`, Tags: tags(50) },
    members: ['Limit'],
  },
  // Volumes.
  { op: 'CreateBackup', code: 'VolumeNotFound', input: { VolumeId: 'fsvol-00000000000000000' } },
  { op: 'DescribeVolumes', code: 'BadRequest', input: { VolumeIds: ['x'] } },
  { op: 'DescribeVolumes', code: 'VolumeNotFound', input: { VolumeIds: ['fsvol-00000000000000000'] } },
  { op: 'DescribeStorageVirtualMachines', code: 'BadRequest', input: { Filters: [{ Name: 'volume-id', Values: ['x'] }] } },
  {
    op: 'DescribeStorageVirtualMachines',
    code: 'StorageVirtualMachineNotFound',
    input: { StorageVirtualMachineIds: [DEMO.storageVirtualMachines.ontap, 'svm-00000000000000000'] },
  },
  { op: 'CreateVolumeFromBackup', code: 'BadRequest', input: { BackupId: DEMO.backups.ontapVolume } },
  { op: 'CreateVolumeFromBackup', code: 'MissingVolumeConfiguration', input: { BackupId: DEMO.backups.ontapVolume, Name: 'v' } },
  {
    op: 'CreateVolumeFromBackup',
    code: 'StorageVirtualMachineNotFound',
    input: { BackupId: DEMO.backups.ontapVolume, Name: 'v', OntapConfiguration: { StorageVirtualMachineId: 'svm-00000000000000000' } },
  },
  { op: 'CreateVolumeFromBackup', code: 'BackupNotFound', input: { ...volumeRestore, BackupId: 'backup-00000000deadbeef0' } },
  {
    op: 'CreateVolumeFromBackup',
    code: 'IncompatibleParameterError',
    input: twice('CreateVolumeFromBackup', volumeRestore, { ...volumeRestore, Name: 'other' }),
    members: ['Parameter'],
  },
  { op: 'DeleteVolume', code: 'BadRequest', input: {} },
  { op: 'DeleteVolume', code: 'VolumeNotFound', input: { VolumeId: 'fsvol-00000000000000000' } },
  {
    op: 'DeleteVolume',
    code: 'IncompatibleParameterError',
    input: { VolumeId: DEMO.volumes.openzfsChild, OntapConfiguration: { SkipFinalBackup: true } },
    members: ['Parameter'],
  },
  {
    op: 'DeleteVolume',
    code: 'ServiceLimitExceeded',
    input: { VolumeId: DEMO.volumes.ontap },
    options: { backupQuota: 3 },
    members: ['Limit'],
  },
  // UpdateFileSystem, DeleteFileSystem.
  {
    op: 'UpdateFileSystem',
    code: 'BadRequest',
    input: { FileSystemId: DEMO.fileSystems.windows, WindowsConfiguration: { AutomaticBackupRetentionDays: 91 } },
  },
  { op: 'UpdateFileSystem', code: 'FileSystemNotFound', input: { FileSystemId: 'fs-00000000deadbeef0' } },
  {
    op: 'UpdateFileSystem',
    code: 'UnsupportedOperation',
    input: { FileSystemId: DEMO.fileSystems.lustreScratch, LustreConfiguration: { AutomaticBackupRetentionDays: 7 } },
  },
  {
    op: 'UpdateFileSystem',
    code: 'IncompatibleParameterError',
    input: { FileSystemId: DEMO.fileSystems.windows, OpenZFSConfiguration: { CopyTagsToBackups: true } },
    members: ['Parameter'],
  },
  { op: 'DeleteFileSystem', code: 'BadRequest', input: { FileSystemId: DEMO.fileSystems.ontap } },
  { op: 'DeleteFileSystem', code: 'FileSystemNotFound', input: { FileSystemId: 'fs-00000000deadbeef0' } },
  {
    op: 'DeleteFileSystem',
    code: 'IncompatibleParameterError',
    input: twice('DeleteFileSystem', { FileSystemId: DEMO.fileSystems.windows }, { FileSystemId: DEMO.fileSystems.lustrePersistent }),
    members: ['Parameter'],
  },
  {
    op: 'DeleteFileSystem',
    code: 'ServiceLimitExceeded',
    input: { FileSystemId: DEMO.fileSystems.windows },
    options: { backupQuota: 3 },
    members: ['Limit'],
  },
  // CopyBackup.
  { op: 'CopyBackup', code: 'BadRequest', input: {} },
  { op: 'CopyBackup', code: 'InvalidRegion', input: { SourceBackupId: DEMO.backups.windowsUser, SourceRegion: 'xx-nowhere-9' } },
  { op: 'CopyBackup', code: 'BackupNotFound', input: { SourceBackupId: 'backup-00000000deadbeef0' } },
  {
    op: 'CopyBackup',
    code: 'SourceBackupUnavailable',
    input: async (env) => ({ SourceBackupId: await creatingBackup(env) }),
    members: ['BackupId'],
  },
  { op: 'CopyBackup', code: 'UnsupportedOperation', input: { SourceBackupId: DEMO.backups.ontapVolume } },
  {
    op: 'CopyBackup',
    code: 'IncompatibleRegionForMultiAZ',
    input: { SourceBackupId: DEMO_SECOND_REGION.backups.windowsMultiAz, SourceRegion: 'us-west-2' },
    options: { noMultiAzRegions: ['us-east-1'] },
  },
  {
    op: 'CopyBackup',
    code: 'InvalidSourceKmsKey',
    input: async ({ client, clock }) => {
      const { FileSystem } = await client.send(
        new CreateFileSystemCommand({ ...openZfs, KmsKeyId: 'not-a-key' } as CreateFileSystemCommandInput),
      );
      clock.advance(1000);
      const { Backup } = await client.send(new CreateBackupCommand({ FileSystemId: FileSystem!.FileSystemId }));
      clock.advance(1000);
      return { SourceBackupId: Backup!.BackupId };
    },
  },
  { op: 'CopyBackup', code: 'InvalidDestinationKmsKey', input: { SourceBackupId: DEMO.backups.windowsUser, KmsKeyId: 'not-a-key' } },
  {
    op: 'CopyBackup',
    code: 'ServiceLimitExceeded',
    input: async ({ client }) => {
      for (let i = 0; i < 5; i++) await client.send(new CopyBackupCommand({ SourceBackupId: DEMO.backups.windowsUser }));
      return { SourceBackupId: DEMO.backups.windowsUser };
    },
    members: ['Limit'],
  },
  {
    op: 'CopyBackup',
    code: 'IncompatibleParameterError',
    input: twice('CopyBackup', { SourceBackupId: DEMO.backups.windowsUser }, { SourceBackupId: DEMO.backups.openzfsUser }),
    members: ['Parameter'],
  },
  // CreateFileSystemFromBackup.
  { op: 'CreateFileSystemFromBackup', code: 'BadRequest', input: { BackupId: DEMO.backups.windowsUser } },
  { op: 'CreateFileSystemFromBackup', code: 'BackupNotFound', input: { ...windowsRestore, BackupId: 'backup-00000000deadbeef0' } },
  {
    op: 'CreateFileSystemFromBackup',
    code: 'MissingFileSystemConfiguration',
    input: { ...windowsRestore, WindowsConfiguration: undefined },
  },
  {
    op: 'CreateFileSystemFromBackup',
    code: 'IncompatibleParameterError',
    input: { ...windowsRestore, OpenZFSConfiguration: { DeploymentType: 'SINGLE_AZ_1', ThroughputCapacity: 64 } },
    members: ['Parameter'],
  },
  {
    op: 'CreateFileSystemFromBackup',
    code: 'InvalidNetworkSettings',
    input: { ...windowsRestore, SecurityGroupIds: Array.from({ length: 6 }, (_, i) => `sg-0123456789abcdef${i}`) },
    members: ['InvalidSecurityGroupId'],
  },
  {
    op: 'CreateFileSystemFromBackup',
    code: 'InvalidPerUnitStorageThroughput',
    input: async ({ client, clock }) => {
      const { Backup } = await client.send(new CreateBackupCommand({ FileSystemId: DEMO.fileSystems.lustrePersistent }));
      clock.advance(1000);
      return { BackupId: Backup!.BackupId, SubnetIds: [SUBNET], LustreConfiguration: { PerUnitStorageThroughput: 12 } };
    },
  },
  {
    op: 'CreateFileSystemFromBackup',
    code: 'ServiceLimitExceeded',
    input: windowsRestore,
    options: { fileSystemQuota: 6 },
    members: ['Limit'],
  },
];

/** Every error code src/emulator constructs (`new FsxError('Code'` and its conditional forms). */
function codesInSource(): Set<string> {
  const root = join(__dirname, '..', '..', 'src', 'emulator');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts')) files.push(path);
    }
  };
  walk(root);
  const codes = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const call of text.matchAll(/new FsxError\(([^,]+),/g))
      for (const code of call[1].matchAll(/(?<!===\s*)'([A-Za-z]+)'/g)) codes.add(code[1]);
  }
  return codes;
}

describe('error bodies carry exactly the members of the model’s error shape', () => {
  const emitted = new Set<string>();

  it.each(SCENARIOS.map((s) => [s.op, s.code, s] as const))('%s → %s', async (op, code, scenario) => {
    const clock = new ManualClock(Date.UTC(2025, 0, 1));
    const env: TestEmulator = await startTestEmulator({ clock, backupDurationMs: 1000, fileSystemDurationMs: 1000, ...scenario.options });
    const west = fsxClientFor(env.emulator, 1, 'us-west-2');
    try {
      const prepared: Env = { url: env.emulator.url, client: env.client, west, clock };
      const input = typeof scenario.input === 'function' ? await scenario.input(prepared) : scenario.input;
      const body = typeof input === 'string' ? input : JSON.stringify(input);
      const headers = scenario.signedWith ? await scenario.signedWith(prepared) : scenario.region ? signedFor(scenario.region) : {};
      const res = await rawCall(env.emulator.url, op, body, headers);
      expect(res.json.__type).toBe(code);
      expect(res.status).toBe(code === 'InternalServerError' ? 500 : 400);
      expect(res.headers.get('x-amzn-errortype')).toBe(code);
      expect(typeof res.json.Message).toBe('string');
      const allowed = Object.prototype.hasOwnProperty.call(MODEL_ERROR_MEMBERS, code)
        ? [...MODEL_ERROR_MEMBERS[code as ModelErrorCode]]
        : ['Message'];
      expect(Object.keys(res.json).filter((k) => k !== '__type' && !allowed.includes(k))).toEqual([]);
      for (const member of scenario.members ?? []) expect(res.json[member]).toEqual(expect.any(String));
      // And it is an error the model lists for the operation (or answered before any operation runs).
      const listed = (MODEL_OPERATION_ERRORS as Record<string, readonly string[]>)[op] ?? MORE_OPERATION_ERRORS[op] ?? [];
      expect([...listed, ...PROTOCOL_ERRORS, ...(OUTSIDE_THE_MODEL_LIST[op] ?? [])]).toContain(code);
      emitted.add(code);
    } finally {
      west.destroy();
      await env.stop();
    }
  });

  it('the scenarios cover every error code the emulator source constructs, and every modelled error of CopyBackup and CreateFileSystemFromBackup but ActiveDirectoryError', () => {
    expect([...codesInSource()].filter((c) => !emitted.has(c))).toEqual([]);
    for (const op of ['CopyBackup', 'CreateFileSystemFromBackup'] as ModelOperation[]) {
      const missing = MODEL_OPERATION_ERRORS[op].filter(
        (c) => !SCENARIOS.some((s) => s.op === op && s.code === c) && c !== 'InternalServerError',
      );
      expect(missing).toEqual(op === 'CreateFileSystemFromBackup' ? ['ActiveDirectoryError'] : []);
    }
  });
});

describe('FsxError refuses members the model does not give the error', () => {
  it('at run time, for a code with members, one without, and one outside the model', () => {
    const make = (code: string, extra: Record<string, unknown>) => () => new FsxError(code, 'm', 400, extra as never);
    expect(make('BackupNotFound', { BackupId: 'backup-0123456789abcdef0' })).toThrow(/BackupNotFound cannot carry BackupId/);
    expect(make('ServiceLimitExceeded', { Limit: 'FILE_SYSTEM_COUNT', Extra: 1 })).toThrow(/cannot carry Extra/);
    expect(make('ThrottlingException', { Reason: 'x' })).toThrow(/no member/);
    expect(make('BackupRestoring', { FileSystemId: 'fs-0123456789abcdef0' })().extra).toEqual({ FileSystemId: 'fs-0123456789abcdef0' });
  });

  it('at compile time, for literal codes', () => {
    // @ts-expect-error BackupInProgress has only Message
    expect(() => new FsxError('BackupInProgress', 'm', 400, { BackupId: 'backup-0123456789abcdef0' })).toThrow();
    // @ts-expect-error ServiceLimitExceeded has Limit, not Parameter
    expect(() => new FsxError('ServiceLimitExceeded', 'm', 400, { Parameter: 'x' })).toThrow();
    expect(new FsxError('IncompatibleParameterError', 'm', 400, { Parameter: 'Tags' }).extra).toEqual({ Parameter: 'Tags' });
  });
});
