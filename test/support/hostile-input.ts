import type { FSxClient } from '@aws-sdk/client-fsx';
import fc from 'fast-check';
import { DEMO } from '../../src/emulator';
import { userBackups } from './emulator';
import type { Answer } from './http';

/**
 * Generators of hostile input and the checks every answer must pass, shared by the property tests.
 * Nothing here knows what the gateway accepts; the oracles are the contract of the README.
 */

// ---------------------------------------------------------------------------------------------
// Generators

export const DEMO_FS = Object.values(DEMO.fileSystems);
/** Demo file systems FSx can back up (the others answer UnsupportedOperation). */
export const BACKUPABLE_FS = [DEMO.fileSystems.windows, DEMO.fileSystems.lustrePersistent, DEMO.fileSystems.openzfs];

const HEX = [...'0123456789abcdef'];
/** Well-formed ids FSx does not know. */
export const unknownFileSystemId = fc.string({ unit: fc.constantFrom(...HEX), minLength: 8, maxLength: 18 }).map((h) => `fs-${h}`);
export const unknownBackupId = fc.string({ unit: fc.constantFrom(...HEX), minLength: 8, maxLength: 24 }).map((h) => `backup-${h}`);

/** Strings that have hurt someone somewhere: NUL, bidi overrides, BOM, line separators, injection classics, look-alikes. */
export const SPECIAL_STRINGS = [
  '',
  ' ',
  '\u0000',
  `${DEMO.fileSystems.windows}\u0000`,
  `\u202e${DEMO.fileSystems.windows}`,
  `${DEMO.fileSystems.windows}\u200f`,
  '\ufeff',
  '\u2028\u2029',
  '\u0085',
  '\r\n',
  'aws:Name',
  'AWS:cost',
  '../../etc/passwd',
  "' OR '1'='1",
  '${jndi:ldap://127.0.0.1/a}',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  'prototype',
  '%00',
  '\\',
  '"',
  '{"$ne":null}',
  'ｆｓ－０ａ１ｂ２ｃ３ｄ４ｅ５ｆ６０００１', // fullwidth look-alike
  'fs-0A1B2C3D4E5F60001', // upper-case hex
  'fs-0a1b2c3d4e5f6000\u0661', // Arabic-Indic digit one
  'fs-0a1b2c3d4e5f6000\u{1D7D9}', // mathematical double-struck one
  '\ud83d\ude00',
  'e\u0301',
  '\u{10FFFF}',
  '\ud800',
  '\udfff',
  '\udc00\ud800',
];

const loneSurrogateMix = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
      fc.string({ maxLength: 3 }),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));

/** 100 to 40 000 repetitions of one (possibly multi-byte, possibly NUL) character. */
const longString = fc
  .tuple(fc.constantFrom('a', 'é', '中', '😀', 'fs-', '\u0000', ' ', '0'), fc.integer({ min: 100, max: 40_000 }))
  .map(([c, n]) => c.repeat(n));

/** Valid ids with garbage glued before or after them. */
const almostValid = fc
  .tuple(
    fc.constantFrom(...DEMO_FS, ...Object.values(DEMO.backups)),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }),
    fc.boolean(),
  )
  .map(([id, glue, before]) => (before ? glue + id : id + glue));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ maxLength: 30 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 30 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme-composite', maxLength: 20 }), weight: 1 },
  { arbitrary: loneSurrogateMix, weight: 2 },
  { arbitrary: fc.constantFrom(...SPECIAL_STRINGS), weight: 3 },
  { arbitrary: almostValid, weight: 2 },
  { arbitrary: longString, weight: 1 },
);

export const fileSystemIdArb: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...BACKUPABLE_FS), weight: 4 },
  { arbitrary: fc.constantFrom(...DEMO_FS), weight: 2 },
  { arbitrary: unknownFileSystemId, weight: 1 },
  { arbitrary: hostileString, weight: 4 },
);

