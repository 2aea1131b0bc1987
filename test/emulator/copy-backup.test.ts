import {
  CopyBackupCommand,
  type CopyBackupCommandInput,
  CreateBackupCommand,
  CreateFileSystemCommand,
  DeleteBackupCommand,
  DescribeBackupsCommand,
  type FSxClient,
  type Tag,
} from '@aws-sdk/client-fsx';
import { DEMO, DEMO_SECOND_REGION, ManualClock } from '../../src/emulator';
import { fsxClientFor, rawCall, rejection, startTestEmulator, type TestEmulator, useTestEmulator } from '../support/emulator';

const ACCOUNT = '123456789012';
const WEST = { Authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20260101/us-west-2/fsx/aws4_request, SignedHeaders=host, Signature=00' };
const tags = (n: number, prefix = 'k'): Tag[] => Array.from({ length: n }, (_, i) => ({ Key: `${prefix}${i}`, Value: `v${i}` }));

describe('CopyBackup', () => {
  const clock = new ManualClock(Date.UTC(2025, 0, 1));
  const env = useTestEmulator({ clock, backupDurationMs: 3000 });
  let west: FSxClient;
  beforeAll(() => {
    west = fsxClientFor(env.emulator, 1, 'us-west-2');
  });
  afterAll(() => west.destroy());
  // Each test may leave copies COPYING; moving the clock finishes them.
  afterEach(() => clock.advance(60_000));

  const copyEast = (input: CopyBackupCommandInput) => env.client.send(new CopyBackupCommand(input));
  const copyWest = (input: CopyBackupCommandInput) => west.send(new CopyBackupCommand(input));
  const describe1 = async (client: FSxClient, id: string) =>
    (await client.send(new DescribeBackupsCommand({ BackupIds: [id] }))).Backups![0];

  describe('in-Region and cross-Region copies', () => {
    it('in-Region: COPYING with ProgressPercent rising until AVAILABLE; source named, file system snapshot and key kept', async () => {
      const source = await describe1(env.client, DEMO.backups.windowsUser);
      const { Backup } = await copyEast({ SourceBackupId: DEMO.backups.windowsUser });
      const id = Backup!.BackupId!;
      expect(id).toMatch(/^backup-[0-9a-f]{17}$/);
      expect(Backup).toMatchObject({
        Lifecycle: 'COPYING',
        ProgressPercent: 0,
        Type: 'USER_INITIATED',
        SourceBackupId: DEMO.backups.windowsUser,
        SourceBackupRegion: 'us-east-1',
        OwnerId: ACCOUNT,
        ResourceARN: `arn:aws:fsx:us-east-1:${ACCOUNT}:backup/${id}`,
        KmsKeyId: source.KmsKeyId,
        Tags: [],
        DirectoryInformation: source.DirectoryInformation,
      });
      expect(Backup!.FileSystem).toEqual(source.FileSystem);
      clock.advance(1500);
      expect(await describe1(env.client, id)).toMatchObject({ Lifecycle: 'COPYING', ProgressPercent: 50 });
      clock.advance(1500);
      expect(await describe1(env.client, id)).toMatchObject({ Lifecycle: 'AVAILABLE', ProgressPercent: 100 });
    });

    it('cross-Region: the copy lives in the request region, encrypted with its aws/fsx key; its FileSystem keeps the source region', async () => {
      const { Backup } = await copyWest({ SourceBackupId: DEMO.backups.openzfsUser, SourceRegion: 'us-east-1' });
      const id = Backup!.BackupId!;
      expect(Backup).toMatchObject({
        Lifecycle: 'COPYING',
        SourceBackupId: DEMO.backups.openzfsUser,
        SourceBackupRegion: 'us-east-1',
        ResourceARN: `arn:aws:fsx:us-west-2:${ACCOUNT}:backup/${id}`,
        KmsKeyId: expect.stringMatching(/^arn:aws:kms:us-west-2:123456789012:key\//),
        FileSystem: {
          FileSystemId: DEMO.fileSystems.openzfs,
          ResourceARN: `arn:aws:fsx:us-east-1:${ACCOUNT}:file-system/${DEMO.fileSystems.openzfs}`,
        },
      });
      expect((await describe1(west, id)).BackupId).toBe(id);
      await expect(env.client.send(new DescribeBackupsCommand({ BackupIds: [id] }))).rejects.toMatchObject({ name: 'BackupNotFound' });
      // And back: a us-west-2 backup copied into us-east-1.
      const back = await copyEast({ SourceBackupId: DEMO_SECOND_REGION.backups.openzfs, SourceRegion: 'us-west-2' });
      expect(back.Backup).toMatchObject({ SourceBackupRegion: 'us-west-2', ResourceARN: expect.stringContaining(':us-east-1:') });
    });

    it('a copy in progress is no backup in progress of its file system: CreateBackup of it proceeds', async () => {
      await copyEast({ SourceBackupId: DEMO.backups.windowsUser });
      const { Backup } = await env.client.send(new CreateBackupCommand({ FileSystemId: DEMO.fileSystems.windows }));
      expect(Backup!.Lifecycle).toBe('CREATING');
    });

    it('a copy can be copied once AVAILABLE, and an AUTOMATIC backup can be copied', async () => {
      const first = await copyEast({ SourceBackupId: DEMO.backups.windowsAutomatic });
      expect(first.Backup!.Type).toBe('USER_INITIATED');
      clock.advance(3000);
      const second = await copyWest({ SourceBackupId: first.Backup!.BackupId, SourceRegion: 'us-east-1' });
      expect(second.Backup!.SourceBackupId).toBe(first.Backup!.BackupId);
    });

    it('KmsKeyId: a key of the destination region (id, ARN, alias) encrypts the copy', async () => {
      const arn = 'arn:aws:kms:us-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
      for (const KmsKeyId of [
        arn,
        '1234abcd-12ab-34cd-56ef-1234567890ab',
        'alias/dr-backups',
        'arn:aws:kms:us-west-2:123456789012:alias/dr',
      ]) {
        const { Backup } = await copyWest({ SourceBackupId: DEMO.backups.windowsUser, SourceRegion: 'us-east-1', KmsKeyId });
        expect(Backup!.KmsKeyId).toBe(KmsKeyId);
        clock.advance(3000);
      }
    });
  });

  describe('tags', () => {
    const sourceTags = [
      { Key: 'Name', Value: 'demo-windows' },
      { Key: 'team', Value: 'finance' },
    ];

    it('CopyTags copies the source tags; Tags alone are the copy tags; neither: no tags', async () => {
      expect((await copyEast({ SourceBackupId: DEMO.backups.windowsAutomatic, CopyTags: true })).Backup!.Tags).toEqual(sourceTags);
      expect((await copyEast({ SourceBackupId: DEMO.backups.windowsAutomatic, Tags: [{ Key: 'x', Value: '1' }] })).Backup!.Tags).toEqual([
        { Key: 'x', Value: '1' },
      ]);
      expect((await copyEast({ SourceBackupId: DEMO.backups.windowsAutomatic, CopyTags: false })).Backup!.Tags).toEqual([]);
    });

    it('CopyTags with Tags merges both, Tags winning a conflict (as the API reference says)', async () => {
      const { Backup } = await copyEast({
        SourceBackupId: DEMO.backups.windowsAutomatic,
        CopyTags: true,
        Tags: [
          { Key: 'team', Value: 'dr' },
          { Key: 'copy', Value: 'yes' },
        ],
      });
      expect(Backup!.Tags).toEqual([
        { Key: 'Name', Value: 'demo-windows' },
        { Key: 'team', Value: 'dr' },
        { Key: 'copy', Value: 'yes' },
      ]);
    });

    it('more than 50 tags merged → ServiceLimitExceeded TOTAL_USER_TAGS; exactly 50 is fine', async () => {
      const { Backup } = await env.client.send(new CreateBackupCommand({ FileSystemId: DEMO.fileSystems.openzfs, Tags: tags(49) }));
      clock.advance(3000);
      const SourceBackupId = Backup!.BackupId;
      const ok = await copyEast({ SourceBackupId, CopyTags: true, Tags: [{ Key: 'k0', Value: 'new' }, ...tags(1, 'extra')] });
      expect(ok.Backup!.Tags).toHaveLength(50);
      const err = await rejection(copyEast({ SourceBackupId, CopyTags: true, Tags: tags(2, 'extra') }));
      expect(err).toMatchObject({ name: 'ServiceLimitExceeded', Limit: 'TOTAL_USER_TAGS' });
    });
  });

  describe('idempotency by ClientRequestToken', () => {
    it('same token and parameters → the same copy, also once AVAILABLE; an omitted SourceRegion equals the request region', async () => {
      const input = { SourceBackupId: DEMO.backups.windowsUser, ClientRequestToken: 'copy-1', Tags: tags(2) };
      const first = await copyEast(input);
      const again = await copyEast({ ...input, SourceRegion: 'us-east-1', CopyTags: false, Tags: [...input.Tags].reverse() });
      expect(again.Backup!.BackupId).toBe(first.Backup!.BackupId);
      clock.advance(3000);
      const later = await copyEast(input);
      expect(later.Backup).toMatchObject({ BackupId: first.Backup!.BackupId, Lifecycle: 'AVAILABLE' });
    });

    const base = { SourceBackupId: DEMO.backups.windowsUser };
    const west2 = { SourceBackupId: DEMO_SECOND_REGION.backups.openzfs, SourceRegion: 'us-west-2' };
    it.each([
      ['SourceBackupId', base, { SourceBackupId: DEMO.backups.openzfsUser }],
      ['CopyTags', base, { ...base, CopyTags: true }],
      ['KmsKeyId', base, { ...base, KmsKeyId: 'alias/other' }],
      ['Tags', base, { ...base, Tags: [{ Key: 'k', Value: 'v' }] }],
      ['SourceRegion', west2, { SourceBackupId: west2.SourceBackupId }],
    ])('same token, different %s → IncompatibleParameterError naming it', async (parameter, first, second) => {
      await copyEast({ ...first, ClientRequestToken: `tok-${parameter}` });
      const err = await rejection(copyEast({ ...second, ClientRequestToken: `tok-${parameter}` }));
      expect(err).toMatchObject({ name: 'IncompatibleParameterError', Parameter: parameter });
    });

    it('a replay succeeds even where a new copy would now hit the in-progress limit', async () => {
      const first = await copyEast({ SourceBackupId: DEMO.backups.windowsUser, ClientRequestToken: 'replay' });
      for (let i = 0; i < 4; i++) await copyEast({ SourceBackupId: DEMO.backups.windowsUser });
      await expect(copyEast({ SourceBackupId: DEMO.backups.windowsUser })).rejects.toMatchObject({ name: 'ServiceLimitExceeded' });
      const replay = await copyEast({ SourceBackupId: DEMO.backups.windowsUser, ClientRequestToken: 'replay' });
      expect(replay.Backup!.BackupId).toBe(first.Backup!.BackupId);
    });

    it('concurrent calls with one token make one copy; tokens are per destination region', async () => {
      const input = { SourceBackupId: DEMO.backups.windowsUser, SourceRegion: 'us-east-1', ClientRequestToken: 'burst' };
      const ids = await Promise.all(Array.from({ length: 20 }, () => copyWest(input).then((r) => r.Backup!.BackupId)));
      expect(new Set(ids).size).toBe(1);
      const east = await copyEast(input);
      expect(east.Backup!.BackupId).not.toBe(ids[0]);
    });
  });

  describe('errors', () => {
    it('BackupNotFound: no such backup in the source region', async () => {
      const unknown = await rejection(copyEast({ SourceBackupId: 'backup-00000000deadbeef0' }));
      expect(unknown).toMatchObject({ name: 'BackupNotFound', message: expect.stringContaining('backup-00000000deadbeef0') });
      // It exists, but in us-west-2, and SourceRegion defaults to the request region.
      await expect(copyEast({ SourceBackupId: DEMO_SECOND_REGION.backups.openzfs })).rejects.toMatchObject({ name: 'BackupNotFound' });
    });

    it('SourceBackupUnavailable (with BackupId) while the source is CREATING or COPYING', async () => {
      const { Backup } = await env.client.send(new CreateBackupCommand({ FileSystemId: DEMO.fileSystems.openzfs }));
      const res = await rawCall(env.emulator.url, 'CopyBackup', JSON.stringify({ SourceBackupId: Backup!.BackupId }));
      expect(res.status).toBe(400);
      expect(res.json).toEqual({
        __type: 'SourceBackupUnavailable',
        Message: expect.stringContaining('CREATING'),
        BackupId: Backup!.BackupId,
      });
      const copy = await copyEast({ SourceBackupId: DEMO.backups.windowsUser });
      const err = await rejection(copyWest({ SourceBackupId: copy.Backup!.BackupId, SourceRegion: 'us-east-1' }));
      expect(err).toMatchObject({ name: 'SourceBackupUnavailable', BackupId: copy.Backup!.BackupId });
      clock.advance(3000);
      await copyWest({ SourceBackupId: copy.Backup!.BackupId, SourceRegion: 'us-east-1' });
    });

    it('UnsupportedOperation for an ONTAP volume backup', async () => {
      const err = await rejection(copyEast({ SourceBackupId: DEMO.backups.ontapVolume }));
      expect(err).toMatchObject({ name: 'UnsupportedOperation', message: expect.stringContaining('volume backup') });
    });

    it('InvalidRegion: SourceRegion no AWS Region at all, or one of another partition', async () => {
      for (const SourceRegion of ['mars', 'us-east', 'xx-nowhere-9', 'eu-west-99']) {
        const err = await rejection(copyEast({ SourceBackupId: DEMO.backups.windowsUser, SourceRegion }));
        expect(err).toMatchObject({ name: 'InvalidRegion', message: `SourceRegion '${SourceRegion}' is not a valid AWS Region.` });
      }
      const china = await rejection(copyEast({ SourceBackupId: DEMO.backups.windowsUser, SourceRegion: 'cn-north-1' }));
      expect(china).toMatchObject({ name: 'InvalidRegion', message: expect.stringContaining('partition aws-cn') });
    });

    it('a real AWS Region the emulator does not serve is an empty FSx Region: BackupNotFound there', async () => {
      for (const SourceRegion of ['eu-west-1', 'ap-southeast-2']) {
        const err = await rejection(copyEast({ SourceBackupId: DEMO.backups.windowsUser, SourceRegion }));
        expect(err).toMatchObject({
          name: 'BackupNotFound',
          message: `Backup '${DEMO.backups.windowsUser}' does not exist in ${SourceRegion}.`,
        });
      }
      const res = await rawCall(
        env.emulator.url,
        'CopyBackup',
        JSON.stringify({ SourceBackupId: DEMO.backups.windowsUser, SourceRegion: 'eu-west-1' }),
      );
      expect(res.status).toBe(400);
      expect(res.json).toEqual({ __type: 'BackupNotFound', Message: expect.stringContaining('eu-west-1') });
      // Nothing was copied into the destination.
      const { Backups } = await env.client.send(
        new DescribeBackupsCommand({ Filters: [{ Name: 'backup-type', Values: ['USER_INITIATED'] }] }),
      );
      expect(Backups!.filter((b) => b.SourceBackupRegion === 'eu-west-1')).toEqual([]);
    });

    it('InvalidDestinationKmsKey: not a KMS key identifier, or a key of another region', async () => {
      for (const KmsKeyId of ['not-a-key', 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab']) {
        const err = await rejection(copyWest({ SourceBackupId: DEMO.backups.windowsUser, SourceRegion: 'us-east-1', KmsKeyId }));
        expect(err.name).toBe('InvalidDestinationKmsKey');
      }
    });

    it('InvalidSourceKmsKey: the source backup carries a key that is not a KMS key of its region', async () => {
      // CreateFileSystem checks KmsKeyId only against the model (1-2048 characters), so such a source can exist.
      const { FileSystem } = await env.client.send(
        new CreateFileSystemCommand({
          FileSystemType: 'OPENZFS',
          StorageCapacity: 64,
          SubnetIds: ['subnet-0123456789abcdef0'],
          KmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
          OpenZFSConfiguration: { DeploymentType: 'SINGLE_AZ_1', ThroughputCapacity: 64 },
        }),
      );
      clock.advance(60_000);
      const { Backup } = await env.client.send(new CreateBackupCommand({ FileSystemId: FileSystem!.FileSystemId }));
      clock.advance(3000);
      const err = await rejection(copyWest({ SourceBackupId: Backup!.BackupId, SourceRegion: 'us-east-1' }));
      expect(err).toMatchObject({ name: 'InvalidSourceKmsKey', message: expect.stringContaining('eu-west-1') });
    });

    it('ServiceLimitExceeded TOTAL_IN_PROGRESS_COPY_BACKUPS: at most 5 copies in progress per destination region', async () => {
      for (let i = 0; i < 5; i++) await copyWest({ SourceBackupId: DEMO.backups.windowsUser, SourceRegion: 'us-east-1' });
      const err = await rejection(copyWest({ SourceBackupId: DEMO.backups.openzfsUser, SourceRegion: 'us-east-1' }));
      expect(err).toMatchObject({ name: 'ServiceLimitExceeded', Limit: 'TOTAL_IN_PROGRESS_COPY_BACKUPS' });
      expect(err.$metadata.httpStatusCode).toBe(400);
      // Another destination region has its own five.
      await copyEast({ SourceBackupId: DEMO.backups.windowsUser });
      clock.advance(3000);
      await copyWest({ SourceBackupId: DEMO.backups.openzfsUser, SourceRegion: 'us-east-1' });
    });

    it.each([
      ['SourceBackupId', {}],
      ['SourceBackupId', { SourceBackupId: 'backup-xyz' }],
      ['SourceRegion', { SourceBackupId: DEMO.backups.windowsUser, SourceRegion: 'US-EAST-1' }],
      ['SourceRegion', { SourceBackupId: DEMO.backups.windowsUser, SourceRegion: 'a'.repeat(21) }],
      ['SourceRegion', { SourceBackupId: DEMO.backups.windowsUser, SourceRegion: '' }],
      ['KmsKeyId', { SourceBackupId: DEMO.backups.windowsUser, KmsKeyId: '' }],
      ['KmsKeyId', { SourceBackupId: DEMO.backups.windowsUser, KmsKeyId: 'k'.repeat(2049) }],
      ['CopyTags', { SourceBackupId: DEMO.backups.windowsUser, CopyTags: 'yes' }],
      ['Tags', { SourceBackupId: DEMO.backups.windowsUser, Tags: [] }],
      ['Tags[0].Key', { SourceBackupId: DEMO.backups.windowsUser, Tags: [{ Key: 'aws:x', Value: 'v' }] }],
      ['ClientRequestToken', { SourceBackupId: DEMO.backups.windowsUser, ClientRequestToken: 'bad token' }],
    ])('BadRequest naming %s (case %#)', async (member, input) => {
      const res = await rawCall(env.emulator.url, 'CopyBackup', JSON.stringify(input));
      expect(res.status).toBe(400);
      expect(res.json).toEqual({ __type: 'BadRequest', Message: expect.stringContaining(member) });
    });

    it('an injected fault reaches CopyBackup before it copies anything', async () => {
      env.emulator.faults.set([{ operation: 'CopyBackup', error: 'InternalServerError', times: 1 }]);
      await expect(copyEast({ SourceBackupId: DEMO.backups.windowsUser })).rejects.toMatchObject({ name: 'InternalServerError' });
      const { Backups } = await env.client.send(new DescribeBackupsCommand({}));
      expect(Backups!.filter((b) => b.SourceBackupId)).toEqual([]);
    });
  });

  describe('DeleteBackup and copies', () => {
    it('BackupBeingCopied (with BackupId) for the source while a copy is COPYING, in any region; deletable after', async () => {
      const copy = await copyWest({ SourceBackupId: DEMO.backups.windowsUser, SourceRegion: 'us-east-1' });
      const res = await rawCall(env.emulator.url, 'DeleteBackup', JSON.stringify({ BackupId: DEMO.backups.windowsUser }));
      expect(res.status).toBe(400);
      expect(res.json).toEqual({
        __type: 'BackupBeingCopied',
        Message: expect.stringContaining(copy.Backup!.BackupId!),
        BackupId: DEMO.backups.windowsUser,
      });
      // The copy itself is not finished either.
      const own = await rawCall(env.emulator.url, 'DeleteBackup', JSON.stringify({ BackupId: copy.Backup!.BackupId }), WEST);
      expect(own.json.__type).toBe('BackupInProgress');
      clock.advance(3000);
      await env.client.send(new DeleteBackupCommand({ BackupId: DEMO.backups.windowsUser }));
      // The copy outlives its source.
      expect(await describe1(west, copy.Backup!.BackupId!)).toMatchObject({
        Lifecycle: 'AVAILABLE',
        SourceBackupId: DEMO.backups.windowsUser,
      });
    });

    it('deleting a copy forgets its token: a replay makes a new copy', async () => {
      const first = await copyEast({ SourceBackupId: DEMO.backups.windowsUser, ClientRequestToken: 'gone' });
      clock.advance(3000);
      await env.client.send(new DeleteBackupCommand({ BackupId: first.Backup!.BackupId }));
      const again = await copyEast({ SourceBackupId: DEMO.backups.windowsUser, ClientRequestToken: 'gone' });
      expect(again.Backup!.BackupId).not.toBe(first.Backup!.BackupId);
    });
  });
});

describe('CopyBackup across configurations', () => {
  let env: TestEmulator;
  afterEach(() => env.stop());

  it('IncompatibleRegionForMultiAZ: a Windows MULTI_AZ_1 backup into a region without Multi-AZ (noMultiAzRegions)', async () => {
    env = await startTestEmulator({ backupDurationMs: 0, noMultiAzRegions: ['us-east-1'] });
    const err = await rejection(
      env.client.send(new CopyBackupCommand({ SourceBackupId: DEMO_SECOND_REGION.backups.windowsMultiAz, SourceRegion: 'us-west-2' })),
    );
    expect(err).toMatchObject({ name: 'IncompatibleRegionForMultiAZ', message: expect.stringContaining('us-east-1') });
    // Other backups are copied there; and a region with Multi-AZ takes the Windows one.
    await env.client.send(new CopyBackupCommand({ SourceBackupId: DEMO_SECOND_REGION.backups.openzfs, SourceRegion: 'us-west-2' }));
    await env.client.send(new CopyBackupCommand({ SourceBackupId: DEMO.backups.windowsUser }));
    const west = fsxClientFor(env.emulator, 1, 'us-west-2');
    try {
      const { Backup } = await west.send(new CopyBackupCommand({ SourceBackupId: DEMO_SECOND_REGION.backups.windowsMultiAz }));
      expect(Backup!.Lifecycle).toBe('AVAILABLE');
    } finally {
      west.destroy();
    }
  });

  it('InvalidRegion for a SourceRegion in another partition', async () => {
    env = await startTestEmulator({ backupDurationMs: 0, regions: ['us-east-1', 'cn-north-1'] });
    const err = await rejection(
      env.client.send(new CopyBackupCommand({ SourceBackupId: DEMO_SECOND_REGION.backups.openzfs, SourceRegion: 'cn-north-1' })),
    );
    expect(err).toMatchObject({ name: 'InvalidRegion', message: expect.stringContaining('partition') });
  });

  it('a copy counts against the user-initiated backup quota (TOTAL_USER_INITIATED_BACKUPS)', async () => {
    env = await startTestEmulator({ backupDurationMs: 0, backupQuota: 3 });
    const err = await rejection(env.client.send(new CopyBackupCommand({ SourceBackupId: DEMO.backups.windowsUser })));
    expect(err).toMatchObject({ name: 'ServiceLimitExceeded', Limit: 'TOTAL_USER_INITIATED_BACKUPS' });
  });

  it('with backupDurationMs 0 a copy is AVAILABLE at once', async () => {
    env = await startTestEmulator({ backupDurationMs: 0 });
    const { Backup } = await env.client.send(new CopyBackupCommand({ SourceBackupId: DEMO.backups.windowsUser }));
    expect(Backup).toMatchObject({ Lifecycle: 'AVAILABLE', ProgressPercent: 100 });
  });
});
