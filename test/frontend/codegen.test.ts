import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kind, type OperationDefinitionNode, buildSchema, parse } from 'graphql';

const ROOT = join(__dirname, '..', '..');
const PRETTIER_CONFIG = [
  '.prettierrc',
  '.prettierrc.json',
  '.prettierrc.js',
  'prettier.config.js',
  'prettier.config.mjs',
  '.editorconfig',
].filter((f) => existsSync(join(ROOT, f)));

/** client/generated/ (persisted-documents.json too) is what `npm run codegen` makes of schema.graphql, client/operations/ and the README today. */
describe('npm run codegen', () => {
  test('the committed client/generated/ files are fresh', () => {
    // The real CLI, in a copy of the inputs, so the repository is left alone.
    const work = mkdtempSync(join(tmpdir(), 'codegen-'));
    try {
      // scripts/persisted-documents.mjs (a codegen hook) also reads the README's example operations.
      const inputs = ['schema.graphql', 'client/codegen.ts', 'client/operations', 'scripts/persisted-documents.mjs', 'README.md'];
      for (const file of [...inputs, ...PRETTIER_CONFIG]) {
        cpSync(join(ROOT, file), join(work, file), { recursive: true });
      }
      // The CLI finds its plugins from the working directory.
      symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'), 'dir');
      execFileSync(join(ROOT, 'node_modules/.bin/graphql-codegen'), ['--config', 'client/codegen.ts', '--silent'], {
        cwd: work,
        env: { ...process.env, PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH ?? ''}` },
        stdio: 'pipe',
      });
      const made = readdirSync(join(work, 'client/generated')).sort();
      expect(made).toEqual(readdirSync(join(ROOT, 'client/generated')).sort());
      for (const file of made) {
        const path = `client/generated/${file}`;
        expect({ path, text: readFileSync(join(ROOT, path), 'utf8') }).toEqual({ path, text: readFileSync(join(work, path), 'utf8') });
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 60_000);

  test('client/operations/ uses every query, mutation and subscription field of the schema', () => {
    const sdl = readFileSync(join(ROOT, 'schema.graphql'), 'utf8');
    // schema.graphql is the subgraph SDL: its federation directives are declared here for the check.
    const schema = buildSchema(
      `directive @link(url: String, import: [String]) on SCHEMA\ndirective @key(fields: String) repeatable on OBJECT\ndirective @shareable on OBJECT | FIELD_DEFINITION\n${sdl}`,
    );
    const used = new Set<string>();
    for (const file of readdirSync(join(ROOT, 'client/operations'))) {
      const document = parse(readFileSync(join(ROOT, 'client/operations', file), 'utf8'));
      for (const definition of document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)) {
        for (const selection of definition.selectionSet.selections)
          if (selection.kind === Kind.FIELD) used.add(`${definition.operation}.${selection.name.value}`);
      }
    }
    const offered = (['query', 'mutation', 'subscription'] as const).flatMap((operation) => {
      const root =
        operation === 'query' ? schema.getQueryType() : operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
      return Object.keys(root?.getFields() ?? {}).map((field) => `${operation}.${field}`);
    });
    expect(offered.filter((field) => !used.has(field))).toEqual([]);
  });
});
