#!/usr/bin/env node
// Generates src/fsx-model/aws-regions.generated.ts: the AWS partitions and their Regions, from the
// partition data the installed AWS SDK resolves endpoints with (@aws-sdk/core's util-endpoints
// partitions.js, as @aws-sdk/client-fsx loads it). The FSx service model carries no Region list.
// Usage: npm run aws-regions [-- <output root, default: this repository>]
// Run after an SDK upgrade; the output is committed, the SDK's data is not read at run time.
// (test/unit/aws-regions.test.ts regenerates into a temporary root and compares.)
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..');
// The @aws-sdk/core the FSx client itself resolves (there may be more than one in node_modules).
const fromClient = createRequire(createRequire(import.meta.url).resolve('@aws-sdk/client-fsx'));
const core = dirname(fromClient.resolve('@aws-sdk/core/package.json'));
const DATA = join(core, 'dist-es', 'submodules', 'client', 'util-endpoints', 'lib', 'aws', 'partitions.js');
let partitionsInfo;
try {
  ({ partitionsInfo } = await import(pathToFileURL(DATA).href));
} catch (error) {
  throw new Error(`No partition data at ${DATA} (has @aws-sdk/core moved it?): ${error.message}`, { cause: error });
}

const lines = [
  "// GENERATED from the AWS SDK's partition data (@aws-sdk/core's util-endpoints partitions.js, Apache-2.0)",
  '// by scripts/generate-aws-regions.mjs; regenerate rather than edit.',
  '',
  '/**',
  ' * Every AWS partition: the Regions the SDK knows in it (its pseudo-Regions such as aws-global left out:',
  " * they do not match the partition's own pattern) and the pattern its Region names follow.",
  ' */',
  'export const AWS_PARTITIONS = {',
];
for (const p of partitionsInfo.partitions) {
  const pattern = new RegExp(p.regionRegex);
  const regions = Object.keys(p.regions).filter((r) => pattern.test(r));
  lines.push(`  ${JSON.stringify(p.id)}: {`);
  lines.push(`    regionPattern: new RegExp(${JSON.stringify(p.regionRegex)}),`);
  lines.push(`    regions: ${JSON.stringify(regions)},`);
  lines.push('  },');
}
lines.push('} as const;', '');
const out = join(ROOT, 'src', 'fsx-model', 'aws-regions.generated.ts');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, lines.join('\n'));
console.log(`wrote ${out}`);
