import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { DEMO, DEMO_ACCOUNT_ESTATE, DEMO_ACCOUNTS, DEMO_SECOND_REGION, type RunningEmulator, startEmulator } from '../../src/emulator';

const run = promisify(execFile);

function hasAwsCli(): boolean {
  try {
    execFileSync('aws', ['--version'], { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

// The AWS CLI is installed on the project's machines; elsewhere this suite is skipped, not failed.
const describeIfCli = hasAwsCli() ? describe : describe.skip;

/** The CLI's environment: dummy keys, us-east-1, and nothing read from this machine's AWS config or pager. */
const CLI_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_CONFIG_FILE: '/dev/null',
  AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  AWS_PAGER: '',
};

/** `aws <args>` against the emulator at `endpointUrl`, under `env`: its JSON answer. */
async function awsJson(endpointUrl: string, env: NodeJS.ProcessEnv, args: string[]) {
  const { stdout } = await run('aws', [...args, '--endpoint-url', endpointUrl, '--output', 'json'], { env, timeout: 20_000 });
  return JSON.parse(stdout);
}

/** That the CLI call `answer` fails with `text` in its stderr (an FSx or STS error code shows as "(Code)"). */
const failsWith = (answer: Promise<unknown>, text: string) =>
  expect(answer).rejects.toMatchObject({ stderr: expect.stringContaining(text) });

describeIfCli('AWS CLI against the emulator', () => {
  let emulator: RunningEmulator;
  const aws = (...args: string[]) => awsJson(emulator.url, CLI_ENV, ['fsx', ...args]);
  const ids = (list: Array<{ FileSystemId?: string; BackupId?: string }>) => list.map((x) => x.FileSystemId ?? x.BackupId);

  beforeAll(async () => {
    emulator = await startEmulator({ backupDurationMs: 0 });
  });
  afterAll(() => emulator.stop());

  it('describe-file-systems and describe-backups work unmodified', async () => {
    const [fileSystems, backups] = await Promise.all([
      aws('describe-file-systems'),
      aws('describe-backups', '--filters', 'Name=backup-type,Values=AUTOMATIC'),
    ]);
    expect(fileSystems.FileSystems.map((f: { FileSystemId: string }) => f.FileSystemId)).toEqual(Object.values(DEMO.fileSystems));
    expect(backups.Backups.map((b: { BackupId: string }) => b.BackupId)).toEqual([DEMO.backups.windowsAutomatic]);
  });

  it('create-backup works and errors come back as FSx error codes', async () => {
    const created = await aws('create-backup', '--file-system-id', DEMO.fileSystems.openzfs, '--tags', 'Key=Name,Value=cli');
    expect(created.Backup).toMatchObject({ Lifecycle: 'AVAILABLE', Type: 'USER_INITIATED', Tags: [{ Key: 'Name', Value: 'cli' }] });
    await failsWith(aws('create-backup', '--file-system-id', DEMO.fileSystems.ontap), '(UnsupportedOperation)');
  });

  it('a request signed for us-west-2 sees only us-west-2', async () => {
    const [fileSystems, backups] = await Promise.all([
      aws('describe-file-systems', '--region', 'us-west-2'),
      aws('describe-backups', '--region', 'us-west-2'),
    ]);
    expect(ids(fileSystems.FileSystems)).toEqual(Object.values(DEMO_SECOND_REGION.fileSystems));
    expect(ids(backups.Backups)).toEqual(Object.values(DEMO_SECOND_REGION.backups));
    await failsWith(
      aws('describe-file-systems', '--region', 'us-west-2', '--file-system-ids', DEMO.fileSystems.windows),
      '(FileSystemNotFound)',
    );
    await failsWith(aws('describe-file-systems', '--region', 'eu-north-1'), 'This emulator serves: us-east-1, us-west-2');
  });

  it('copy-backup copies across regions; the copy is seen from its region', async () => {
    const { Backup } = await aws(
      'copy-backup',
      '--region',
      'us-west-2',
      '--source-region',
      'us-east-1',
      '--source-backup-id',
      DEMO.backups.windowsUser,
      '--copy-tags',
    );
    expect(Backup).toMatchObject({ SourceBackupId: DEMO.backups.windowsUser, SourceBackupRegion: 'us-east-1', Lifecycle: 'AVAILABLE' });
    expect(Backup.ResourceARN).toContain(':us-west-2:');
    const described = await aws('describe-backups', '--region', 'us-west-2', '--backup-ids', Backup.BackupId);
    expect(described.Backups[0].Tags).toEqual([{ Key: 'Name', Value: 'before-upgrade' }]);
    await failsWith(aws('copy-backup', '--source-backup-id', DEMO.backups.ontapVolume), '(UnsupportedOperation)');
  });

  it('describe-volumes, create-backup --volume-id, update-file-system and delete-volume work unmodified', async () => {
    const volumes = await aws('describe-volumes', '--filters', `Name=file-system-id,Values=${DEMO.fileSystems.ontap}`);
    expect(volumes.Volumes.map((v: { VolumeId: string }) => v.VolumeId)).toEqual([DEMO.volumes.ontap, DEMO.volumes.ontapSecond]);
    const { Backup } = await aws('create-backup', '--volume-id', DEMO.volumes.ontapSecond);
    expect(Backup).toMatchObject({ ResourceType: 'VOLUME', Volume: { VolumeId: DEMO.volumes.ontapSecond } });
    const updated = await aws(
      'update-file-system',
      '--file-system-id',
      DEMO.fileSystems.openzfs,
      '--open-zfs-configuration',
      'AutomaticBackupRetentionDays=3,DailyAutomaticBackupStartTime=01:00,CopyTagsToBackups=true',
    );
    expect(updated.FileSystem.OpenZFSConfiguration).toMatchObject({
      AutomaticBackupRetentionDays: 3,
      DailyAutomaticBackupStartTime: '01:00',
    });
    const deleted = await aws('delete-volume', '--volume-id', DEMO.volumes.ontapSecond, '--ontap-configuration', 'SkipFinalBackup=true');
    expect(deleted).toMatchObject({ VolumeId: DEMO.volumes.ontapSecond, Lifecycle: 'DELETING' });
    await failsWith(aws('describe-volumes', '--volume-ids', 'fsvol-00000000000000000'), '(VolumeNotFound)');
  });
  it('describe-storage-virtual-machines lists the demo SVM, by filter and by id; an unknown id is StorageVirtualMachineNotFound', async () => {
    const [all, filtered, byId] = await Promise.all([
      aws('describe-storage-virtual-machines'),
      aws('describe-storage-virtual-machines', '--filters', `Name=file-system-id,Values=${DEMO.fileSystems.ontap}`),
      aws('describe-storage-virtual-machines', '--storage-virtual-machine-ids', DEMO.storageVirtualMachines.ontap),
    ]);
    const demo = {
      StorageVirtualMachineId: DEMO.storageVirtualMachines.ontap,
      FileSystemId: DEMO.fileSystems.ontap,
      Name: 'svm1',
      Lifecycle: 'CREATED',
      Subtype: 'DEFAULT',
      ResourceARN: `arn:aws:fsx:us-east-1:123456789012:storage-virtual-machine/${DEMO.fileSystems.ontap}/${DEMO.storageVirtualMachines.ontap}`,
    };
    for (const answer of [all, filtered, byId]) expect(answer.StorageVirtualMachines).toEqual([expect.objectContaining(demo)]);
    expect(all.StorageVirtualMachines[0].Endpoints.Management.DNSName).toBe(
      `management.${DEMO.storageVirtualMachines.ontap}.${DEMO.fileSystems.ontap}.fsx.us-east-1.amazonaws.com`,
    );
    expect((await aws('describe-storage-virtual-machines', '--region', 'us-west-2')).StorageVirtualMachines).toEqual([]);
    await failsWith(
      aws('describe-storage-virtual-machines', '--storage-virtual-machine-ids', 'svm-0000000000000dead'),
      '(StorageVirtualMachineNotFound)',
    );
  });

  it('create-file-system --windows-configuration without a retention: 30 days, the documented default', async () => {
    const { FileSystem } = await aws(
      'create-file-system',
      '--file-system-type',
      'WINDOWS',
      '--storage-capacity',
      '32',
      '--subnet-ids',
      'subnet-0123456789abcdef0',
      '--windows-configuration',
      'ThroughputCapacity=8',
    );
    expect(FileSystem.WindowsConfiguration).toMatchObject({ AutomaticBackupRetentionDays: 30, ThroughputCapacity: 8 });
  });
});

describeIfCli('AWS CLI: STS on the emulator, and FSx with the credentials it issues', () => {
  let emulator: RunningEmulator;
  const aws = (env: NodeJS.ProcessEnv, ...args: string[]) => awsJson(emulator.url, env, args);

  beforeAll(async () => {
    emulator = await startEmulator({ accounts: [...DEMO_ACCOUNTS] });
  });
  afterAll(() => emulator.stop());

  it('assume-role, then get-caller-identity and describe-file-systems with the returned credentials see the other account', async () => {
    const [, other] = DEMO_ACCOUNTS;
    expect(await aws(CLI_ENV, 'sts', 'get-caller-identity')).toMatchObject({ Account: DEMO_ACCOUNTS[0] });
    const { Credentials, AssumedRoleUser } = await aws(
      CLI_ENV,
      'sts',
      'assume-role',
      '--role-arn',
      `arn:aws:iam::${other}:role/x`,
      '--role-session-name',
      'cli-session',
    );
    expect(AssumedRoleUser.Arn).toBe(`arn:aws:sts::${other}:assumed-role/x/cli-session`);
    const assumed = {
      ...CLI_ENV,
      AWS_ACCESS_KEY_ID: Credentials.AccessKeyId,
      AWS_SECRET_ACCESS_KEY: Credentials.SecretAccessKey,
      AWS_SESSION_TOKEN: Credentials.SessionToken,
    };
    expect(await aws(assumed, 'sts', 'get-caller-identity')).toEqual({
      UserId: expect.stringMatching(/^AROA[A-Z2-7]{17}:cli-session$/),
      Account: other,
      Arn: AssumedRoleUser.Arn,
    });
    const { FileSystems } = await aws(assumed, 'fsx', 'describe-file-systems');
    expect(FileSystems.map((f: { FileSystemId: string; OwnerId: string }) => [f.FileSystemId, f.OwnerId])).toEqual(
      Object.values(DEMO_ACCOUNT_ESTATE(other).fileSystems).map((id) => [id, other]),
    );
    expect(emulator.calls.at(-1)).toMatchObject({ service: 'fsx', operation: 'DescribeFileSystems', account: other });
    // STS errors reach the CLI with their codes.
    await failsWith(
      aws(CLI_ENV, 'sts', 'assume-role', '--role-arn', 'arn:aws:iam::999999999999:role/x', '--role-session-name', 'cli-session'),
      '(AccessDenied)',
    );
    await failsWith(aws({ ...assumed, AWS_SESSION_TOKEN: 'forged' }, 'fsx', 'describe-backups'), '(UnrecognizedClientException)');
  });
});
