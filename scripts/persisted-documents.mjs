// Run by `npm run codegen` (client/codegen.ts, after the generated files are written): the manifest of
// trusted documents, client/generated/persisted-documents.json, sha256 → document text, as GraphQL Code
// Generator's client preset `persistedDocuments` writes it (the gateway reads it with PERSISTED_DOCUMENTS).
//
// - The console's operations: each typed document of client/generated/graphql.ts (the operation and the
//   fragments it uses) as Apollo Client sends it: `__typename` added to every selection set
//   (InMemoryCache's addTypename), printed by graphql-js. Its hash is what Apollo's persisted-queries
//   link sends.
// - Nothing else: the README's examples carry literal demo ids (one deletes a demo backup), and a
//   trusted document must be an operation a client runs with its own variables.
//
// Paths are relative to the working directory (the repository root, or the staleness test's copy).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Kind, print } from 'graphql';
import * as prettier from 'prettier';
import ts from 'typescript';

const require = createRequire(`${process.cwd()}/`);
const { addTypenameToDocument } = require('@apollo/client/utilities');

const OUT = 'client/generated/persisted-documents.json';
const sha256 = (text) => createHash('sha256').update(text).digest('hex');

/** The typed documents of the generated module (its imports are types only: nothing to resolve). */
function consoleDocuments() {
  const source = readFileSync('client/generated/graphql.ts', 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const exports = {};
  new Function('exports', 'require', outputText)(exports, require);
  return Object.values(exports)
    .filter((value) => value?.kind === Kind.DOCUMENT && value.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION))
    .map((document) => print(addTypenameToDocument(document)));
}

const manifest = {};
for (const body of consoleDocuments()) manifest[sha256(body)] = body;
const text = JSON.stringify(manifest, null, 2);
writeFileSync(OUT, await prettier.format(text, { ...(await prettier.resolveConfig(OUT)), filepath: OUT }));
