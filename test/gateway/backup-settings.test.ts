import { DEMO, ManualClock } from '../../src/emulator';
import { testApiKeys } from '../support/api-keys';
import { type TestGateway, startTestGateway } from '../support/gateway';

/**
 * FileSystem.backupSettings and updateBackupSettings (FSx UpdateFileSystem, the automatic-backup
 * settings only), end to end: the per-type configuration, the model's bounds, the settings a type
 * cannot change, scopes and hidden file systems, and the emulator's automatic backups following a
 * changed window on a manual clock.
 */

const UPDATE = /* GraphQL */ `
  mutation Update($input: UpdateBackupSettingsInput!) {
    updateBackupSettings(input: $input) {
      __typename
      ... on UpdateBackupSettingsSuccess {
        fileSystem {
          fileSystemId
          fileSystemType
          backupSettings {
            automaticBackupRetentionDays
            dailyAutomaticBackupStartTime
            copyTagsToBackups
          }
        }
      }
      ... on ErrorResult {
        message
        retryable
        requestId
      }
      ... on FileSystemNotFound {
        fileSystemId
      }
      ... on Forbidden {
        missingScopes
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

const SETTINGS = /* GraphQL */ `
  query Settings($id: String!) {
    fileSystem(fileSystemId: $id) {
      ... on FileSystem {
        backupSettings {
          automaticBackupRetentionDays
          dailyAutomaticBackupStartTime
          copyTagsToBackups
        }
      }
    }
  }
