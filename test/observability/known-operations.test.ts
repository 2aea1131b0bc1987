import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kind, parse } from 'graphql';
import { OTHER } from '../../src/gateway/observability/bounded-label';
import { committedOperationNames, operationNamesIn } from '../../src/gateway/observability/known-operations';
import { GatewayMetrics } from '../../src/gateway/observability/metrics';

/** The operation names the `operation` label takes: the committed trusted documents', read at start, from src/ and from the build. */
const root = join(__dirname, '..', '..');

/** The named operations of client/operations/*.graphql, which the manifest holds (with the README's examples). */
function consoleOperationNames(): string[] {
  const dir = join(root, 'client', 'operations');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .flatMap((file) => parse(readFileSync(join(dir, file), 'utf8')).definitions)
    .flatMap((definition) => (definition.kind === Kind.OPERATION_DEFINITION && definition.name ? [definition.name.value] : []));
}

test('the committed manifest names every operation of client/operations/ (Backups among them); from src/ it is read in client/generated/', () => {
  const { names, path } = committedOperationNames();
  expect(path).toBe(join(root, 'client', 'generated', 'persisted-documents.json'));
  expect(consoleOperationNames().length).toBeGreaterThan(10);
  expect(names).toEqual(expect.arrayContaining([...consoleOperationNames(), 'Backups']));
});

test('operationNamesIn: named operations only; fragments, anonymous operations and unparsable text name none', () => {
  expect(
    operationNamesIn([
      'query A { __typename } mutation B { __typename } fragment F on Query { __typename }',
      '{ __typename }',
      'query {',
      'query A { __typename }',
    ]),
  ).toEqual(['A', 'B']);
});

test("GatewayMetrics labels the manifest's names, METRICS_OPERATION_NAMES and PERSISTED_DOCUMENTS' documents; nothing else", () => {
  const metrics = new GatewayMetrics({ operationNames: ['Nightly'], documents: ['query Audit { __typename }'] });
  try {
    expect(['Backups', 'CreateBackup', 'Nightly', 'Audit'].map((name) => metrics.operations.of(name))).toEqual([
      'Backups',
      'CreateBackup',
      'Nightly',
      'Audit',
    ]);
    expect(metrics.operations.of('Name0')).toBe(OTHER);
  } finally {
    metrics.close();
  }
});

describe('the build (npm run build)', () => {
  const dist = join(root, 'dist');
  const built = join(dist, 'gateway', 'observability', 'known-operations.js');
  // (Run by `npm test`, which builds first; skipped only where nothing was built.)
  const maybe = existsSync(built) ? test : test.skip;

  // As in the image (the Dockerfile copies package.json, node_modules and dist/, no client/).
  maybe('copies the manifest into dist/, where the built gateway finds it without client/', () => {
    const app = mkdtempSync(join(tmpdir(), 'known-operations-'));
    try {
      mkdirSync(join(app, 'dist', 'gateway', 'observability'), { recursive: true });
      copyFileSync(built, join(app, 'dist', 'gateway', 'observability', 'known-operations.js'));
      copyFileSync(join(dist, 'persisted-documents.json'), join(app, 'dist', 'persisted-documents.json'));
      const script =
        "const k = require('./dist/gateway/observability/known-operations.js'); console.log(JSON.stringify(k.committedOperationNames()))";
      const out = execFileSync(process.execPath, ['-e', script], {
        cwd: app,
        env: { ...process.env, NODE_PATH: join(root, 'node_modules') },
      });
      const { names, path } = JSON.parse(out.toString()) as { names: string[]; path: string };
      expect(path).toBe(join(app, 'dist', 'persisted-documents.json'));
      expect(names.sort()).toEqual([...committedOperationNames().names].sort());
    } finally {
      rmSync(app, { recursive: true, force: true });
    }
  });
});
