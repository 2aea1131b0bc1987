import { DEMO } from '../../src/emulator';
import { CREATE_BACKUP, type TestGateway, startTestGateway } from '../support/gateway';

/**
 * Every class-validator rule, accept and reject edges, end to end over HTTP. A refusal is an
 * InvalidInput result naming the path and constraint, and FSx receives nothing.
 */
let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({ backupQuota: 1_000_000 });
});
afterAll(() => t.stop());
beforeEach(() => t.emulator.calls.clear());

const fsId = DEMO.fileSystems.windows;
let n = 0;
const token = () => `tok-validation-${++n}`;
const tags = (count: number, key = (i: number) => `k${i}`, value = (i: number) => `v${i}`) =>
  Array.from({ length: count }, (_, i) => ({ key: key(i), value: value(i) }));

async function create(input: Record<string, unknown>) {
  const res = await t.gql(CREATE_BACKUP, { input });
  expect(res.status).toBe(200);
  expect(res.body.errors).toBeUndefined();
  return res.body.data.createBackup;
}

async function expectAccepted(input: Record<string, unknown>) {
  const r = await create({ clientRequestToken: token(), ...input });
  expect(r.__typename).not.toBe('InvalidInput');
  return r;
}

async function expectRejected(input: Record<string, unknown>, path: string[], constraint: string) {
  const r = await create(input);
  expect(r.__typename).toBe('InvalidInput');
  expect(r.retryable).toBe(false);
  expect(r.fieldErrors).toEqual(expect.arrayContaining([expect.objectContaining({ path, constraint })]));
  expect(t.calls()).toBe(0);
}

describe('fileSystemId: 11–21 characters, ^(fs-[0-9a-f]{8,})$', () => {
  test.each(['fs-0123abcd' /* 11 */, 'fs-0123456789abcdef01' /* 21 */])('accepts %s (reaches FSx)', async (id) => {
    const r = await create({ fileSystemId: id });
    expect(r.__typename).toBe('FileSystemNotFound');
    expect(t.calls('CreateBackup')).toBe(1);
  });
  test.each([
    ['fs-0123abc', 'isLength'], // 10
    ['fs-0123456789abcdef012', 'isLength'], // 22
    ['fs-0123ABCD', 'matches'],
    ['fsx-0123abcd', 'matches'],
    [' fs-0123abcd', 'matches'],
    ['fs-0123abcd\n', 'matches'],
  ])('rejects %j (%s)', (id, constraint) => expectRejected({ fileSystemId: id }, ['input', 'fileSystemId'], constraint));
});

describe('clientRequestToken: 1–255 of [A-za-z0-9_.-], a full match (the seed)', () => {
  test.each([
    ['1 character', 'a'],
    ['255 characters', 'x'.repeat(255)],
    ['the A-z range quirk: [ \\ ] ^ _ and backtick', 'a[b\\c]d^e_f`g'],
    ['dots and dashes', 'retry.2026-11-26_01'],
  ])('accepts %s', async (_what, value) => {
    await expectAccepted({ fileSystemId: fsId, clientRequestToken: value });
  });
  test.each([
    ['empty', '', 'isLength'],
    ['256 characters', 'x'.repeat(256), 'isLength'],
    ['a space', 'two words', 'matches'],
    ['a valid tail after an invalid head (search semantics would accept it)', '!!!abc', 'matches'],
    ['non-ASCII', 'tökén', 'matches'],
  ])('rejects %s', (_what, value, constraint) =>
    expectRejected({ fileSystemId: fsId, clientRequestToken: value }, ['input', 'clientRequestToken'], constraint),
  );
});