`;

const DAY = 86_400_000;
const HOUR = 3_600_000;

describe('backup settings', () => {
  // Midnight UTC: the demo windows (Windows and ONTAP 05:00, OpenZFS 06:00) are ahead.
  const clock = new ManualClock(Date.UTC(2025, 0, 1));
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ clock });
  });
  afterAll(() => t.stop());
  beforeEach(() => {
    clock.set(Date.UTC(2025, 0, 1));
    t.emulator.reset();
    t.emulator.calls.clear();
  });

  const settingsOf = async (id: string) => (await t.gql(SETTINGS, { id })).body.data.fileSystem.backupSettings;
  const update = async (input: Record<string, unknown>) => {
    const res = await t.gql(UPDATE, { input });
    expect(res.body.errors).toBeUndefined();
    return res.body.data.updateBackupSettings;
  };
  const updateFileSystemInputs = () => t.emulator.calls.filter((c) => c.operation === 'UpdateFileSystem').map((c) => c.input);

  test('FileSystem.backupSettings reads the configuration of each type, without another FSx call', async () => {
    const res = await t.gql(`{ fileSystems(first: 10) { ... on FileSystemConnection { edges { node { fileSystemId fileSystemType
      backupSettings { automaticBackupRetentionDays dailyAutomaticBackupStartTime copyTagsToBackups } } } } } }`);
    expect(res.body.errors).toBeUndefined();
    const byId = Object.fromEntries(res.body.data.fileSystems.edges.map((e: any) => [e.node.fileSystemId, e.node.backupSettings]));
    expect(byId[DEMO.fileSystems.windows]).toEqual({
      automaticBackupRetentionDays: 30,
      dailyAutomaticBackupStartTime: '05:00',
      copyTagsToBackups: true,
    });
    // ONTAP: CopyTagsToBackups is a volume setting.
    expect(byId[DEMO.fileSystems.ontap]).toEqual({
      automaticBackupRetentionDays: 30,
      dailyAutomaticBackupStartTime: '05:00',
      copyTagsToBackups: null,
    });
    expect(byId[DEMO.fileSystems.openzfs]).toMatchObject({ automaticBackupRetentionDays: 30, dailyAutomaticBackupStartTime: '06:00' });
    expect(t.calls()).toBe(1);
  });

  test('Backup.fileSystem (the snapshot) has backupSettings too', async () => {
    const res = await t.gql(
      `{ backup(backupId: "${DEMO.backups.windowsUser}") { ... on Backup { fileSystem { backupSettings { automaticBackupRetentionDays } } } } }`,
    );
    expect(res.body.data.backup.fileSystem.backupSettings).toEqual({ automaticBackupRetentionDays: expect.any(Number) });
  });

  test('updateBackupSettings on Windows: WindowsConfiguration with exactly the given members; the answer shows them', async () => {
    const result = await update({
      fileSystemId: DEMO.fileSystems.windows,
      automaticBackupRetentionDays: 14,
      dailyAutomaticBackupStartTime: '03:30',
    });
    expect(result).toEqual({
      __typename: 'UpdateBackupSettingsSuccess',
      fileSystem: {
        fileSystemId: DEMO.fileSystems.windows,
        fileSystemType: 'WINDOWS',
        backupSettings: { automaticBackupRetentionDays: 14, dailyAutomaticBackupStartTime: '03:30', copyTagsToBackups: true },
      },
    });
    expect(updateFileSystemInputs()).toEqual([
      expect.objectContaining({
        FileSystemId: DEMO.fileSystems.windows,
        WindowsConfiguration: { AutomaticBackupRetentionDays: 14, DailyAutomaticBackupStartTime: '03:30' },
      }),
    ]);
    const sent = updateFileSystemInputs()[0] as Record<string, unknown>;
    expect(Object.keys(sent).sort()).toEqual(['ClientRequestToken', 'FileSystemId', 'WindowsConfiguration']);
    // One DescribeFileSystems (the type) and one UpdateFileSystem.
    expect(t.calls('DescribeFileSystems')).toBe(1);
    expect(t.calls('UpdateFileSystem')).toBe(1);
    expect(t.calls()).toBe(2);
    expect(await settingsOf(DEMO.fileSystems.windows)).toMatchObject({ automaticBackupRetentionDays: 14 });
  });

  test('ONTAP and OpenZFS use their own configurations; OpenZFS can change copyTagsToBackups', async () => {
    expect(await update({ fileSystemId: DEMO.fileSystems.ontap, automaticBackupRetentionDays: 0 })).toMatchObject({
      __typename: 'UpdateBackupSettingsSuccess',
      fileSystem: { backupSettings: { automaticBackupRetentionDays: 0 } },
    });
    expect(await update({ fileSystemId: DEMO.fileSystems.openzfs, copyTagsToBackups: true })).toMatchObject({
      __typename: 'UpdateBackupSettingsSuccess',
      fileSystem: { backupSettings: { copyTagsToBackups: true } },
    });
    expect(updateFileSystemInputs()).toEqual([
      expect.objectContaining({ OntapConfiguration: { AutomaticBackupRetentionDays: 0 } }),
      expect.objectContaining({ OpenZFSConfiguration: { CopyTagsToBackups: true } }),
    ]);
  });

  test('a setting the type cannot change (copyTagsToBackups on Windows, ONTAP, Lustre): InvalidInput on that field, nothing updated', async () => {
    for (const [fileSystemId, type] of [
      [DEMO.fileSystems.windows, 'WINDOWS'],
      [DEMO.fileSystems.ontap, 'ONTAP'],
      [DEMO.fileSystems.lustrePersistent, 'LUSTRE'],
    ]) {
      const result = await update({ fileSystemId, copyTagsToBackups: false, automaticBackupRetentionDays: 3 });
      expect(result).toMatchObject({ __typename: 'InvalidInput', retryable: false, requestId: null });
      expect(result.fieldErrors).toEqual([
        {
          path: ['input', 'copyTagsToBackups'],
          constraint: 'settableForFileSystemType',
          message: expect.stringContaining(`cannot be changed on a ${type} file system`),
        },
      ]);
    }
    expect(t.calls('UpdateFileSystem')).toBe(0);
  });

  test.each([
    [{ automaticBackupRetentionDays: 91 }, 'automaticBackupRetentionDays', 'max'],
    [{ automaticBackupRetentionDays: -1 }, 'automaticBackupRetentionDays', 'min'],
    [{ dailyAutomaticBackupStartTime: '25:00' }, 'dailyAutomaticBackupStartTime', 'matches'],
    [{ dailyAutomaticBackupStartTime: '5:00' }, 'dailyAutomaticBackupStartTime', 'isLength'],
    [{ dailyAutomaticBackupStartTime: '0530' }, 'dailyAutomaticBackupStartTime', 'isLength'],
    [{ dailyAutomaticBackupStartTime: '05:60' }, 'dailyAutomaticBackupStartTime', 'matches'],
  ])('%j is refused (%s: %s) before FSx is called', async (settings, field, constraint) => {
    const result = await update({ fileSystemId: DEMO.fileSystems.windows, ...settings });
    expect(result.__typename).toBe('InvalidInput');
    expect(result.fieldErrors).toEqual(expect.arrayContaining([expect.objectContaining({ path: ['input', field], constraint })]));
    expect(t.calls()).toBe(0);
  });

  test('the bounds themselves are accepted: 0 and 90 days, 00:00 and 23:59', async () => {
    for (const settings of [
      { automaticBackupRetentionDays: 90, dailyAutomaticBackupStartTime: '23:59' },
      { automaticBackupRetentionDays: 0, dailyAutomaticBackupStartTime: '00:00' },
    ]) {
      expect((await update({ fileSystemId: DEMO.fileSystems.windows, ...settings })).__typename).toBe('UpdateBackupSettingsSuccess');
    }
  });

  test('no setting at all: InvalidInput naming the three, FSx not called', async () => {
    const result = await update({ fileSystemId: DEMO.fileSystems.windows });
    expect(result.fieldErrors.map((e: any) => [e.path, e.constraint])).toEqual([
      [['input', 'automaticBackupRetentionDays'], 'atLeastOneSetting'],
      [['input', 'dailyAutomaticBackupStartTime'], 'atLeastOneSetting'],
      [['input', 'copyTagsToBackups'], 'atLeastOneSetting'],
    ]);
    expect(t.calls()).toBe(0);
  });

  test('FSx refusals are typed: an unknown file system, a Lustre scratch file system', async () => {
    const unknown = 'fs-0000000000000dead';
    expect(await update({ fileSystemId: unknown, automaticBackupRetentionDays: 3 })).toEqual({
      __typename: 'FileSystemNotFound',
      message: `File system ${unknown} does not exist in us-east-1`,
      retryable: false,
      requestId: expect.any(String),
      fileSystemId: unknown,
    });
    expect(await update({ fileSystemId: DEMO.fileSystems.lustreScratch, automaticBackupRetentionDays: 3 })).toMatchObject({
      __typename: 'UnsupportedOperation',
      retryable: false,
      requestId: expect.any(String),
    });
  });

  test('the next automatic backup follows a changed window (manual clock), and retention 0 stops them', async () => {
    const automaticOf = async (fileSystemId: string): Promise<string[]> => {
      const res = await t.gql(
        `query($f: [String!]) { backups(first: 100, filter: { fileSystemIds: $f, backupTypes: [AUTOMATIC] }) {
          ... on BackupConnection { edges { node { backupId creationTime } } } } }`,
        { f: [fileSystemId] },
      );
      return res.body.data.backups.edges
        .filter((e: any) => e.node.backupId !== DEMO.backups.windowsAutomatic)
        .map((e: any) => e.node.creationTime)
        .sort();
    };
    // 05:00 by default; moved to 02:15 before that window comes.
    await update({ fileSystemId: DEMO.fileSystems.windows, dailyAutomaticBackupStartTime: '02:15' });
    clock.advance(3 * HOUR);
    expect(await automaticOf(DEMO.fileSystems.windows)).toEqual(['2025-01-01T02:15:00.000Z']);
    clock.advance(DAY);
    expect(await automaticOf(DEMO.fileSystems.windows)).toEqual(['2025-01-01T02:15:00.000Z', '2025-01-02T02:15:00.000Z']);
    // Off: no new ones.
    await update({ fileSystemId: DEMO.fileSystems.windows, automaticBackupRetentionDays: 0 });
    clock.advance(2 * DAY);
    expect(await automaticOf(DEMO.fileSystems.windows)).toHaveLength(2);
  });
});

describe('backup settings: scopes and principals limited to some file systems', () => {
  const KEYS = {
    reader: { scopes: ['backups:read'] },
    windowsTeam: { scopes: ['backups:read', 'backups:write'], fileSystemIds: [DEMO.fileSystems.windows] },
  } as const;
  type Who = keyof typeof KEYS;
  const { keyOf, env } = testApiKeys(KEYS);
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({}, env);
  });
  afterAll(() => t.stop());
  beforeEach(() => t.emulator.calls.clear());

  const as = async (who: Who, input: Record<string, unknown>) => {
    const res = await t.gql(UPDATE, { input }, { 'x-api-key': keyOf(who) });
    expect(res.body.errors).toBeUndefined();
    return res.body.data.updateBackupSettings;
  };

  test('without backups:write: Forbidden, FSx not called', async () => {
    expect(await as('reader', { fileSystemId: DEMO.fileSystems.windows, automaticBackupRetentionDays: 3 })).toMatchObject({
      __typename: 'Forbidden',
      missingScopes: ['backups:write'],
    });
    expect(t.calls()).toBe(0);
  });

  test('a hidden file system answers exactly like a missing one, and FSx is not called', async () => {
    const hidden = await as('windowsTeam', { fileSystemId: DEMO.fileSystems.openzfs, automaticBackupRetentionDays: 3 });
    const missing = await as('windowsTeam', { fileSystemId: 'fs-0000000000000dead', automaticBackupRetentionDays: 3 });
    expect(hidden.__typename).toBe('FileSystemNotFound');
    expect(JSON.stringify(hidden).split(DEMO.fileSystems.openzfs).join('<id>')).toBe(
      JSON.stringify(missing).split('fs-0000000000000dead').join('<id>'),
    );
    expect(t.calls()).toBe(0);
    expect(await as('windowsTeam', { fileSystemId: DEMO.fileSystems.windows, automaticBackupRetentionDays: 3 })).toMatchObject({
      __typename: 'UpdateBackupSettingsSuccess',
    });
  });
});