const TOKEN_CHARS = [...'ABCXYZabcxyz0189_.-[]^`\\'];
/** A small pool, so tokens get reused with other parameters (IncompatibleParameterError) and replayed. */
export const TOKEN_POOL = ['tok-a', 'tok-b', 'tok-c', 'tok-d', 'tok-e'];
export const clientRequestTokenArb: fc.Arbitrary<string | null | undefined> = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 3 },
  { arbitrary: fc.constant(null), weight: 1 },
  { arbitrary: fc.constantFrom(...TOKEN_POOL), weight: 3 },
  { arbitrary: fc.string({ unit: fc.constantFrom(...TOKEN_CHARS), minLength: 1, maxLength: 255 }), weight: 2 },
  { arbitrary: fc.string({ unit: fc.constantFrom(...TOKEN_CHARS), minLength: 256, maxLength: 300 }), weight: 1 },
  { arbitrary: hostileString, weight: 3 },
);

/** Characters FSx allows in tags (letters and numbers of any script, spaces, `_ . : / = + - @`). */
const TAG_CHARS = [...'abcXYZ019 _.:/=+-@éß中文ٱ\u3000'];
const validTagText = (minLength: number, maxLength: number) => fc.string({ unit: fc.constantFrom(...TAG_CHARS), minLength, maxLength });
export interface TagIn {
  key: string;
  value: string;
}
export const tagArb: fc.Arbitrary<TagIn> = fc.record({
  key: fc.oneof(
    { arbitrary: fc.constantFrom('Name', 'team', 'env', 'cost-center', 'aws:createdBy'), weight: 3 },
    { arbitrary: validTagText(1, 128), weight: 2 },
    { arbitrary: validTagText(129, 140), weight: 1 },
    { arbitrary: hostileString, weight: 2 },
  ),
  value: fc.oneof(
    { arbitrary: validTagText(0, 256), weight: 3 },
    { arbitrary: validTagText(257, 270), weight: 1 },
    { arbitrary: hostileString, weight: 2 },
  ),
});
export const tagsArb: fc.Arbitrary<TagIn[] | null | undefined> = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 3 },
  { arbitrary: fc.constant(null), weight: 1 },
  { arbitrary: fc.array(tagArb, { minLength: 1, maxLength: 3 }), weight: 4 },
  { arbitrary: fc.array(tagArb, { maxLength: 60 }), weight: 2 },
  // many entries, all well-formed and unique: the 50-tag limit is the only thing wrong (or nothing, up to 50)
  {
    arbitrary: fc.integer({ min: 45, max: 55 }).map((n) => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: `v${i}` }))),
    weight: 1,
  },
);

export interface CreateInput {
  fileSystemId: string;
  clientRequestToken?: string | null;
  tags?: TagIn[] | null;
}
export const createInputArb: fc.Arbitrary<CreateInput> = fc
  .record({ fileSystemId: fileSystemIdArb, clientRequestToken: clientRequestTokenArb, tags: tagsArb })
  .map((r) => {
    const input: CreateInput = { fileSystemId: r.fileSystemId };
    if (r.clientRequestToken !== undefined) input.clientRequestToken = r.clientRequestToken;
    if (r.tags !== undefined) input.tags = r.tags;
    return input;
  });

/** Values of the wrong JSON type for a String, an Int, a list or an input object. */
export const wrongJsonValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 10 }),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 5 }), fc.constant(null)), { maxLength: 4 }),
  fc.object({ maxDepth: 2, maxKeys: 4 }),
  fc.constant({ key: 'Name', value: 'x' }), // a tag where a list is expected: GraphQL coerces it into a list of one
  fc.constant([{ key: 'Name' }]),
  fc.constant([null]),
);

// ---------------------------------------------------------------------------------------------
// Oracles

export const ERROR_RESULT_TYPES = new Set([
  'BackupInProgress',
  'BackupNotFound',
  'BadRequest',
  'FileSystemNotFound',
  'FsxServiceError',
  'IncompatibleParameterError',
  'InternalServerError',
  'InvalidInput',
  'ServiceLimitExceeded',
  'UnsupportedOperation',
]);

const preview = (a: Answer) => `HTTP ${a.status} ${a.contentType}: ${a.text.slice(0, 600)}`;

