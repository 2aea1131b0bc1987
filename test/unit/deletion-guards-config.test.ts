import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';

const guards = (value: string | undefined) => loadConfig(value === undefined ? {} : { DELETION_GUARDS: value }).deletionGuards;

describe('DELETION_GUARDS', () => {
  test('unset: every guard off except the legal hold on the tag legal-hold', () => {
    expect(guards(undefined)).toEqual({
      defaults: { keepLatest: 0, minAgeHours: 0, protectedTypes: new Set() },
      legalHoldTagKey: 'legal-hold',
      fileSystems: new Map(),
    });
  });

  test("the issue's example, inline: defaults for every file system, an entry overrides what it names and inherits the rest", () => {
    const config = guards(
      '{"keepLatest": 2, "minAgeHours": 24, "legalHoldTagKey": "legal-hold", "protectedTypes": ["AWS_BACKUP"], "fileSystems": {"fs-0a1b2c3d4e5f60001": {"keepLatest": 7}}}',
    );
    expect(config.defaults).toEqual({ keepLatest: 2, minAgeHours: 24, protectedTypes: new Set(['AWS_BACKUP']) });
    expect(config.fileSystems.get('fs-0a1b2c3d4e5f60001')).toEqual({
      keepLatest: 7,
      minAgeHours: 24,
      protectedTypes: new Set(['AWS_BACKUP']),
    });
    expect(config.legalHoldTagKey).toBe('legal-hold');
  });

  test('a path to a file holding the JSON; fractions of hours; another hold key; 0 turns a guard off for one file system', () => {
    const dir = mkdtempSync(join(tmpdir(), 'guards-'));
    try {
      const file = join(dir, 'guards.json');
      writeFileSync(
        file,
        JSON.stringify({ minAgeHours: 0.5, legalHoldTagKey: 'Audit:Hold', fileSystems: { 'fs-0123456789abcdef0': { minAgeHours: 0 } } }),
      );
      const config = guards(file);
      expect(config.defaults.minAgeHours).toBe(0.5);
      expect(config.legalHoldTagKey).toBe('Audit:Hold');
      expect(config.fileSystems.get('fs-0123456789abcdef0')?.minAgeHours).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test.each([
    ['{', 'DELETION_GUARDS is not valid JSON'],
    ['/nonexistent/guards.json', 'DELETION_GUARDS cannot be read'],
    ['[2]', 'DELETION_GUARDS must be a JSON object'],
    [
      '{"keepLast": 2}',
      'DELETION_GUARDS has an unknown key "keepLast" (known: keepLatest, minAgeHours, protectedTypes, legalHoldTagKey, fileSystems)',
    ],
    ['{"keepLatest": -1}', 'DELETION_GUARDS.keepLatest must be a whole number from 0 (off) to 10000 (got -1)'],
    ['{"keepLatest": 1.5}', 'DELETION_GUARDS.keepLatest must be a whole number'],
    ['{"keepLatest": "2"}', 'DELETION_GUARDS.keepLatest must be a whole number'],
    ['{"minAgeHours": 1e9}', 'DELETION_GUARDS.minAgeHours must be a number from 0 (off) to 87600'],
    [
      '{"protectedTypes": "AWS_BACKUP"}',
      'DELETION_GUARDS.protectedTypes must be an array of backup types (AUTOMATIC, USER_INITIATED, AWS_BACKUP)',
    ],
    ['{"protectedTypes": ["SNAPSHOT"]}', 'DELETION_GUARDS.protectedTypes lists "SNAPSHOT", not a backup type'],
    ['{"legalHoldTagKey": ""}', 'DELETION_GUARDS.legalHoldTagKey must be a tag key FSx accepts'],
    ['{"legalHoldTagKey": "aws:hold"}', 'DELETION_GUARDS.legalHoldTagKey must be a tag key FSx accepts'],
    ['{"legalHoldTagKey": "hold!"}', 'DELETION_GUARDS.legalHoldTagKey must be a tag key FSx accepts'],
    ['{"fileSystems": []}', 'DELETION_GUARDS.fileSystems must be a JSON object'],
    ['{"fileSystems": {"fs-1": {}}}', 'DELETION_GUARDS.fileSystems["fs-1"] is not a file system id'],
    [
      '{"fileSystems": {"fs-0123456789abcdef0": {"legalHoldTagKey": "x"}}}',
      'DELETION_GUARDS.fileSystems["fs-0123456789abcdef0"] has an unknown key "legalHoldTagKey" (known: keepLatest, minAgeHours, protectedTypes)',
    ],
    ['{"fileSystems": {"fs-0123456789abcdef0": {"keepLatest": null}}}', 'DELETION_GUARDS.fileSystems["fs-0123456789abcdef0"].keepLatest'],
  ])('%s stops start-up: %s', (value, message) => {
    let error: unknown;
    try {
      guards(value);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(`Invalid configuration: ${message}`);
  });
});