describe('tags: 1–50, unique keys; key 1–128, value 0–256, letters/numbers/spaces of any script and _ . : / = + - @', () => {
  test('accepts 50 tags, a 128-character key, a 256-character value, an empty value, Unicode letters', async () => {
    await expectAccepted({ fileSystemId: fsId, tags: tags(50) });
    await expectAccepted({ fileSystemId: fsId, tags: [{ key: 'k'.repeat(128), value: 'v'.repeat(256) }] });
    await expectAccepted({ fileSystemId: fsId, tags: [{ key: 'empty', value: '' }] });
    await expectAccepted({ fileSystemId: fsId, tags: [{ key: '名前 ключ Ωmega', value: 'é_.:/=+-@ 123 ٣' }] });
  });
  test('rejects 0 tags', () => expectRejected({ fileSystemId: fsId, tags: [] }, ['input', 'tags'], 'arrayMinSize'));
  test('rejects 51 tags', () => expectRejected({ fileSystemId: fsId, tags: tags(51) }, ['input', 'tags'], 'arrayMaxSize'));
  test('rejects duplicate keys', () =>
    expectRejected(
      {
        fileSystemId: fsId,
        tags: [
          { key: 'a', value: '1' },
          { key: 'a', value: '2' },
        ],
      },
      ['input', 'tags'],
      'arrayUnique',
    ));
  test('rejects an empty key', () =>
    expectRejected({ fileSystemId: fsId, tags: [{ key: '', value: 'v' }] }, ['input', 'tags', '0', 'key'], 'isLength'));
  test('rejects a 129-character key', () =>
    expectRejected({ fileSystemId: fsId, tags: [{ key: 'k'.repeat(129), value: 'v' }] }, ['input', 'tags', '0', 'key'], 'isLength'));
  test('rejects a 257-character value', () =>
    expectRejected({ fileSystemId: fsId, tags: [{ key: 'k', value: 'v'.repeat(257) }] }, ['input', 'tags', '0', 'value'], 'isLength'));
  test.each([
    ['an emoji', '🚀'],
    ['a comma', 'a,b'],
    ['a control character', 'a\u0000b'],
  ])('rejects a key with %s', (_what, key) =>
    expectRejected({ fileSystemId: fsId, tags: [{ key, value: 'v' }] }, ['input', 'tags', '0', 'key'], 'matches'),
  );
  test('rejects a value with a semicolon, naming the tag index', () =>
    expectRejected({ fileSystemId: fsId, tags: [...tags(3), { key: 'x', value: 'a;b' }] }, ['input', 'tags', '3', 'value'], 'matches'));
  test('rejects the reserved aws: prefix', () =>
    expectRejected(
      { fileSystemId: fsId, tags: [{ key: 'aws:created-by', value: 'me' }] },
      ['input', 'tags', '0', 'key'],
      'notReservedTagKey',
    ));
  test('reports every failing field at once', async () => {
    const r = await create({ fileSystemId: 'nope', clientRequestToken: '', tags: [] });
    expect(r.fieldErrors.map((e: { path: string[] }) => e.path.join('.'))).toEqual(
      expect.arrayContaining(['input.fileSystemId', 'input.clientRequestToken', 'input.tags']),
    );
    expect(r.message).toMatch(/and \d+ more/);
  });
});

describe('query arguments', () => {
  const BACKUP = `query($id: String!) { backup(backupId: $id) { __typename ... on InvalidInput { fieldErrors { path constraint } } } }`;
  test.each(['backup-0123abcd', `backup-${'a'.repeat(120)}`])('backupId %s is accepted', async (id) => {
    const res = await t.gql(BACKUP, { id });
    expect(res.body.data.backup.__typename).toBe('BackupNotFound');
  });
  test.each([
    ['backup-01', 'isLength'],
    ['backup-0123abc', 'matches'],
    [`backup-${'a'.repeat(122)}`, 'isLength'],
    ['backup-0123ABCD', 'matches'],
    ['fs-0123456789', 'matches'],
  ])('backupId %s is refused', async (id, constraint) => {
    const res = await t.gql(BACKUP, { id });
    expect(res.body.data.backup.__typename).toBe('InvalidInput');
    for (const e of res.body.data.backup.fieldErrors) expect(e.path).toEqual(['backupId']);
    expect(res.body.data.backup.fieldErrors.map((e: { constraint: string }) => e.constraint)).toContain(constraint);
    expect(t.calls()).toBe(0);
  });
  test.each([
    ['first: 0', 'first: 0', ['first'], 'min'],
    ['first: 101', 'first: 101', ['first'], 'max'],
    [
      '21 file system ids',
      `filter: { fileSystemIds: [${Array.from({ length: 21 }, (_, i) => `"fs-${String(i).padStart(8, '0')}"`).join(',')}] }`,
      ['filter', 'fileSystemIds'],
      'arrayMaxSize',
    ],
    ['a malformed volume id', 'filter: { volumeIds: ["fsvol-123"] }', ['filter', 'volumeIds'], 'isLength'],
    ['UNRECOGNIZED as a filter value', 'filter: { backupTypes: [UNRECOGNIZED] }', ['filter', 'backupTypes'], 'isIn'],
  ])('backups(%s) is refused', async (_what, args, path, constraint) => {
    const res = await t.gql(`{ backups(${args}) { __typename ... on InvalidInput { fieldErrors { path constraint } } } }`);
    expect(res.body.data.backups.__typename).toBe('InvalidInput');
    expect(res.body.data.backups.fieldErrors).toEqual(expect.arrayContaining([{ path, constraint }]));
    expect(t.calls()).toBe(0);
  });
  test('fileSystem(fileSystemId) is validated too', async () => {
    const res = await t.gql(`{ fileSystem(fileSystemId: "fs-1") { __typename } }`);
    expect(res.body.data.fileSystem.__typename).toBe('InvalidInput');
    expect(t.calls()).toBe(0);
  });
  test('a wrong variable type is a GraphQL request error (400), not a resolver call', async () => {
    const res = await t.gql(CREATE_BACKUP, { input: { fileSystemId: 42, tags: 'x' } });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(t.calls()).toBe(0);
  });
});