/**
 * Every answer: never 5xx; JSON with `data` or `errors`; every top-level error has a message and an
 * extensions.code; every refusal (4xx) carries errors; every ErrorResult in the data has a message.
 */
export function assertExplains(a: Answer): void {
  if (a.status >= 500) throw new Error(`5xx: ${preview(a)}`);
  if (!/json/i.test(a.contentType)) throw new Error(`not JSON: ${preview(a)}`);
  if (typeof a.json !== 'object' || a.json === null || Array.isArray(a.json)) throw new Error(`body is not a JSON object: ${preview(a)}`);
  const { data, errors } = a.json as { data?: unknown; errors?: unknown };
  if (data === undefined && errors === undefined) throw new Error(`neither data nor errors: ${preview(a)}`);
  if (a.status >= 400 && errors === undefined) throw new Error(`refused without errors: ${preview(a)}`);
  if (errors !== undefined) {
    if (!Array.isArray(errors) || errors.length === 0) throw new Error(`errors is not a non-empty list: ${preview(a)}`);
    for (const e of errors as Array<{ message?: unknown; extensions?: { code?: unknown } }>) {
      if (typeof e?.message !== 'string' || e.message.trim() === '') throw new Error(`an error without a message: ${preview(a)}`);
      if (typeof e.extensions?.code !== 'string' || e.extensions.code === '')
        throw new Error(`an error without extensions.code: ${preview(a)}`);
    }
  }
  walk(data, (node) => {
    const typename = node.__typename;
    if (typeof typename === 'string' && ERROR_RESULT_TYPES.has(typename) && 'message' in node) {
      if (typeof node.message !== 'string' || node.message.trim() === '') throw new Error(`${typename} without a message: ${preview(a)}`);
      if (typename === 'InvalidInput' && 'fieldErrors' in node) {
        const fieldErrors = node.fieldErrors as Array<{ message?: string }>;
        if (!Array.isArray(fieldErrors) || fieldErrors.length === 0 || fieldErrors.some((f) => !f.message)) {
          throw new Error(`InvalidInput without field errors that explain it: ${preview(a)}`);
        }
      }
    }
  });
}

export function walk(value: unknown, visit: (node: Record<string, any>) => void): void {
  if (Array.isArray(value)) return value.forEach((v) => walk(v, visit));
  if (typeof value !== 'object' || value === null) return;
  visit(value as Record<string, any>);
  for (const v of Object.values(value)) walk(v, visit);
}

/** Every createBackup answer the clients received, to compare with what FSx holds at the end. */
export class Ledger {
  /** backupId → the input the client was told succeeded. */
  readonly succeeded = new Map<string, unknown>();
  readonly refused: Array<{ input: unknown; outcome: string }> = [];

  /** One createBackup field's result: the union member, or null/undefined when the request failed. */
  record(input: unknown, result: any, answer: Answer): void {
    if (result?.__typename === 'CreateBackupSuccess') {
      const id = result.backup?.backupId;
      if (typeof id !== 'string') throw new Error(`CreateBackupSuccess without backup.backupId: ${preview(answer)}`);
      this.succeeded.set(id, input);
    } else {
      this.refused.push({
        input,
        outcome: result?.__typename ?? `HTTP ${answer.status} ${answer.json?.errors?.[0]?.extensions?.code ?? ''}`,
      });
    }
  }

  outcomes(): Record<string, number> {
    const counts: Record<string, number> = { CreateBackupSuccess: this.succeeded.size };
    for (const r of this.refused) counts[r.outcome] = (counts[r.outcome] ?? 0) + 1;
    return counts;
  }
}

/** Every user-initiated backup FSx holds, all pages. */
export async function userBackupIds(client: FSxClient): Promise<Set<string>> {
  return new Set((await userBackups(client)).map((b) => b.BackupId!));
}

/** What the README's class-validator rules accept for fileSystemId (used as an oracle: anything else must be InvalidInput). */
export function isValidFileSystemId(id: unknown): boolean {
  return typeof id === 'string' && id.length >= 11 && id.length <= 21 && /^(fs-[0-9a-f]{8,})$/.test(id);
}
