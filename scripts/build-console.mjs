// Bundles the backup console (client/console/) into dist/console/ with esbuild: one minified script
// and one style sheet, both named by a hash of their content (console-<hash>.js, so the gateway can
// let browsers keep them for a year), and the page, rewritten to name them. Every file also gets a
// brotli (.br) and a gzip (.gz) copy beside it, made here once so the gateway only picks one per
// request (src/gateway/http/static-files.ts). Run by `npm run build`; served at /console.
// Prints the sizes; `--metafile` also writes dist/console-meta.json for a closer look.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'client', 'console');
const out = join(root, 'dist', 'console');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const result = await build({
  // The script and the style sheet (with the sheets it @imports) are both called console.
  entryPoints: [
    { in: join(src, 'main.tsx'), out: 'console' },
    { in: join(src, 'console.css'), out: 'console' },
  ],
  outdir: out,
  entryNames: '[name]-[hash]',
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['chrome109', 'firefox115', 'safari16'],
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"', __DEV__: 'false', 'globalThis.__DEV__': 'false' },
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
});
if (process.argv.includes('--metafile')) writeFileSync(join(root, 'dist', 'console-meta.json'), JSON.stringify(result.metafile));

// The page names what this build wrote: the old names are gone, so a page can never load a stale file.
const built = Object.keys(result.metafile.outputs).map((path) => basename(path));
const named = (extension) => {
  const name = built.find((n) => n.startsWith('console-') && n.endsWith(extension));
  if (!name) throw new Error(`esbuild wrote no console-<hash>${extension}: ${built.join(', ')}`);
  return name;
};
const script = named('.js');
const sheet = named('.css');
const page = readFileSync(join(src, 'index.html'), 'utf8')
  .replace('/console/console.css', `/console/${sheet}`)
  .replace('/console/console.js', `/console/${script}`);
if (!page.includes(script) || !page.includes(sheet))
  throw new Error('client/console/index.html must link /console/console.css and /console/console.js');
writeFileSync(join(out, 'index.html'), page);

// Precompressed at the highest levels: it costs the build a second, and no request ever pays it.
const sizes = {};
for (const name of readdirSync(out)) {
  const bytes = readFileSync(join(out, name));
  const br = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  const gzip = gzipSync(bytes, { level: 9 });
  writeFileSync(join(out, `${name}.br`), br);
  writeFileSync(join(out, `${name}.gz`), gzip);
  sizes[name] = { raw: bytes.length, br: br.length, gzip: gzip.length };
}

// The trusted documents' manifest, whose operation names the gateway's metrics label by name
// (src/gateway/observability/known-operations.ts): the image has dist/ and not client/.
copyFileSync(join(root, 'client', 'generated', 'persisted-documents.json'), join(root, 'dist', 'persisted-documents.json'));

const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
const line = (name) => `${name} ${kB(sizes[name].raw)} (${kB(sizes[name].gzip)} gzip, ${kB(sizes[name].br)} br)`;
console.log(`console: ${line(script)}, ${line(sheet)} → dist/console/`);
