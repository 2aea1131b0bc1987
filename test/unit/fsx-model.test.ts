import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validate } from 'class-validator';
import fc from 'fast-check';
import { isUnionType } from 'graphql';
import { validateBackupId, validateClientRequestToken, validateFileSystemId, validateTagKey } from '../../src/emulator/validation';
import { FSX, MODEL_OPERATION_ERRORS, conforms } from '../../src/fsx-model';
import { CreateBackupInput } from '../../src/gateway/backup/create-backup.input';
import { TagInput } from '../../src/gateway/backup/tag.input';
import { DeleteBackupInput } from '../../src/gateway/backup/delete-backup.input';
import { BACKUP_SETTINGS_BY_TYPE } from '../../src/gateway/file-system/backup-settings';
import { buildGatewaySchema } from '../../src/gateway/schema';

const ROOT = join(__dirname, '..', '..');
const MODEL = join(ROOT, '..', 'shared', 'reference', 'fsx-2018-03-01.service-2.json');

describe('generated from the FSx service model', () => {
  const run = existsSync(MODEL) ? test : test.skip;
  if (!existsSync(MODEL)) console.warn(`fsx-model freshness test skipped: no service model at ${MODEL}`);

  run('the committed files are what scripts/generate-fsx-shapes.py makes of the model today', () => {
    const out = mkdtempSync(join(tmpdir(), 'fsx-model-'));
    try {
      execFileSync('python3', [join(ROOT, 'scripts', 'generate-fsx-shapes.py'), MODEL, out]);
      for (const dir of ['src/fsx-model', 'src/gateway/fsx']) {
        for (const file of readdirSync(join(out, dir))) {
          expect({ file, text: readFileSync(join(ROOT, dir, file), 'utf8') }).toEqual({
            file,
            text: readFileSync(join(out, dir, file), 'utf8'),
          });
        }
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

/** Whether the emulator accepts a value (its check throws BadRequest otherwise). */
const emulatorAccepts = (check: () => unknown) => {
  try {
    check();
    return true;
  } catch {
    return false;
  }
};
const gatewayAccepts = async (input: object) => (await validate(input, { forbidUnknownValues: false })).length === 0;
const idLike = (prefix: string) =>
  fc.oneof(fc.string(), fc.stringMatching(new RegExp(`^${prefix}-[0-9a-fA-F]{0,30}$`)), fc.constant(`${prefix}-0123456789abcdef0`));

describe('the gateway and the emulator accept exactly the same values: both read src/fsx-model', () => {
  test('file system ids', async () => {
    await fc.assert(
      fc.asyncProperty(idLike('fs'), async (id) => {
        const gateway = await gatewayAccepts(Object.assign(new CreateBackupInput(), { fileSystemId: id }));
        expect(gateway).toBe(emulatorAccepts(() => validateFileSystemId(id)));
        expect(gateway).toBe(conforms(id, FSX.FileSystemId));
      }),
    );
  });

  test('backup ids and client request tokens', async () => {
    await fc.assert(
      fc.asyncProperty(
        idLike('backup'),
        fc.oneof(fc.string({ maxLength: 300 }), fc.stringMatching(/^[A-Za-z0-9_.`^\\[\]-]{0,260}$/)),
        async (id, token) => {
          const gateway = await gatewayAccepts(Object.assign(new DeleteBackupInput(), { backupId: id, clientRequestToken: token }));
          expect(gateway).toBe(
            emulatorAccepts(() => validateBackupId(id)) && emulatorAccepts(() => validateClientRequestToken({ ClientRequestToken: token })),
          );
        },
      ),
    );
  });

  test('tag keys, including the reserved aws: prefix', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 140 }),
          fc.string({ unit: 'grapheme', maxLength: 140 }),
          fc.constantFrom('aws:x', 'AWS:x', 'Name', 'a b', 'ü', ''),
        ),
        async (key) => {
          const gateway = await gatewayAccepts(
            Object.assign(new CreateBackupInput(), {
              fileSystemId: 'fs-0123456789abcdef0',
              tags: [Object.assign(new TagInput(), { key, value: 'v' })],
            }),
          );
          expect(gateway).toBe(emulatorAccepts(() => validateTagKey(key, 'Key')));
        },
      ),
    );
  });
});

/**
 * Model codes a union carries under another name. TagResource/UntagResource on a backup's ARN: the
 * resource is the backup, so ResourceNotFound is BackupNotFound; the gateway only sends the ARN FSx gave
 * the backup, so an ARN of another service or of an untaggable resource cannot be sent, and should an
 * endpoint answer so anyway, it is FsxServiceError { code } like any unexpected code.
 */
const TRANSLATED: Partial<Record<string, Record<string, string>>> = {
  TagResource: {
    ResourceNotFound: 'BackupNotFound',
    NotServiceResourceError: 'FsxServiceError',
    ResourceDoesNotSupportTagging: 'FsxServiceError',
  },
  UntagResource: {
    ResourceNotFound: 'BackupNotFound',
    NotServiceResourceError: 'FsxServiceError',
    ResourceDoesNotSupportTagging: 'FsxServiceError',
  },
};

describe('every error the model lists for an operation has its typed result', () => {
  test.each([
    ['CreateBackup', 'CreateBackupResult'],
    ['DeleteBackup', 'DeleteBackupResult'],
    ['DescribeBackups', 'BackupsResult'],
    ['DescribeFileSystems', 'FileSystemResult'],
    ['CopyBackup', 'CopyBackupResult'],
    ['CreateFileSystemFromBackup', 'RestoreBackupResult'],
    ['DescribeVolumes', 'VolumeResult'],
    ['CreateVolumeFromBackup', 'RestoreVolumeResult'],
    ['UpdateFileSystem', 'UpdateBackupSettingsResult'],
    ['TagResource', 'TagBackupResult'],
    ['UntagResource', 'UntagBackupResult'],
  ] as const)('%s → %s', async (operation, unionName) => {
    const union = (await buildGatewaySchema()).getType(unionName);
    if (!isUnionType(union)) throw new Error(`${unionName} is not a union`);
    const members = union.getTypes().map((t) => t.name);
    // DescribeBackups by id (backup(backupId)) answers BackupNotFound as its own typed member of BackupResult.
    const elsewhere = operation === 'DescribeBackups' ? ['BackupNotFound'] : [];
    const translated = (code: string) => TRANSLATED[operation]?.[code] ?? code;
    expect(MODEL_OPERATION_ERRORS[operation].filter((code) => !elsewhere.includes(code) && !members.includes(translated(code)))).toEqual(
      [],
    );
  });

  test('the tag mutations also carry ServiceLimitExceeded (TOTAL_USER_TAGS), which FSx documents but TagResource’s model omits', async () => {
    const union = (await buildGatewaySchema()).getType('TagBackupResult');
    if (!isUnionType(union)) throw new Error('TagBackupResult is not a union');
    expect(union.getTypes().map((t) => t.name)).toContain('ServiceLimitExceeded');
  });
});

describe('updateBackupSettings follows the model: each type changes what its UpdateFileSystem configuration has', () => {
  const run = existsSync(MODEL) ? test : test.skip;
  run('BACKUP_SETTINGS_BY_TYPE matches UpdateFileSystem<Type>Configuration', () => {
    const shapes = (JSON.parse(readFileSync(MODEL, 'utf8')) as { shapes: Record<string, { members?: Record<string, { shape: string }> }> })
      .shapes;
    const request = shapes.UpdateFileSystemRequest.members!;
    const SETTINGS = {
      automaticBackupRetentionDays: 'AutomaticBackupRetentionDays',
      dailyAutomaticBackupStartTime: 'DailyAutomaticBackupStartTime',
      copyTagsToBackups: 'CopyTagsToBackups',
    } as const;
    for (const [type, spec] of Object.entries(BACKUP_SETTINGS_BY_TYPE)) {
      const members = shapes[request[spec.configuration].shape].members!;
      const settable = (Object.keys(SETTINGS) as (keyof typeof SETTINGS)[]).filter((setting) => SETTINGS[setting] in members);
      expect({ type, settable }).toEqual({ type, settable: [...spec.settable] });
    }
    expect(Object.keys(BACKUP_SETTINGS_BY_TYPE).sort()).toEqual(['LUSTRE', 'ONTAP', 'OPENZFS', 'WINDOWS']);
  });
});
