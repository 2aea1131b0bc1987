import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
});
