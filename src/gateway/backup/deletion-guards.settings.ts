import { FSX, MODEL_ENUMS, RESERVED_TAG_KEY_PREFIX, conforms } from '../../fsx-model';
import { ConfigError, type EnvReader, type EnvVarDoc } from '../../env';
import type { BackupType } from '../fsx/enums.generated';
import { DEFAULT_LEGAL_HOLD_TAG_KEY, type DeletionGuardsConfig, type DeletionPolicy, NO_POLICY } from './deletion-guards';

const NAME = 'DELETION_GUARDS';

export const DELETION_GUARDS_ENV_VARS: readonly EnvVarDoc[] = [
  {
    name: NAME,
    default: '(off, except the legal hold on the tag legal-hold)',
    description:
      'Backups deleteBackup refuses (DeletionBlocked), as JSON inline or the path of a JSON file: `{"keepLatest": 2, "minAgeHours": 24, "legalHoldTagKey": "legal-hold", "protectedTypes": ["AWS_BACKUP"], "fileSystems": {"fs-…": {"keepLatest": 7}}}`. keepLatest: the newest N AVAILABLE backups of a file system (of a volume) are kept; minAgeHours: younger backups are kept; a backup tagged legalHoldTagKey=true is kept from everyone (setting or removing that tag needs backups:hold); protectedTypes: backup types never deleted. `fileSystems` overrides keepLatest, minAgeHours and protectedTypes for one file system. See docs/security.md.',
  },
];

const POLICY_KEYS = ['keepLatest', 'minAgeHours', 'protectedTypes'] as const;
const TOP_KEYS = [...POLICY_KEYS, 'legalHoldTagKey', 'fileSystems'];
/** Ten years: a longer minimum age is a typo, not a policy. */
const MAX_AGE_HOURS = 87_600;
/** FSx's default quota is 500 user-initiated backups per account and region. */
const MAX_KEEP_LATEST = 10_000;

/** DELETION_GUARDS: a bad value stops start-up with a message naming what is wrong and where. */
export function readDeletionGuards(read: EnvReader): DeletionGuardsConfig {
  const raw = read.jsonInlineOrFile(NAME);
  if (raw === undefined) return { defaults: NO_POLICY, legalHoldTagKey: DEFAULT_LEGAL_HOLD_TAG_KEY, fileSystems: new Map() };
  const top = object(raw, NAME, TOP_KEYS);
  const defaults = policy(top, NAME, NO_POLICY);
  const fileSystems = new Map<string, DeletionPolicy>();
  if (top.fileSystems !== undefined) {
    for (const [id, entry] of Object.entries(object(top.fileSystems, `${NAME}.fileSystems`))) {
      const where = `${NAME}.fileSystems["${id}"]`;
      if (!conforms(id, FSX.FileSystemId)) throw new ConfigError(where, 'is not a file system id (fs- and at least 8 hex digits)');
      fileSystems.set(id, policy(object(entry, where, [...POLICY_KEYS]), where, defaults));
    }
  }
  return { defaults, legalHoldTagKey: legalHoldTagKey(top.legalHoldTagKey), fileSystems };
}

/** An object whose keys are all known: a misspelt guard must not be silently ignored. */
function object(value: unknown, where: string, known?: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError(where, 'must be a JSON object');
  const unknown = known && Object.keys(value).find((key) => !known.includes(key));
  if (unknown !== undefined) throw new ConfigError(where, `has an unknown key "${unknown}" (known: ${known!.join(', ')})`);
  return value as Record<string, unknown>;
}

function policy(entry: Record<string, unknown>, where: string, inherited: DeletionPolicy): DeletionPolicy {
  return {
    keepLatest: number(entry.keepLatest, `${where}.keepLatest`, MAX_KEEP_LATEST, true) ?? inherited.keepLatest,
    minAgeHours: number(entry.minAgeHours, `${where}.minAgeHours`, MAX_AGE_HOURS, false) ?? inherited.minAgeHours,
    protectedTypes: types(entry.protectedTypes, `${where}.protectedTypes`) ?? inherited.protectedTypes,
  };
}

function number(value: unknown, where: string, max: number, whole: boolean): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > max || (whole && !Number.isInteger(value)))
    throw new ConfigError(where, `must be a ${whole ? 'whole ' : ''}number from 0 (off) to ${max} (got ${JSON.stringify(value)})`);
  return value;
}

function types(value: unknown, where: string): ReadonlySet<BackupType> | undefined {
  if (value === undefined) return undefined;
  const known: readonly string[] = MODEL_ENUMS.BackupType;
  if (!Array.isArray(value)) throw new ConfigError(where, `must be an array of backup types (${known.join(', ')})`);
  const bad = (value as unknown[]).find((type) => typeof type !== 'string' || !known.includes(type));
  if (bad !== undefined) throw new ConfigError(where, `lists ${JSON.stringify(bad)}, not a backup type (${known.join(', ')})`);
  return new Set(value as BackupType[]);
}

function legalHoldTagKey(value: unknown): string {
  if (value === undefined) return DEFAULT_LEGAL_HOLD_TAG_KEY;
  const where = `${NAME}.legalHoldTagKey`;
  if (!conforms(value, FSX.TagKey) || RESERVED_TAG_KEY_PREFIX.test(value))
    throw new ConfigError(
      where,
      `must be a tag key FSx accepts (1–128 letters, numbers, spaces and _ . : / = + - @; not aws:…) (got ${JSON.stringify(value)})`,
    );
  return value;
}
