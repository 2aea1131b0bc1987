import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse } from 'graphql';

/**
 * Where the committed trusted-documents manifest (client/generated/persisted-documents.json, which
 * `npm run codegen` writes from client/operations/ alone) is found at run time,
 * first found first: the copy `npm run build` puts in dist/ (scripts/build-console.mjs), which is all
 * the image has; else the source tree's (running from src/, as the tests do). Both from this file:
 * dist/gateway/observability/ or src/gateway/observability/.
 */
export const MANIFEST_CANDIDATES = [
  join(__dirname, '..', '..', 'persisted-documents.json'),
  join(__dirname, '..', '..', '..', 'client', 'generated', 'persisted-documents.json'),
];

/** The names of the named operations of these GraphQL documents (a document that does not parse names none). */
export function operationNamesIn(documents: Iterable<string>): string[] {
  const names = new Set<string>();
  for (const text of documents) {
    let definitions;
    try {
      definitions = parse(text, { noLocation: true }).definitions;
    } catch {
      continue;
    }
    for (const definition of definitions)
      if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) names.add(definition.name.value);
  }
  return [...names];
}

/** The documents of a manifest: hash → document, or Apollo's persisted query manifest ({ operations: [{ body }] }). */
function documentsOf(manifest: unknown): string[] {
  if (!manifest || typeof manifest !== 'object') return [];
  const operations = (manifest as { operations?: unknown }).operations;
  const values = Array.isArray(operations)
    ? operations.map((operation) => (operation as { body?: unknown })?.body)
    : Object.values(manifest);
  return values.filter((value): value is string => typeof value === 'string');
}

let committed: { names: readonly string[]; path?: string } | undefined;

/** The operation names of the committed manifest, read once per process (none, and no path, when it is nowhere to be found). */
export function committedOperationNames(): { names: readonly string[]; path?: string } {
  if (committed) return committed;
  const path = MANIFEST_CANDIDATES.find((candidate) => existsSync(candidate));
  if (!path) return (committed = { names: [] });
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`the trusted-documents manifest ${path} cannot be read: ${(error as Error).message}`, { cause: error });
  }
  return (committed = { names: operationNamesIn(documentsOf(manifest)), path });
}
