import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ListedBackup, deletionReasons, keptByGroup } from '../../client/console/deletion-guards';
import { errorTitle } from '../../client/console/error-titles';
import { fieldErrorText, fieldLabel } from '../../client/console/field-labels';

/** What the console says instead of type names and input paths (client/console/error-titles.ts, field-labels.ts). */
describe('the console in words', () => {
  test('every ErrorResult type of the schema has a title of its own, a sentence and not its name', () => {
    const possible = JSON.parse(readFileSync(join(__dirname, '..', '..', 'client', 'generated', 'possible-types.json'), 'utf8'));
    const types: string[] = possible.possibleTypes.ErrorResult;
    expect(types.length).toBeGreaterThan(20);
    const titles = types.map(errorTitle);
    for (const [i, title] of titles.entries()) {
      expect({ type: types[i], title }).toEqual({ type: types[i], title: expect.stringMatching(/^[A-Z][\w -]* [\w -]+[a-z]$/) });
      expect(title).not.toContain(types[i]);
    }
    expect(new Set(titles).size).toBe(titles.length);
    expect(errorTitle('FileSystemNotFound')).toBe('The file system was not found');
    expect(errorTitle('SomethingAddedNextYear')).toBe('The request failed');
    expect(errorTitle('toString')).toBe('The request failed');
  });

  test.each([
    [['input', 'tags', '0', 'key'], 'Tag 1 key'],
    [['input', 'tags', '12', 'value'], 'Tag 13 value'],
    [['input', 'tags', '3'], 'Tag 4'],
    [['input', 'tags'], 'Tags'],
    [['input', 'fileSystemId'], 'File system'],
    [['input', 'clientRequestToken'], 'Client request token'],
    [['input', 'subnetIds', '1'], 'Subnet ID 2'],
    [['input', 'tagKeys', '0'], 'Tag key 1'],
    [['input', 'ontapConfiguration', 'storageVirtualMachineId'], 'Storage virtual machine'],
    [['input', 'openZFSConfiguration', 'throughputCapacity'], 'Throughput capacity'],
    [['input', 'ontapConfiguration', 'tieringPolicy', 'coolingPeriod'], 'Tiering policy cooling period'],
    [['input', 'ontapConfiguration'], 'Ontap configuration'],
    [['after'], 'After'],
    [['input', 'securityGroupIds', '0'], 'Security group IDs 1'],
  ])('%j is labelled %j', (path, label) => {
    expect(fieldLabel(path)).toBe(label);
  });

  test('a field error reads as its label and the message without the field name the gateway starts it with', () => {
    expect(
      fieldErrorText({ path: ['input', 'tags', '1', 'key'], message: 'key may contain only letters, numbers, spaces and _ . : / = + - @' }),
    ).toBe('Tag 2 key: may contain only letters, numbers, spaces and _ . : / = + - @');
    expect(
      fieldErrorText(
        { path: ['input', 'name'], message: 'name must be 1–203 characters without line breaks or NUL' },
        { path: ['input', 'name'], message: 'name must be longer than or equal to 1 characters' },
      ),
    ).toBe('Volume name: must be 1–203 characters without line breaks or NUL; must be longer than or equal to 1 characters');
    expect(fieldErrorText({ path: ['input', 'tags'], message: 'Tag keys must be unique' })).toBe('Tags: Tag keys must be unique');
  });

  describe('why Delete is off, by deletion guard', () => {
    const backup = (over: Partial<ListedBackup>): ListedBackup =>
      ({ id: 'arn:b', backupId: 'backup-0123456789abcdef0', region: 'us-east-1', type: 'USER_INITIATED', ...over }) as ListedBackup;

    test.each([
      [['LEGAL_HOLD'], {}, undefined, ['Under legal hold']],
      [['PROTECTED_TYPE'], { type: 'AWS_BACKUP' }, undefined, ['Owned by AWS Backup']],
      [['PROTECTED_TYPE'], { type: 'AUTOMATIC' }, undefined, ['Protected: Automatic backups are kept']],
      [['MIN_AGE'], {}, undefined, ['Too recent to delete']],
      [['KEEP_LATEST'], {}, 2, ['Kept: one of the 2 newest backups']],
      [['KEEP_LATEST'], {}, 1, ['Kept: the newest backup']],
      [['KEEP_LATEST'], {}, undefined, ['Kept: one of the newest backups']],
      [
        ['KEEP_LATEST'],
        { volume: { id: 'v', volumeId: 'fsvol-0123456789abcdef0', name: 'vol1' } },
        3,
        ['Kept: one of the 3 newest backups of volume vol1'],
      ],
      [['LEGAL_HOLD', 'MIN_AGE'], {}, undefined, ['Under legal hold', 'Too recent to delete']],
      [['SOMETHING_NEW'], {}, undefined, ['Kept by a deletion guard']],
      [[], {}, undefined, []],
    ])('%j on %j (%s kept in its group) reads %j', (rules, over, kept, words) => {
      expect(
        deletionReasons(
          backup({ ...(over as Partial<ListedBackup>), deletionBlockedBy: rules as ListedBackup['deletionBlockedBy'] }),
          kept,
        ),
      ).toEqual(words);
    });

    test('keepLatest is counted per file system, and per volume for volume backups', () => {
      const fs = (id: string, rules: string[]) =>
        backup({
          id,
          fileSystem: { __typename: 'FileSystem', id: 'f', fileSystemId: 'fs-1', fileSystemType: 'ONTAP' },
          deletionBlockedBy: rules as ListedBackup['deletionBlockedBy'],
        });
      const vol = (id: string, volumeId: string) =>
        ({ ...fs(id, ['KEEP_LATEST']), volume: { id: volumeId, volumeId, name: null } }) as ListedBackup;
      const counts = keptByGroup([
        fs('a', ['KEEP_LATEST']),
        fs('b', ['KEEP_LATEST', 'MIN_AGE']),
        fs('c', []),
        vol('d', 'fsvol-1'),
        vol('e', 'fsvol-2'),
      ]);
      expect(Object.fromEntries(counts)).toEqual({ 'fs:fs-1': 2, 'volume:fsvol-1': 1, 'volume:fsvol-2': 1 });
    });
  });
});
