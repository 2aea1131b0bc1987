// Bundles the backup console (client/console/) into dist/console/ with esbuild: one minified script,
// one style sheet, the page. Run by `npm run build`; the gateway serves the result at /console.
// Prints the sizes (raw and gzipped); `--metafile` also writes dist/console-meta.json for a closer look.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'client', 'console');
const out = join(root, 'dist', 'console');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const result = await build({
  entryPoints: [join(src, 'main.tsx')],
  outfile: join(out, 'console.js'),
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['chrome109', 'firefox115', 'safari16'],
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"', __DEV__: 'false', 'globalThis.__DEV__': 'false' },
  legalComments: 'linked',
  metafile: process.argv.includes('--metafile'),
  logLevel: 'warning',
});
if (result.metafile) writeFileSync(join(root, 'dist', 'console-meta.json'), JSON.stringify(result.metafile));
copyFileSync(join(src, 'index.html'), join(out, 'index.html'));
copyFileSync(join(src, 'console.css'), join(out, 'console.css'));
// The trusted documents' manifest, whose operation names the gateway's metrics label by name
// (src/gateway/observability/known-operations.ts): the image has dist/ and not client/.
copyFileSync(join(root, 'client', 'generated', 'persisted-documents.json'), join(root, 'dist', 'persisted-documents.json'));

const size = (name) => {
  const bytes = readFileSync(join(out, name));
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};
const js = size('console.js');
const css = size('console.css');
const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
console.log(
  `console: console.js ${kB(js.raw)} (${kB(js.gzip)} gzipped), console.css ${kB(css.raw)} (${kB(css.gzip)} gzipped) → dist/console/`,
);
